package io.stancewire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The language guard must never turn English away, whatever its length, and must turn away foreign articles long
 * enough to tell. English: every text in {@code ../shared/datasets/} (the 57 Wikinews articles whole, their prefixes
 * of 30 to 4,000 characters and 300-character windows from their middle; every NewsMTSC sentence of train, dev-mt and
 * dev-rw, from 2 to 80 words). Foreign: paragraphs written for this test in 12 languages
 * ({@code src/test/resources/language/foreign.tsv}).
 */
class LanguageDetectionTest {

    static final Path DATASETS = Path.of(System.getProperty("stancewire.datasets", "../shared/datasets"));
    static final int[] PREFIXES = { 30, 60, 100, 150, 200, 300, 400, 600, 800, 1200, 2000, 4000 };
    static final ObjectMapper JSON = new ObjectMapper();
    static final LanguageDetection detection = LanguageDetection.get();
    static List<String> english;

    @BeforeAll
    static void readEnglish() throws IOException {
        english = new ArrayList<>();
        for (JsonNode article : jsonl(DATASETS.resolve("wikinews/articles.jsonl"))) {
            String body = article.get("body").asText();
            english.add(body);
            for (int length : PREFIXES) {
                if (body.length() > length) {
                    english.add(body.substring(0, length));
                }
            }
            for (int start = 0; start + 300 < body.length(); start += 700) {
                english.add(body.substring(start, start + 300));
            }
        }
        for (String split : new String[] { "train", "dev-mt", "dev-rw" }) {
            for (JsonNode row : jsonl(DATASETS.resolve("newsmtsc/" + split + ".jsonl"))) {
                english.add(row.get("sentence").asText());
            }
        }
    }

    @Test
    void noEnglishTextOfAnyLengthIsTurnedAway() {
        assertThat(english).hasSizeGreaterThan(8_000);
        List<String> rejected = english.stream()
                .filter(text -> detection.foreignLanguage(text).isPresent())
                .map(text -> detection.guess(text) + ": " + text.substring(0, Math.min(80, text.length())))
                .toList();
        assertThat(rejected).isEmpty();
    }

    @Test
    void theThresholdsHaveAMargin() {
        // without the length threshold, short English texts are guessed foreign: the threshold is what protects them
        long shortMisread = english.stream().filter(text -> letters(text) < 60).limit(400).map(detection::guess)
                .filter(guess -> !guess.language().equals("en") && guess.probability() >= 0.95).count();
        assertThat(shortMisread).as("short English misread without the length threshold").isPositive();
        // and from half the threshold up, no English text is misread even at a lower probability
        List<LanguageDetection.Guess> longer = english.stream()
                .filter(text -> letters(text) >= LanguageDetection.MIN_LETTERS / 2).map(detection::guess).toList();
        assertThat(longer).hasSizeGreaterThan(1_000);
        assertThat(longer).noneMatch(guess -> !guess.language().equals("en") && guess.probability() >= 0.5);
    }

    static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    @Test
    void foreignParagraphsAreTurnedAwayWithTheirLanguage() throws IOException {
        List<String[]> paragraphs = foreign();
        assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(12);
        for (String[] paragraph : paragraphs) {
            String expected = paragraph[0].equals("sr") ? "hr" : paragraph[0]; // Latin-script Serbian reads as Croatian
            assertThat(detection.foreignLanguage(paragraph[1])).as(paragraph[1]).contains(expected);
        }
    }

    @Test
    void shortForeignTextsPassAsTheyCannotBeToldSafely() throws IOException {
        for (String[] paragraph : foreign()) {
            String start = paragraph[1].substring(0, 120);
            assertThat(detection.guess(start).letters()).isLessThan(LanguageDetection.MIN_LETTERS);
            assertThat(detection.foreignLanguage(start)).isEmpty();
        }
    }

    @Test
    void anEnglishReportQuotingFrenchAtLengthIsAnalysed() throws IOException {
        String french = foreign().get(0)[1];
        String report = english.get(0).substring(0, 1500);
        String mixed = report + "\n\nIn French, the statement read: \"" + french + "\"";
        assertThat(detection.foreignLanguage(mixed)).isEmpty();
        assertThat(detection.guess(mixed).english()).isPositive();
    }

    @Test
    void theGuessIsTheSameEveryTime() throws IOException {
        String text = foreign().get(3)[1];
        assertThat(detection.guess(text)).isEqualTo(detection.guess(text));
    }

    static List<String[]> foreign() throws IOException {
        try (var in = LanguageDetectionTest.class.getResourceAsStream("/language/foreign.tsv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", 2)).toList();
        }
    }

    static List<JsonNode> jsonl(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
