package io.stancewire.analysis.portrayal;

/** Which classifier reads portrayal: the operator's choice ({@code stancewire.analysis.portrayal}). */
public enum PortrayalReader {

    /**
     * The fine-tuned sentence encoder ({@link EncoderPortrayalModel}) for people, the lexicon model for the other
     * actors: the better reading, the default. NewsMTSC, which both learned from, portrays people only, and the
     * encoder costs about 4 ms a sentence, so it reads the people (the leaders among them) and not every
     * organisation and place.
     */
    ENCODER {
        @Override
        public PortrayalReaders load(int cachedSentences) {
            return new PortrayalReaders(EncoderPortrayalModel.load(cachedSentences), PortrayalModel.load());
        }
    },

    /**
     * The logistic regression over lexicon and window features ({@link PortrayalModel}): no ONNX Runtime (about 100 MB
     * less resident memory), about a quarter of the encoder's cost, a weaker reading (see docs/quality.md).
     */
    LEXICON {
        @Override
        public PortrayalReaders load(int cachedSentences) {
            return PortrayalReaders.all(PortrayalModel.load());
        }
    };

    /**
     * The classifiers, loaded once per JVM and shared; the encoder keeps the readings of the last
     * {@code cachedSentences} sentences (0: none; the lexicon model keeps none, it has no pass to save).
     */
    public abstract PortrayalReaders load(int cachedSentences);

    /** The classifiers with the encoder's default sentence cache. */
    public PortrayalReaders load() {
        return load(EncoderPortrayalModel.CACHED_SENTENCES);
    }
}
