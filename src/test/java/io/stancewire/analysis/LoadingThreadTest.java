package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LoadingThreadTest {

    @Test
    void loadsOnANamedDaemonThread() {
        CompletableFuture<Thread> loading = LoadingThread.start("model-loader", Thread::currentThread);
        Thread thread = LoadingThread.join(loading);
        assertThat(thread.getName()).isEqualTo("model-loader");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailedLoadThrowsWhatTheLoaderThrew() {
        UncheckedIOException thrown = new UncheckedIOException(new IOException("no model file"));
        CompletableFuture<Object> loading = LoadingThread.start("model-loader", () -> {
            throw thrown;
        });
        assertThatThrownBy(() -> LoadingThread.join(loading)).isSameAs(thrown);
    }

    @Test
    void anErrorStaysWrappedWithItsCause() {
        CompletableFuture<Object> loading = LoadingThread.start("model-loader", () -> {
            throw new OutOfMemoryError("heap");
        });
        assertThatThrownBy(() -> LoadingThread.join(loading)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void runsATaskOnANamedDaemonThread() throws InterruptedException {
        AtomicReference<Thread> ran = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        LoadingThread.run("corenlp-loader", () -> {
            ran.set(Thread.currentThread());
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get().getName()).isEqualTo("corenlp-loader");
        assertThat(ran.get().isDaemon()).isTrue();
    }
}
