package io.stancewire.analysis.portrayal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.portrayal.PortrayalClassifier.Target;

/** The rows an encoder reads for a sentence's targets, pooled or marked; the tokenizer only, no model. */
class TargetReadingTest {

    private static final WordPieceTokenizer TOKENIZER = WordPieceTokenizer.read(EncoderPortrayalModel.VOCABULARY);
    private static final TargetReading.Markers MARKERS = TargetReading.Markers.of(TOKENIZER);
    private static final long OPEN = MARKERS.open();
    private static final long CLOSE = MARKERS.close();

    private static Target target(String sentence, String name) {
        int start = sentence.indexOf(name);
        return new Target(start, start + name.length());
    }

    @Test
    void poolsTheTargetsPiecesOrClsWhenCutOff() {
        WordPieceTokenizer.Pieces pieces = TOKENIZER.encode("Ms. Abdelkader-Smith spoke.", 128);
        float[] w = TargetReading.pooling(pieces, new Target(4, 20));
        float sum = 0;
        for (float x : w) {
            sum += x;
        }
        assertThat(sum).isCloseTo(1f, within(1e-6f));
        assertThat(w[0]).isZero();
        assertThat(TargetReading.pooling(pieces, new Target(200, 210))[0]).isEqualTo(1f);
    }

    @Test
    void pooledReadsEveryTargetOnOneRow() {
        String s = "Jones praised Smith.";
        WordPieceTokenizer.Pieces pieces = TOKENIZER.encode(s, 128);
        List<EncoderRow> rows = TargetReading.POOLED.rows(pieces, List.of(target(s, "Jones"), target(s, "Smith")),
                MARKERS);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.ids()).isEqualTo(pieces.ids());
            assertThat(row.pooling()).hasNumberOfRows(2);
            assertThat(row.firstTarget()).isZero();
        });
    }

    @Test
    void markedWrapsEachTargetInItsOwnRow() {
        String s = "Jones praised Abdelkader-Smith.";
        WordPieceTokenizer.Pieces pieces = TOKENIZER.encode(s, 128);
        List<EncoderRow> rows = TargetReading.MARKED.rows(pieces,
                List.of(target(s, "Jones"), target(s, "Abdelkader-Smith")), MARKERS);
        assertThat(rows).hasSize(2);
        long[] ids = pieces.ids();
        // [CLS] < jones > praised ... [SEP]
        EncoderRow jones = rows.get(0);
        assertThat(jones.firstTarget()).isZero();
        assertThat(jones.ids()).hasSize(ids.length + 2);
        assertThat(jones.ids()[0]).isEqualTo(ids[0]);
        assertThat(jones.ids()[1]).isEqualTo(OPEN);
        assertThat(jones.ids()[2]).isEqualTo(ids[1]);
        assertThat(jones.ids()[3]).isEqualTo(CLOSE);
        assertThat(Arrays.copyOfRange(jones.ids(), 4, jones.ids().length))
                .isEqualTo(Arrays.copyOfRange(ids, 2, ids.length));
        assertThat(jones.pooling()[0][2]).isEqualTo(1f);
        // a name of several pieces: the markers around all of them, the weights on them alone
        EncoderRow smith = rows.get(1);
        assertThat(smith.firstTarget()).isEqualTo(1);
        long[] marked = smith.ids();
        int open = indexOf(marked, OPEN);
        int close = indexOf(marked, CLOSE);
        float[] unmarked = TargetReading.pooling(pieces, target(s, "Abdelkader-Smith"));
        assertThat(close - open - 1).isEqualTo(countPositive(unmarked)).isGreaterThan(1);
        float[] w = smith.pooling()[0];
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i] > 0).as("piece %d", i).isEqualTo(i > open && i < close);
        }
        assertThat(marked[marked.length - 1]).isEqualTo(ids[ids.length - 1]);
    }

    @Test
    void aLongSentenceKeepsItsSepAndATargetCutOffIsReadUnmarked() {
        String s = "Smith said " + "that the plan, which nobody had read, ".repeat(40) + "was fine to Jones.";
        WordPieceTokenizer.Pieces pieces = TOKENIZER.encode(s, EncoderPortrayalModel.MAX_PIECES);
        assertThat(pieces.size()).isEqualTo(EncoderPortrayalModel.MAX_PIECES);
        EncoderRow smith = TargetReading.marked(pieces, target(s, "Smith"), 0, MARKERS);
        assertThat(smith.ids()).hasSize(EncoderPortrayalModel.MAX_PIECES);
        assertThat(smith.ids()[1]).isEqualTo(OPEN);
        assertThat(smith.ids()[3]).isEqualTo(CLOSE);
        assertThat(smith.ids()[smith.ids().length - 1]).isEqualTo(pieces.ids()[pieces.size() - 1]);
        EncoderRow jones = TargetReading.marked(pieces, target(s, "Jones"), 1, MARKERS);
        assertThat(jones.ids()).isEqualTo(pieces.ids());
        assertThat(jones.pooling()[0][0]).isEqualTo(1f);
        // the last piece before [SEP]: its OPEN marker pushes it out, so it is read on [CLS], as in training
        int last = pieces.size() - 2;
        EncoderRow edge = TargetReading.marked(pieces, new Target(pieces.starts()[last], pieces.ends()[last]), 0,
                MARKERS);
        assertThat(edge.ids()).hasSize(EncoderPortrayalModel.MAX_PIECES);
        assertThat(edge.ids()[last]).isEqualTo(OPEN);
        assertThat(edge.ids()[edge.ids().length - 1]).isEqualTo(pieces.ids()[pieces.size() - 1]);
        assertThat(edge.pooling()[0][0]).isEqualTo(1f);
        // a target of three pieces at the limit keeps the two that still fit before [SEP], without its CLOSE
        int first = pieces.size() - 4;
        EncoderRow partly = TargetReading.marked(pieces, new Target(pieces.starts()[first], pieces.ends()[last]), 0,
                MARKERS);
        assertThat(partly.ids()[first]).isEqualTo(OPEN);
        assertThat(partly.ids()).doesNotContain(CLOSE);
        assertThat(countPositive(partly.pooling()[0])).isEqualTo(2);
        assertThat(partly.pooling()[0][first + 1]).isEqualTo(0.5f);
        assertThat(partly.pooling()[0][first + 2]).isEqualTo(0.5f);
    }

    @Test
    void theModelFileSaysHowItReadsItsTargets() {
        assertThat(TargetReading.of(null)).isEqualTo(TargetReading.POOLED);
        assertThat(TargetReading.of("marked")).isEqualTo(TargetReading.MARKED);
        assertThat(TargetReading.of("pooled")).isEqualTo(TargetReading.POOLED);
        assertThatThrownBy(() -> TargetReading.of("sideways")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static int countPositive(float[] w) {
        int n = 0;
        for (float x : w) {
            n += x > 0 ? 1 : 0;
        }
        return n;
    }
}
