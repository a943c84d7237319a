package io.stancewire.analysis.portrayal;

/**
 * Which classifier reads which actors: people by {@code people}, every other actor (organisations, governments,
 * places, groups) by {@code others}.
 */
public record PortrayalReaders(PortrayalClassifier people, PortrayalClassifier others) {

    /** One classifier for every actor. */
    public static PortrayalReaders all(PortrayalClassifier classifier) {
        return new PortrayalReaders(classifier, classifier);
    }

    /** The same readers with {@code people} read by another classifier (a benchmark's encoder without its cache). */
    public PortrayalReaders withPeople(PortrayalClassifier classifier) {
        return new PortrayalReaders(classifier, others);
    }

    PortrayalClassifier of(boolean person) {
        return person ? people : others;
    }
}
