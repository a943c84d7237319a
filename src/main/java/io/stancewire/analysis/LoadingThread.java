package io.stancewire.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loading models side by side at start-up (the dependency parser beside CoreNLP's annotators, the portrayal encoder
 * and the leader registry beside both): each load on a named daemon thread, so a thread dump says what is loading
 * and a failed start is not held up by it, and joined with the loader's own exception rather than a wrapper.
 */
public final class LoadingThread {

    private LoadingThread() {
    }

    /** Starts {@code load} on a daemon thread of that name. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> load) {
        return CompletableFuture.supplyAsync(load, task -> daemon(name, task).start());
    }

    /** Runs {@code task} on a daemon thread of that name. */
    public static void run(String name, Runnable task) {
        daemon(name, task).start();
    }

    /** The value loaded, or what the loading thread threw (a {@link RuntimeException} as itself). */
    public static <T> T join(CompletableFuture<T> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
