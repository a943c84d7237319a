package io.stancewire.analysis.model;

import java.util.List;

/** A phrase of the narration that shows how its agents act towards its targets ("pouted", "throw spades at"). */
public record ToneCue(int start, int end, String cue, List<String> agentIds, List<String> targetIds, double polarity,
        String category) {
}
