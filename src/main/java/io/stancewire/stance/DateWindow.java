package io.stancewire.stance;

import java.time.Instant;
import java.time.LocalDate;

/** Days of publication (UTC) from {@code first} to {@code last}, both included; a null end is open. */
public record DateWindow(LocalDate first, LocalDate last) {

    public static final DateWindow ALL = new DateWindow(null, null);

    public boolean isAll() {
        return first == null && last == null;
    }

    public boolean contains(LocalDate day) {
        return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
    }

    /** A day key of a timeline ({@code 2023-03-18}). */
    public boolean contains(String day) {
        return contains(LocalDate.parse(day));
    }

    public boolean contains(Instant publishedAt) {
        return contains(StanceAggregate.dateOf(publishedAt));
    }
}
