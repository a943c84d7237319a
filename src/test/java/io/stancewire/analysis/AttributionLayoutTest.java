package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;

/**
 * The speaker rules added for unseen news layouts (PolNeAR dev errors by kind of construction), and reported speech
 * from the learned cues, on sentences written for the test: no annotated text is used.
 */
@Tag(StoredParses.TAG)
class AttributionLayoutTest {

    private static final StoredParses PARSES = StoredParses.of(AttributionLayoutTest.class);

    private static ArticleAnalysis analyze(String body) {
        return PARSES.analyzer().analyze(TestArticles.article("t", body));
    }

    private static Quote direct(String body, String start) {
        return analyze(body).quotes().stream()
                .filter(q -> q.kind().equals(Quote.DIRECT) && q.text().substring(1).startsWith(start))
                .findFirst().orElseThrow(() -> new AssertionError("no quote starting " + start));
    }

    private static List<Quote> reported(String body) {
        return analyze(body).quotes().stream().filter(q -> q.kind().equals(Quote.INDIRECT)).toList();
    }

    @Test
    void aPhraseThenAnyVerbAfterTheQuoteSpeaks() {
        // phraseThenVerbAfter: the verb need not be a speech verb
        assertThat(direct("“Go and vote today,” Senator Dana Whitlock implored.", "Go").speakerName())
                .endsWith("Whitlock");
    }

    @Test
    void aBracketedPartyAndAnAppositionDoNotHideTheSpeaker() {
        Quote quote = direct("“The hearing was a farce,” Rep. Carl Brennan (R-Iowa), a member of the panel, said"
                + " on Friday.", "The hearing");
        assertThat(quote.speakerName()).endsWith("Brennan");
    }

    @Test
    void aRoleDescriptionIsThePersonTheTextWasAbout() {
        // RoleReferents.personByRole
        Quote quote = direct("Senator Ruth Okonkwo voted against the bill on Tuesday. “It is a disaster,” the Democratic"
                + " lawmaker told reporters.", "It is");
        assertThat(quote.speakerName()).endsWith("Okonkwo");
        assertThat(quote.speakerMention().text()).isEqualTo("the Democratic lawmaker");
    }

    @Test
    void aDocumentIsNamedButIsNoSpeaker() {
        Quote quote = direct("“The state failed its children,” the report said.", "The state");
        assertThat(quote.speakerId()).isNull();
        assertThat(quote.sourceMention().text()).isEqualTo("the report");
    }

    @Test
    void anOrganisationDescribedAndNotNamedSpeaksAsItself() {
        // DescribedActors.describedOrganisation: someone of its own in this article, not a guessed company
        Quote quote = direct("“We are proud of our record,” the company said.", "We are");
        assertThat(quote.speakerName()).isEqualTo("the company (unresolved)");
        assertThat(quote.speakerMention().text()).isEqualTo("the company");
    }

    @Test
    void aQuoteSignedWithADashIsTheSigners() {
        // signedAfterDash: each quote goes to the name after it, not to the one before
        String body = "Readers answered.\n\n“The debate changed my mind.” ― Lena Marsh\n“I was not convinced at all.”"
                + " ― Omar Haddad";
        assertThat(direct(body, "The debate").speakerName()).isEqualTo("Lena Marsh");
        assertThat(direct(body, "I was").speakerName()).isEqualTo("Omar Haddad");
    }

    @Test
    void aTranscriptLabelNamesTheSpeaker() {
        // transcriptLabel: the surname in capitals goes to the person the article named
        String body = "Anchor Chris Palmer interviewed Governor Mike Dalton.\n\n\"PALMER: Will you debate again?\n\n"
                + "\"DALTON: We will be there.";
        assertThat(direct(body, "PALMER").speakerName()).isEqualTo("Chris Palmer");
        assertThat(direct(body, "DALTON").speakerName()).isEqualTo("Mike Dalton");
    }

    @Test
    void aNameAndOutletBeforeAColonSpeak() {
        assertThat(direct("Jane Whitaker, The Daily Ledger: “It was the worst debate I have seen.”", "It was")
                .speakerName()).isEqualTo("Jane Whitaker");
    }

    @Test
    void aVerbRightBeforeTheCommaIntroducesTheQuote() {
        // verbBeforeComma: "boasted" is no speech verb of the lexicon, and another speaker is nearer
        assertThat(direct("When Senator Amy Lund noted the cost, Governor Tom Ruiz boasted, “That makes me smart.”",
                "That makes").speakerName()).endsWith("Ruiz");
    }

