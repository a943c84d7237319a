package io.stancewire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The language of an article that declares none, told by the Optimaize language detector (character n-gram
 * profiles of 71 languages, from Maven Central) so that a French wire story is dead-lettered instead of being read as
 * English that names no one.
 *
 * <p>A guess must never turn away English: an article is called non-English only when
 * <ul>
 * <li>its body has at least {@link #MIN_LETTERS} letters (short texts are guessed badly: they pass),</li>
 * <li>the most probable language is not English, with a probability of at least {@link #MIN_PROBABILITY},</li>
 * <li>and English is not among the candidates at all: a mixed text (an English report quoting French at length) is
 * analysed as English.</li>
 * </ul>
 * Both thresholds were chosen on English texts of every length in {@code ../shared/datasets/} (wikinews articles
 * and their prefixes, NewsMTSC sentences) and on foreign paragraphs written for the tests ({@code
 * LanguageDetectionTest}); {@code docs/reliability.md} gives the figures. The detector is deterministic (fixed
 * seed), thread-safe, reads at most the first {@link #SAMPLE_CHARS} characters and takes about 15 ms a text, whatever
 * its length (a tenth of an analysis); texts too short to be turned away are not given to it.
 */
public final class LanguageDetection {

    /** Fewer letters than this and the body is taken as English, whatever it looks like. */
    public static final int MIN_LETTERS = 200;
    /** The least probability of the foreign language that rejects an article. */
    public static final double MIN_PROBABILITY = 0.95;
    /** The detector reads the body up to here: enough for any language, and fast on a 1 MB body. */
    public static final int SAMPLE_CHARS = 10_000;
    private static final long SEED = 42;

    private static final class Holder {
        static final LanguageDetection INSTANCE = new LanguageDetection();
    }

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    private LanguageDetection() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).seed(SEED)
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the language profiles in the language-detector jar cannot be read", e);
        }
    }

    /** The one detector of this JVM; its profiles (about 20 MB) load on first use. */
    public static LanguageDetection get() {
        return Holder.INSTANCE;
    }

    /** What the detector makes of a body. */
    public record Guess(String language, double probability, double english, int letters) {

        /** True when this guess is sure enough to turn the article away. */
        public boolean foreign() {
            return letters >= MIN_LETTERS && !language.equals("en") && probability >= MIN_PROBABILITY
                    && english == 0;
        }
    }

    /** The language code (ISO 639-1, "zh-CN" for Chinese) of a body that is surely not English, else empty. */
    public Optional<String> foreignLanguage(String body) {
        String sample = sample(body);
        int letters = letters(sample);
        if (letters < MIN_LETTERS) {
            return Optional.empty(); // too short to tell: not worth the detector's time (about 15 ms a text)
        }
        Guess guess = guess(sample, letters);
        return guess.foreign() ? Optional.of(guess.language()) : Optional.empty();
    }

    /** The detector's best language for a body, its probability, and that of English. */
    public Guess guess(String body) {
        String sample = sample(body);
        return guess(sample, letters(sample));
    }

    private Guess guess(String sample, int letters) {
        List<DetectedLanguage> candidates = detector.getProbabilities(texts.forText(sample));
        if (candidates.isEmpty()) {
            return new Guess("und", 0, 0, letters);
        }
        double english = candidates.stream().filter(c -> c.getLocale().getLanguage().equals("en"))
                .mapToDouble(DetectedLanguage::getProbability).findFirst().orElse(0);
        DetectedLanguage best = candidates.get(0);
        return new Guess(best.getLocale().toString(), best.getProbability(), english, letters);
    }

    private static String sample(String body) {
        return body.length() > SAMPLE_CHARS ? body.substring(0, SAMPLE_CHARS) : body;
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
