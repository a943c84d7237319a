package io.stancewire.analysis.model;

import java.util.List;

/**
 * A person, organisation or place the article speaks of, with every span that refers to it. {@code portrayal} is
 * how the text speaks of them, in [-1, 1]; {@code portrayalLabel} (an addition to the contract) its class: -1, 0, +1.
 */
public record Actor(String id, String name, String type, boolean leader, String role, double portrayal,
        int portrayalLabel, List<Span> mentions) {
}