    @Test
    void aStandaloneQuoteAfterAnAttributedOneGoesOn() {
        // goesOn: the second quote has no verb of its own
        String body = "“This is a sad day,” said Rep. Lee Hart (D-Ore.), head of the caucus. “The ruling is a"
                + " disgrace.”";
        assertThat(direct(body, "The ruling").speakerName()).isEqualTo("Lee Hart");
    }

    @Test
    void learnedCuesReadReportedSpeechInSeveralConstructions() {
        List<Quote> quotes = reported("Governor Mike Dalton urged voters to register before Friday. The economy is"
                + " weak, a source said. Officials called for a recount.");
        assertThat(quotes).extracting(Quote::text)
                .contains("to register before Friday", "The economy is weak", "for a recount");
        Quote urged = quotes.stream().filter(q -> q.text().startsWith("to register")).findFirst().orElseThrow();
        assertThat(urged.speakerName()).isEqualTo("Mike Dalton");
        Quote anonymous = quotes.stream().filter(q -> q.text().startsWith("The economy")).findFirst().orElseThrow();
        // an anonymous source is a person, described and not named: someone of their own in this article
        assertThat(anonymous.speakerName()).isEqualTo("source (unresolved)");
        assertThat(anonymous.speakerMention().text()).isEqualTo("a source");
    }

    @Test
    void aPassiveCueHasNoSourceButItsAgent() {
        // IndirectSpeechExtractor.source: the "by" agent of a passive cue speaks, its passive subject does not
        Quote announced = only(reported("It was announced by Senator Ruth Okonkwo that the plan had failed."),
                "the plan had failed");
        assertThat(announced.speakerName()).isEqualTo("Ruth Okonkwo");
        Quote urged = only(reported("Voters were urged by Governor Mike Dalton to register before Friday."),
                "to register before Friday");
        assertThat(urged.speakerName()).isEqualTo("Mike Dalton");
        // "is expected to": a passive with no agent names nobody
        Quote expected = only(reported("Governor Mike Dalton is expected to veto the bill."), "to veto the bill");
        assertThat(expected.speakerId()).isNull();
        assertThat(expected.sourceMention()).isNull();
    }

    private static Quote only(List<Quote> quotes, String text) {
        return quotes.stream().filter(q -> q.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no reported speech \"" + text + "\" in " + quotes));
    }

    @Test
    void aReportedClauseKeepsItsConjoinedParts() {
        // IndirectSpeechExtractor: the content is the whole clause, "and …" included
        Quote said = only(reported("Senator Ruth Okonkwo said that the poorest workers earn twelve dollars an hour and"
                + " have no savings at all."), "the poorest workers earn twelve dollars an hour and have no savings at all");
        assertThat(said.speakerName()).isEqualTo("Ruth Okonkwo");
    }

    @Test
    void aWordAttributesOneContent() {
        // IndirectSpeechExtractor.mostLikelyContent: the parse hangs the clause on "the press", so "congratulated
        // [the press that …]" and "congratulated the press [that …]" are both constructions of the verb; one is read
        List<Quote> congratulated = reported("Senator Ruth Okonkwo congratulated the press that the two camps had"
                + " accepted the annex in question.");
        assertThat(congratulated).hasSize(1);
    }

    @Test
    void anItThatStandsForSomethingNamesTheSourceAndSpeaksForNobody() {
        Quote says = only(reported("It says the campaign broke federal law."), "the campaign broke federal law");
        assertThat(says.speakerName()).isNull();
        assertThat(says.sourceMention().text()).isEqualTo("It");
    }

    @Test
    void wordsThatAttributeNothingGiveNoReportedSpeech() {
        assertThat(reported("The river rose by two metres overnight and flooded the old town.")).isEmpty();
    }

    @Test
    void coordinatedSpeakersEachSaidIt() {
        ArticleAnalysis analysis = analyze("Senator Ann Lee and Senator Tom Ford said the bill was a disgrace.");
        Quote quote = analysis.quotes().stream().filter(q -> q.kind().equals(Quote.INDIRECT)).findFirst()
                .orElseThrow();
        assertThat(quote.speakerId()).isNull();
        assertThat(quote.speakerIds()).containsExactly("ann-lee", "tom-ford");
        assertThat(quote.speakerMention().text()).isEqualTo("Senator Ann Lee and Senator Tom Ford");
        assertThat(analysis.stances()).extracting(s -> s.actorId()).contains("ann-lee", "tom-ford");
    }
}
