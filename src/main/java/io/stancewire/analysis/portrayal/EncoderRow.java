package io.stancewire.analysis.portrayal;

/**
 * One row of an encoder pass: the word pieces the encoder reads ({@code [CLS]} ... {@code [SEP]}) and, for each
 * target read on them, its pooling weights over those pieces; the row reads the sentence's targets from
 * {@code firstTarget} on.
 */
record EncoderRow(long[] ids, float[][] pooling, int firstTarget) {
}
