package io.stancewire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.model.ToneCue;
import io.stancewire.ingest.AnalysisRunner;
import io.stancewire.ingest.AnalysisTimeoutException;
import io.stancewire.ingest.ArticleReader;
import io.stancewire.ingest.InvalidArticleException;

/**
 * Random short texts (seeded: names, titles, speech verbs, quotation marks of every kind, punctuation, digits,
 * foreign letters, emoji, stray characters) through the validator and the real CoreNLP analysis, as the Kafka path
 * runs them: each ends as a clean rejection or as an analysis whose spans lie in the body and whose scores lie in
 * [-1, 1].
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AnalysisFuzzTest {

    static final long SEED = 20260520L;
    static final int CASES = 100;
    static final String[] WORDS = { "Serbian", "President", "Aleksandar", "Vucic", "Kosovar", "Prime", "Minister",
            "Albin", "Kurti", "he", "she", "they", "it", "said", "told", "reporters", "blamed", "praised", "pouted",
            "did", "not", "hesitate", "to", "throw", "spades", "at", "each", "other", "according", "Belgrade",
            "Pristina", "the", "agreement", "text", "draft", "welcomed", "refused", "never", "EU", "Borrell", "2023",
            "42", "\u201c", "\u201d", "\"", "'", "\u00ab", "\u00bb", "``", "''", ",", ".", ";", ":", "!", "?", "(",
            ")", "-", "\u2014", "\n", "\n\n", "\t", "Vu\u010di\u0107", "\u0416\u0443\u043a", "\uD83D\uDE00",
            "https://example.org/a?b=c", "U.S.", "e.g.", "#", "@", "&", "%", "\u00a0", "\u200b" };

    @Inject
    AnalysisRunner analysis;

    @Inject
    ArticleReader reader;

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void randomTextsEndAsARejectionOrAValidAnalysis() throws Exception {
        Random random = new Random(SEED);
        int analysed = 0;
        for (int i = 0; i < CASES; i++) {
            String body = text(random);
            byte[] value = mapper.writeValueAsBytes(Map.of("id", "fuzz-" + i, "body", body));
            Article article;
            try {
                article = reader.read(value, null, true, Instant.EPOCH);
            } catch (InvalidArticleException e) {
                continue;
            }
            try {
                check(article.body(), analysis.analyzeWithinBudget(article));
                analysed++;
            } catch (AnalysisTimeoutException e) {
                // a clean rejection too, though none of these short texts should need it
            } catch (Throwable e) {
                fail("seed " + SEED + " case " + i + " failed on " + mapper.writeValueAsString(body) + ": " + e, e);
            }
        }
        assertThat(analysed).as("most random texts are analysed").isGreaterThan(CASES / 2);
    }

    static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(40);
        for (int w = 0; w < words; w++) {
            if (random.nextInt(12) == 0) {
                text.append((char) (0x20 + random.nextInt(0x2000 - 0x20))); // a stray character
            } else {
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append(random.nextInt(4) == 0 ? "" : " ");
        }
        return text.toString();
    }

    static void check(String body, ArticleAnalysis result) {
        for (Actor actor : result.actors()) {
            assertThat(actor.id()).matches("[a-z0-9-]+");
            assertThat(actor.portrayal()).isBetween(-1.0, 1.0);
            actor.mentions().forEach(m -> span(body, m));
        }
        for (Quote quote : result.quotes()) {
            span(body, new Span(quote.start(), quote.end(), quote.text()));
            if (quote.sourceMention() != null) {
                span(body, quote.sourceMention());
            }
            if (quote.speakerMention() != null) {
                span(body, quote.speakerMention());
            }
            // one speaker: speakerIds is [speakerId]; speakers named together: all of them, speakerId null
            Set<String> actorIds = result.actors().stream().map(Actor::id).collect(Collectors.toSet());
            assertThat(actorIds).containsAll(quote.speakerIds());
            if (quote.speakerId() != null) {
                assertThat(quote.speakerIds()).containsExactly(quote.speakerId());
            }
            if (quote.speakerMention() != null) {
                assertThat(quote.speakerIds()).isNotEmpty();
            }
            assertThat(quote.tone()).isBetween(-1.0, 1.0);
        }
        for (ToneCue tone : result.tones()) {
            span(body, new Span(tone.start(), tone.end(), tone.cue()));
            assertThat(tone.polarity()).isBetween(-1.0, 1.0);
        }
        for (Stance stance : result.stances()) {
            assertThat(stance.score()).isBetween(-1.0, 1.0);
            assertThat(stance.evidence()).isNotNegative();
            assertThat(result.actor(stance.actorId())).as("actor of a stance").isNotNull();
        }
    }

    static void span(String body, Span span) {
        assertThat(span.start()).isBetween(0, span.end());
        assertThat(span.end()).isLessThanOrEqualTo(body.length());
        assertThat(span.text()).isEqualTo(body.substring(span.start(), span.end()));
    }
}
