package io.stancewire.analysis;

import java.util.List;

/** A person, organisation or place the article speaks of, with every span that refers to it. */
public record Actor(String id, String name, String type, boolean leader, String role, double portrayal,
        List<Span> mentions) {
}
