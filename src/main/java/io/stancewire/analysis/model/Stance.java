package io.stancewire.analysis.model;

/** What one actor says and does in one article: {@link io.stancewire.analysis.tone.StanceScorer} computes it. */
public record Stance(String actorId, double score, int evidence) {
}
