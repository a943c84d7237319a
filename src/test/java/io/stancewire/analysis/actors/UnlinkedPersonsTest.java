package io.stancewire.analysis.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import io.stancewire.analysis.SharedAnalyzer;
import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.TestArticles;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/** People the actor step leaves out get an actor, and so a portrayal ({@link UnlinkedPersons}). Synthetic sentences. */
@Tag(StoredParses.TAG)
class UnlinkedPersonsTest {

    private static final StoredParses PARSES = StoredParses.of(UnlinkedPersonsTest.class);

    private static ArticleAnalysis analyze(String body) {
        return analyze("t", body);
    }

    private static ArticleAnalysis analyze(String articleId, String body) {
        return PARSES.analyzer().analyze(TestArticles.article(articleId, body));
    }

    private static Actor actor(ArticleAnalysis analysis, String id) {
        // an unresolved person's id is scoped to its article: "he-unresolved-<article>"
        return analysis.actors().stream()
                .filter(a -> a.id().equals(id) || id.endsWith("-unresolved") && a.id().startsWith(id + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no actor " + id + " in " + analysis.actors()));
    }

    private static List<String> mentions(Actor actor) {
        return actor.mentions().stream().map(Span::text).toList();
    }

    @Test
    void unresolvedPersonsOfTwoArticlesNeverShareAnId() {
        String body = "He praised the volunteers and thanked them for their help.";
        String first = actor(analyze("a-1", body), "he-unresolved").id();
        String second = actor(analyze("a-2", body), "he-unresolved").id();
        assertThat(first).isNotEqualTo(second).matches("[a-z0-9-]+");
        assertThat(actor(analyze("a-1", body), "he-unresolved").id())
                .isEqualTo(first);
    }

    @Test
    void aPronounWithNoAntecedentIsAnUnresolvedPersonNeverAGuessedOne() {
        ArticleAnalysis analysis = analyze("He praised the volunteers and thanked them for their help.");
        Actor he = actor(analysis, "he-unresolved");
        assertThat(he.name()).isEqualTo("he (unresolved)");
        assertThat(he.type()).isEqualTo("PERSON");
        assertThat(he.leader()).isFalse();
        assertThat(mentions(he)).containsExactly("He");
        assertThat(analysis.actors()).hasSize(1);
    }

    @Test
    void aPronounWithAnAntecedentIsNotUnresolved() {
        ArticleAnalysis analysis = analyze("Thomas Abernathy resigned on Monday. He thanked his colleagues.");
        assertThat(analysis.actors()).extracting(Actor::id).containsExactly("thomas-abernathy");
        assertThat(mentions(actor(analysis, "thomas-abernathy"))).contains("He");
    }

    @Test
    void aPronounInAnOpeningClauseIsTheMainSubject() {
        ArticleAnalysis analysis = analyze("After he lost the vote, Thomas Abernathy resigned from the committee.");
        assertThat(analysis.actors()).extracting(Actor::id).containsExactly("thomas-abernathy");
        assertThat(mentions(actor(analysis, "thomas-abernathy"))).containsExactly("he", "Thomas Abernathy");
    }

    @Test
    void aDefiniteTitleNoNamedPersonHoldsIsAnUnresolvedPerson() {
        Actor governor = actor(analyze("The governor vetoed the bill on Monday."), "the-governor-unresolved");
        assertThat(governor.name()).isEqualTo("the governor (unresolved)");
        assertThat(governor.leader()).isFalse();
        assertThat(mentions(governor)).containsExactly("The governor");
    }

    @Test
    void aPluralTitleIsAGroupAndGetsNoActor() {
        assertThat(analyze("The ministers met in the capital on Monday.").actors()).extracting(Actor::name)
                .noneMatch(name -> name.endsWith(UnlinkedPersons.UNRESOLVED));
    }

    // names the NER misses: the test takes the PERSON tag away from a name, as the 3-class NER does now and then

    private static ActorIndex resolveWithoutNer(String body, String... untagged) {
        CoreDocument document = PARSES.annotate(body);
        for (String word : untagged) {
            // the last occurrence only
            CoreLabel last = null;
            for (CoreLabel token : document.tokens()) {
                last = token.word().equals(word) ? token : last;
            }
            last.setNER("O");
            last.setTag("NNP");
        }
        ParsedText text = new ParsedText(body, document);
        FirstNames firstNames = FirstNames.load();
        ActorIndex index = new ActorResolver(SharedAnalyzer.registry(), Set.of(), firstNames, new PronounResolver(firstNames))
                .resolve(text);
        new UnlinkedPersons(text, index, new SpeechVerbs(), firstNames, Set.of()).resolve();
        return index;
    }

    private static ActorIndex.Draft draft(ActorIndex index, String id) {
        return index.actors().stream().filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no actor " + id));
    }

    @Test
    void aMissedNameAfterAnHonorificIsAPersonWithTheHonorificInItsMention() {
        ActorIndex index = resolveWithoutNer("Critics say Mr. Sweetland mishandled the budget.", "Sweetland");
        ActorIndex.Draft person = draft(index, "sweetland");
        assertThat(person.isPerson()).isTrue();
        assertThat(person.mentions.values()).extracting(Span::text).containsExactly("Mr. Sweetland");
    }

    @Test
    void aMissedNameCoordinatedWithAPersonIsAPerson() {
        ActorIndex index = resolveWithoutNer("Officials confirmed that Cobblestone and Anna Pirelli met on Tuesday.",
                "Cobblestone");
        assertThat(draft(index, "cobblestone").isPerson()).isTrue();
    }

    @Test
    void aMissedNameThatSpeaksIsAPerson() {
        ActorIndex index = resolveWithoutNer("In a long memo, Haverstock wrote that the plan was sound.", "Haverstock");
        assertThat(draft(index, "haverstock").isPerson()).isTrue();
    }

    @Test
    void aMissedSurnameOfAPersonNamedInFullIsThatPerson() {
        ActorIndex index = resolveWithoutNer("Peter Gallowglass arrived late. Critics blamed Gallowglass for the delay.",
                "Gallowglass");
        // the full name keeps its tag: only the lone surname lost it
        assertThat(draft(index, "peter-gallowglass").mentions.values()).extracting(Span::text)
                .containsExactly("Peter Gallowglass", "Gallowglass");
        assertThat(index.actors()).hasSize(1);
    }

    @Test
    void aCapitalisedWordWithNoSignOfAPersonStaysUnlinked() {
        ActorIndex index = resolveWithoutNer("The plan was approved in Brightwater on Tuesday.", "Brightwater");
        assertThat(index.actors()).isEmpty();
    }
}
