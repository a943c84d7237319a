package io.stancewire.analysis.portrayal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link LoadedOnce}: one load shared by every caller, and a failed load tried again. */
class LoadedOnceTest {

    @Test
    void loadsOnceAndSharesIt() {
        AtomicInteger loads = new AtomicInteger();
        LoadedOnce<Object> once = new LoadedOnce<>(() -> {
            loads.incrementAndGet();
            return new Object();
        });
        Object first = once.get();
        assertThat(once.get()).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadIsTriedAgain() {
        AtomicInteger loads = new AtomicInteger();
        LoadedOnce<String> once = new LoadedOnce<>(() -> {
            if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("cannot load");
            }
            return "model";
        });
        assertThatThrownBy(once::get).hasMessage("cannot load");
        assertThat(once.get()).isEqualTo("model");
        assertThat(loads).hasValue(2);
    }
}
