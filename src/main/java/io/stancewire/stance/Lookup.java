package io.stancewire.stance;

/**
 * What a query of the state stores found: the value on this instance, the other instance that holds it, or nothing.
 * The query layer ({@link StanceQueries}) decides which; a REST resource only maps each case to HTTP (the value, the
 * peer's own answer, a 404 problem).
 *
 * @param <T> the value's type
 */
public sealed interface Lookup<T> {

    /** This instance holds the value. */
    record Found<T>(T value) implements Lookup<T> {
    }

    /** Another instance holds the key; {@code instance} is its {@code host:port}. */
    record HeldElsewhere<T>(String instance) implements Lookup<T> {
    }

    /** No instance holds the key. */
    record NotFound<T>() implements Lookup<T> {
    }

    static <T> Lookup<T> ofNullable(T value) {
        return value == null ? new NotFound<>() : new Found<>(value);
    }
}
