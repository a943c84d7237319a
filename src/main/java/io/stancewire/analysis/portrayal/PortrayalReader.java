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
        public PortrayalReaders load() {
            return new PortrayalReaders(EncoderPortrayalModel.load(), PortrayalModel.load());
        }
    },

    /**
     * The logistic regression over lexicon and window features ({@link PortrayalModel}): no ONNX Runtime (about 100 MB
     * less resident memory), about a quarter of the encoder's cost, a weaker reading (see docs/quality.md).
     */
    LEXICON {
        @Override
        public PortrayalReaders load() {
            return PortrayalReaders.all(PortrayalModel.load());
        }
    };

    /** The classifiers, loaded once per JVM and shared. */
    public abstract PortrayalReaders load();
}
