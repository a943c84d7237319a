package io.stancewire.analysis.portrayal;

import java.util.function.Supplier;

/**
 * A model loaded at the first {@link #get()} and shared after it: threads that ask while it loads wait for it, and a
 * load that fails is tried again at the next {@code get} (a model file mended, a {@code /tmp} made writable), where
 * the class-holder idiom would fail for the life of the JVM.
 */
final class LoadedOnce<T> {

    private final Supplier<T> loader;
    private volatile T value;

    LoadedOnce(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        T loaded = value;
        if (loaded == null) {
            synchronized (this) {
                loaded = value;
                if (loaded == null) {
                    loaded = loader.get();
                    value = loaded;
                }
            }
        }
        return loaded;
    }
}
