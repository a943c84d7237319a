package io.stancewire.analysis.portrayal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shipped portrayal encoder ({@code analysis/portrayal-encoder.onnx}) run by ONNX Runtime in the JVM, without
 * CoreNLP: it loads, reads sentences of our own the way a reader would, and reading several targets in one pass gives
 * what reading each alone gives.
 */
class EncoderPortrayalModelTest {

    private static final EncoderPortrayalModel MODEL = EncoderPortrayalModel.load();

    private static double[] probabilities(String sentence, String target) {
        int start = sentence.indexOf(target);
        return MODEL.probabilities(sentence, List.of(new PortrayalClassifier.Target(start, start + target.length())))[0];
    }

    private static int label(String sentence, String target) {
        double[] p = probabilities(sentence, target);
        int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
        return PortrayalModel.CLASSES[best];
    }

    @Test
    void loadsOnce() {
        assertThat(EncoderPortrayalModel.load()).isSameAs(MODEL);
        assertThat(MODEL.offsets()).containsExactly(0, 0, 0);
    }

    @Test
    void readsWhoIsPortrayedHow() {
        assertThat(label("Critics blasted Smith for his disastrous handling of the crisis.", "Smith")).isEqualTo(-1);
        assertThat(label("Supporters praised Smith for her brave leadership.", "Smith")).isEqualTo(1);
        assertThat(label("Smith met the delegation on Monday.", "Smith")).isEqualTo(0);
        // the same sentence, two people, two portrayals: the encoder reads whom the words are about
        String both = "Jones was widely praised for her courage, while Smith was charged with fraud.";
        assertThat(label(both, "Jones")).isEqualTo(1);
        assertThat(label(both, "Smith")).isEqualTo(-1);
    }

    @Test
    void oneRunForSeveralTargetsGivesWhatEachAloneGives() {
        assertThat(MODEL.reading()).isEqualTo(TargetReading.POOLED);
        String s = "Jones was widely praised for her courage, while Smith was charged with fraud.";
        List<PortrayalClassifier.Target> both = List.of(new PortrayalClassifier.Target(s.indexOf("Jones"),
                s.indexOf("Jones") + 5), new PortrayalClassifier.Target(s.indexOf("Smith"), s.indexOf("Smith") + 5));
        try (EncoderPortrayalModel uncached = EncoderPortrayalModel.loadUncached()) {
            double[][] together = uncached.probabilities(s, both);
            assertThat(together).hasDimensions(2, 3);
            assertThat(uncached.passes()).isEqualTo(1);
            assertThat(uncached.rows()).isEqualTo(1);
            assertThat(together[0]).containsExactly(probabilities(s, "Jones"), within(1e-5));
            assertThat(together[1]).containsExactly(probabilities(s, "Smith"), within(1e-5));
            // the same request, read again (this model keeps no readings), reads exactly the same: a re-sent article
            // changes nothing even when its sentences have left the cache
            double[][] again = uncached.probabilities(s, both);
            assertThat(again[0]).containsExactly(together[0]);
            assertThat(again[1]).containsExactly(together[1]);
            assertThat(uncached.probabilities(s, List.of())).isEmpty();
        }
    }

    @Test
    void aSentenceSeenAgainCostsNoPass() {
        String s = "Critics blasted Smith for his disastrous handling of the crisis, again.";
        List<PortrayalClassifier.Target> smith = List.of(new PortrayalClassifier.Target(16, 21));
        double[][] first = MODEL.probabilities(s, smith);
        long passes = MODEL.passes();
        first[0][0] = -1; // the caller's copy: the cache keeps its own
        double[][] again = MODEL.probabilities(s, smith);
        assertThat(MODEL.passes()).isEqualTo(passes);
        assertThat(again[0][0]).isBetween(0.0, 1.0);
        // another target in the same sentence is another reading
        MODEL.probabilities(s, List.of(new PortrayalClassifier.Target(0, 7)));
        assertThat(MODEL.passes()).isEqualTo(passes + 1);
        try (EncoderPortrayalModel uncached = EncoderPortrayalModel.loadUncached()) {
            uncached.probabilities(s, smith);
            uncached.probabilities(s, smith);
            assertThat(uncached.passes()).isEqualTo(2);
            assertThat(uncached.probabilities(s, smith)[0]).containsExactly(again[0], within(1e-9));
        }
    }

    @Test
    void theOperatorsCacheSizeIsKept() {
        // stancewire.analysis.portrayal-cache-sentences=0 (bench/e2e, which cycles the same bodies): every sentence
        // costs a pass, seen before or not; the model is still loaded once for that size and shared
        EncoderPortrayalModel none = EncoderPortrayalModel.load(0);
        assertThat(EncoderPortrayalModel.load(0)).isSameAs(none).isNotSameAs(MODEL);
        assertThat(EncoderPortrayalModel.load(EncoderPortrayalModel.CACHED_SENTENCES)).isSameAs(MODEL);
        assertThat(PortrayalReader.ENCODER.load(0).people()).isSameAs(none);
        assertThat(PortrayalReader.ENCODER.load().people()).isSameAs(MODEL);
        String s = "Supporters praised Smith for her brave leadership, once more.";
        List<PortrayalClassifier.Target> smith = List.of(new PortrayalClassifier.Target(19, 24));
        long passes = none.passes();
        double[][] first = none.probabilities(s, smith);
        assertThat(none.probabilities(s, smith)[0]).containsExactly(first[0]);
        assertThat(none.passes()).isEqualTo(passes + 2);
        assertThatThrownBy(() -> EncoderPortrayalModel.load(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void probabilitiesSumToOneOnOddInput() {
        String longSentence = "Smith said " + "that the plan, which nobody had read, ".repeat(40) + "was fine.";
        for (String s : new String[] {"Smith", "“I never lied,” Smith told reporters, ‘never’.", longSentence,
                "Smith 😀 said the plan was “a disaster”.", "Smith\u0000\u200b of Zürich"}) {
            double[] p = probabilities(s, "Smith");
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-6));
        }
        // a target cut off by the 128-piece limit is read on the whole sentence ([CLS]) rather than dropped
        int late = longSentence.lastIndexOf("fine");
        double[] p = MODEL.probabilities(longSentence, List.of(new PortrayalClassifier.Target(late, late + 4)))[0];
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aModelFileOfAKindThisVersionCannotReadFailsClearly() {
        byte[] bytes = EncoderPortrayalModel.bytes(EncoderPortrayalModel.MODEL);
        // the shipped file's metadata (after the graph): key "stancewire.targets", value "pooled"; a value of the
        // same length keeps the file valid
        int key = lastIndexOf(bytes, TargetReading.METADATA_KEY.getBytes(StandardCharsets.US_ASCII));
        int value = lastIndexOf(bytes, "pooled".getBytes(StandardCharsets.US_ASCII));
        assertThat(key).isPositive();
        assertThat(value).isGreaterThan(key);
        System.arraycopy("sorted".getBytes(StandardCharsets.US_ASCII), 0, bytes, value, 6);
        assertThatThrownBy(() -> new EncoderPortrayalModel(bytes,
                WordPieceTokenizer.read(EncoderPortrayalModel.VOCABULARY), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TargetReading.METADATA_KEY)
                .hasMessageContaining("SORTED")
                .hasMessageContaining("scripts/finetune-portrayal");
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            int j = 0;
            while (j < pattern.length && bytes[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }
}
