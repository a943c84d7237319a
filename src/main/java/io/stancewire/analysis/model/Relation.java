package io.stancewire.analysis.model;

import java.util.List;

/**
 * How one actor acts and speaks toward another in one article: {@code score} is the mean value of the
 * {@code evidence} items (the stance formula, {@link io.stancewire.analysis.tone.StanceScorer#score}), in [-1, 1],
 * and {@code spans} (an addition to the contract) lists each of them, so the number can be traced to the text.
 */
public record Relation(String agentId, String targetId, double score, int evidence, List<RelationEvidence> spans) {
}
