package io.stancewire.analysis.portrayal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portrayal encoder's tokenizer gives the pieces (ids and character ranges) of HuggingFace's own tokenizer,
 * read from the published model's {@code tokenizer.json} (a test-scope jar), on every NewsMTSC sentence and on
 * sentences that exercise its rules.
 */
class WordPieceTokenizerTest {

    private static final WordPieceTokenizer TOKENIZER = WordPieceTokenizer.read(EncoderPortrayalModel.VOCABULARY);
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void reference() throws IOException {
        try (InputStream in = WordPieceTokenizerTest.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            reference = HuggingFaceTokenizer.newInstance(in,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void sentencesThatExerciseTheRules() {
        for (String s : List.of(
                "Kurti and Vučić did not hesitate to throw spades at each other.",
                "The Serbian president also pouted: «We will not accept it», he said.",
                "Ms. O’Rourke-Smith (D-N.Y.) said… “unacceptable!”",
                "Naïve café owners in Zürich — 3,500 of them — protested; Ångström   spacing\ttabs\nnewlines.",
                "Prime Minister 安倍晋三 met 習近平 in Beijing.",
                "Emoji 🙂 and soft\u00adhyphen and zero\u200bwidth and control\u0007char.",
                "Supercalifragilisticexpialidocious" + "x".repeat(120) + " is long.",
                "")) {
            assertSame(s);
        }
    }

    @Test
    void everyNewsMtscSentence() throws IOException {
        Path dir = Path.of(System.getProperty("stancewire.datasets", "../shared/datasets"), "newsmtsc");
        ObjectMapper json = new ObjectMapper();
        List<String> sentences = new ArrayList<>();
        for (String file : List.of("train.jsonl", "dev-mt.jsonl", "dev-rw.jsonl")) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode row = json.readTree(line);
                sentences.add(row.get("sentence").asText());
            }
        }
        assertThat(sentences).hasSizeGreaterThan(8000);
        sentences.forEach(this::assertSame);
    }

    @Test
    void cutsAtTheLimitAndClosesWithSep() {
        WordPieceTokenizer.Pieces pieces = TOKENIZER.encode("one two three four five six", 5);
        assertThat(pieces.ids()).hasSize(5);
        assertThat(pieces.ids()[0]).isEqualTo(101);
        assertThat(pieces.ids()[4]).isEqualTo(102);
        assertThat(pieces.starts()).containsExactly(-1, 0, 4, 8, -1);
    }

    private void assertSame(String sentence) {
        Encoding expected = reference.encode(sentence);
        WordPieceTokenizer.Pieces actual = TOKENIZER.encode(sentence, 4096);
        assertThat(actual.ids()).as(sentence).containsExactly(expected.getIds());
        CharSpan[] spans = expected.getCharTokenSpans();
        for (int i = 1; i < spans.length - 1; i++) {
            // HuggingFace counts code points and gives each piece its own characters; we count UTF-16 units (the
            // service's offsets) and give the word's characters, which hold the piece's
            int start = sentence.offsetByCodePoints(0, spans[i].getStart());
            int end = sentence.offsetByCodePoints(0, spans[i].getEnd());
            assertThat(actual.starts()[i]).as("%s: piece %d", sentence, i).isLessThanOrEqualTo(start);
            assertThat(actual.ends()[i]).as("%s: piece %d", sentence, i).isGreaterThanOrEqualTo(end);
        }
    }
}
