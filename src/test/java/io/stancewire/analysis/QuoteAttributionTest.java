package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.actors.ActorResolver;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;

/**
 * The speaker rules ({@code analysis.quotes.speaker}) and {@code ReferentResolver} end to end on small sentences written for the test (not
 * taken from any annotated set): each names the pattern of news attribution it covers.
 */
@Tag(StoredParses.TAG)
class QuoteAttributionTest {

    private static final StoredParses PARSES = StoredParses.of(QuoteAttributionTest.class);

    /** The speaker name of the direct quote whose text (after the opening mark) starts with {@code start}. */
    private static String speaker(String body, String start) {
        ArticleAnalysis analysis = PARSES.analyzer().analyze(TestArticles.article("t", body));
        Quote quote = analysis.quotes().stream()
                .filter(q -> q.kind().equals(Quote.DIRECT) && q.text().substring(1).startsWith(start))
                .findFirst().orElseThrow(() -> new AssertionError("no quote starting " + start));
        return quote.speakerName();
    }

    @Test
    void anOrderIssuedByANamedOfficerIsHis() {
        assertThat(speaker("The navy announced an order by Admiral John Petrakis directing nearby ships to \"stay in"
                + " port until the storm has passed.\"", "stay")).endsWith("Petrakis");
    }

    @Test
    void aQuoteThatGoesOnAfterTheAttributionKeepsItsSpeaker() {
        String body = "\"We are ready to vote,\" wrote Senator Maria Lindqvist on Twitter, \"and we will support the"
                + " bill tomorrow.\"";
        assertThat(speaker(body, "We are")).endsWith("Lindqvist");
        assertThat(speaker(body, "and we")).endsWith("Lindqvist");
    }

    @Test
    void anInvertedSpeechVerbTakesTheNameAfterItsDescription() {
        assertThat(speaker("The vote ended late on Tuesday.\n\n\"The whole process was a disgrace,\" tweeted veteran"
                + " campaign strategist Paul Okafor.", "The whole")).endsWith("Okafor");
    }

    @Test
    void theAgentOfAPassiveSpeechVerbSpeaks() {
        assertThat(speaker("The result was described by Mayor Helen Brandt as \"a victory for the whole city\".",
                "a victory")).endsWith("Brandt");
    }

    @Test
    void aDefiniteDescriptionGoesToThePersonItDescribedBefore() {
        assertThat(speaker("The plan was criticised by bishop Tomas Reyes Alcala on Sunday. \"We must protect the poor"
                + " first,\" the bishop said.", "We must")).endsWith("Alcala");
    }

    @Test
    void theOrganisationNounGoesToTheOrganisationNamedBefore() {
        assertThat(speaker("The Green Future Party announced its candidate on Monday.\n\n\"We will win this"
                + " election,\" the party told reporters.", "We will")).contains("Green Future Party");
    }

    @Test
    void theyReleasingAStatementIsTheOrganisationOfThePreviousSentence() {
        assertThat(speaker("The Federal Trade Commission opened an inquiry into the merger on Tuesday. They released"
                + " a statement which said, \"The merger would harm consumers across the country.\"", "The merger"))
                .contains("Federal Trade Commission");
    }

    @Test
    void aClauseSetInAStatementIsASpeechAct() {
        assertThat(speaker("In a statement released on Friday, the Ministry of Defence justified the strike as \"a"
                + " necessary response\".", "a necessary")).contains("Ministry of Defence");
    }

    @Test
    void participlesAfterConjoinedNamesGoToTheNearestName() {
        String body = "Republicans attacked the bill, with Anna Pike of Ohio calling it \"a disaster\" and Tom Reyes"
                + " of Texas calling it \"a betrayal of voters\".";
        assertThat(speaker(body, "a disaster")).endsWith("Pike");
        assertThat(speaker(body, "a betrayal")).endsWith("Reyes");
    }

    @Test
    void heAfterAReportedSubjectIsTheReportedPerson() {
        assertThat(speaker("On Friday, the broadcaster revealed that Senator Mark Dunmore had resigned. Speaking to"
                + " reporters, he said, \"I have no regrets at all.\"", "I have")).endsWith("Dunmore");
    }

    @Test
    void aSpeechVerbInAnObjectRelativeClauseDoesNotTakeTheQuote() {
        assertThat(speaker("Senator Alan Cobb commented on the vote — which the Herald described as historic — \"This"
                + " is a great day for the state.\"", "This is")).endsWith("Cobb");
    }

    @Test
    void quotedAsSayingGoesToThePersonQuoted() {
        assertThat(speaker("The Daily Courant quoted Mark Hollis, a former official at the agency, as saying \"the"
                + " agency must lead the response\".", "the agency")).endsWith("Hollis");
    }

    @Test
    void aViceOrFormerViceTitleIsNotThePresident() {
        assertThat(ActorResolver.holds(java.util.Set.of("former vice president"), "president")).isFalse();
        assertThat(ActorResolver.holds(java.util.Set.of("former president"), "president")).isTrue();
        assertThat(ActorResolver.holds(java.util.Set.of("foreign minister"), "minister")).isTrue();
    }
}
