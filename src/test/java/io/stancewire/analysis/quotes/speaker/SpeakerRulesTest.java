package io.stancewire.analysis.quotes.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;

/**
 * Each speaker rule on its own sentences (written for the test): the layout it is for, and a layout that is not its
 * own, where it must find nothing and leave the quote to the other rules.
 */
@Tag(StoredParses.TAG)
class SpeakerRulesTest {

    @Test
    void theOrderIsTheOneDesignMdDocuments() throws IOException {
        String design = Files.readString(Path.of("docs/design.md"));
        Matcher rule = Pattern.compile("(?m)^\\s+\\d+\\. `(\\w+)`").matcher(design);
        List<String> documented = new ArrayList<>();
        while (rule.find()) {
            documented.add(rule.group(1));
        }
        assertThat(documented).containsExactlyElementsOf(SpeakerRules.ORDER.stream().map(SpeakerRule::name).toList());
    }

    @Nested
    class SignedAfterDashRule {
        final SpeakerRule rule = new SignedAfterDash();

        @Test
        void aNameAfterADashSignsTheQuote() {
            RuleFixture f = RuleFixture.of("Readers answered.\n\n“The debate changed my mind.” ― Lena Marsh\n");
            assertThat(f.speakerName(rule, f.site("The debate"))).isEqualTo("Lena Marsh");
        }

        @Test
        void aQuoteWithoutADashIsNotSigned() {
            RuleFixture f = RuleFixture.of("“The debate changed my mind,” Lena Marsh said.");
            assertThat(f.speakerName(rule, f.site("The debate"))).isNull();
        }
    }

    @Nested
    class TranscriptLabelRule {
        final SpeakerRule rule = new TranscriptLabel();

        @Test
        void aLabelInCapitalsNamesThePersonOfThatSurname() {
            RuleFixture f = RuleFixture.of("Anchor Chris Palmer interviewed Governor Mike Dalton.\n\n"
                    + "\"DALTON: We will be there.\"");
            assertThat(f.speakerName(rule, f.site("DALTON"))).isEqualTo("Mike Dalton");
        }

        @Test
        void aQuoteThatOpensWithoutALabelHasNone() {
            RuleFixture f = RuleFixture.of("Governor Mike Dalton spoke. “We will be there: all of us,” he said.");
            assertThat(f.speakerName(rule, f.site("We will"))).isNull();
        }
    }

    @Nested
    class IssuedByRule {
        final SpeakerRule rule = new IssuedBy();

        @Test
        void aQuoteInAStatementBelongsToItsIssuer() {
            RuleFixture f = RuleFixture.of("A statement by Governor Ana Ruiz calling the vote “a disgrace” was"
                    + " posted online.");
            assertThat(f.speakerName(rule, f.site("a disgrace"))).isEqualTo("Ana Ruiz");
        }

        @Test
        void aQuoteOutsideAnyStatementHasNoIssuer() {
            RuleFixture f = RuleFixture.of("King Harald said “the border stays open”.");
            assertThat(f.speakerName(rule, f.site("the border"))).isNull();
        }
    }

    @Nested
    class ContinuedRule {
        final SpeakerRule rule = new Continued();

        @Test
        void aQuoteGoingOnAfterAShortAttributionKeepsItsSpeaker() {
            RuleFixture f = RuleFixture.of("“We stand ready,” tweeted Boris Johnson, “to provide any help.”");
            QuoteSite site = f.site("to provide", "We stand", "Boris Johnson");
            assertThat(rule.tries(null, f.layout, site)).isTrue();
            assertThat(f.speakerName(rule, site)).isEqualTo("Boris Johnson");
        }

        @Test
        void anotherPersonBetweenTheQuotesBreaksTheContinuation() {
            RuleFixture f = RuleFixture.of("“A disaster,” said Mary Stone, with Tom Reyes calling it “a betrayal”.");
            assertThat(f.speakerName(rule, f.site("a betrayal", "A disaster", "Mary Stone"))).isNull();
        }

        @Test
        void withoutAPreviousSpeakerTheRuleIsNotTried() {
            RuleFixture f = RuleFixture.of("“We stand ready,” tweeted Boris Johnson, “to provide any help.”");
            assertThat(rule.tries(null, f.layout, f.site("to provide"))).isFalse();
        }
    }

    @Nested
    class VerbBeforeCommaRule {
        final SpeakerRule rule = new VerbBeforeComma();

        @Test
        void aVerbRightBeforeTheOpeningCommaIntroducesTheQuote() {
            RuleFixture f = RuleFixture.of("Donald Trump boasted, “That makes me smart.”");
            assertThat(f.speakerName(rule, f.site("That makes"))).isEqualTo("Donald Trump");
        }

        @Test
        void aParticipleAfterAPrepositionIsTheClauseSubjects() {
            RuleFixture f = RuleFixture.of("Mary Blige sings to Hillary Clinton before asking her, “Where do we go"
                    + " from here?”");
            assertThat(f.speakerName(rule, f.site("Where do"))).isEqualTo("Mary Blige");
        }

        @Test
        void aSpeechVerbThenWhenItWasSaidIntroducesTheQuote() {
            RuleFixture f = RuleFixture.of("The ad shows Donald Trump saying during the debate last week, “That"
                    + " makes me smart,” as the crowd jeers.");
            assertThat(f.speakerName(rule, f.site("That makes"))).isEqualTo("Donald Trump");
        }

        @Test
        void aPhraseBeforeTheCommaThatIsNoAdverbialOfTheVerbIntroducesNothing() {
            RuleFixture f = RuleFixture.of("Donald Trump said the Democrats were weak on trade, “a disaster” for"
                    + " many.");
            assertThat(f.speakerName(rule, f.site("a disaster"))).isNull();
        }

        @Test
        void aQuoteNotOpenedByACommaIsNotItsLayout() {
            RuleFixture f = RuleFixture.of("Donald Trump called the deal “the worst ever”.");
            assertThat(f.speakerName(rule, f.site("the worst"))).isNull();
        }
    }

    @Nested
    class NearestSpeechVerbRule {
        final SpeakerRule rule = new NearestSpeechVerb();

        @Test
        void theSubjectOfTheSpeechVerbSpeaks() {
            RuleFixture f = RuleFixture.of("Albin Kurti said that “the Serbian side is not ready”.");
            assertThat(f.speakerName(rule, f.site("the Serbian"))).isEqualTo("Albin Kurti");
        }

        @Test
        void theNearerVerbWins() {
            RuleFixture f = RuleFixture.of("Anna Berg said the talks failed, and Paul Weir added: “We tried.”");
            assertThat(f.speakerName(rule, f.site("We tried"))).isEqualTo("Paul Weir");
        }

        @Test
        void whomTheWordsAreToldToIsNoSpeaker() {
            RuleFixture f = RuleFixture.of("“The narrative is everywhere,” Malkia Cyril, the director of the center,"
                    + " told The Huffington Post.");
            assertThat(f.speakerName(rule, f.site("The narrative"))).isEqualTo("Malkia Cyril");
        }

        @Test
        void aSentenceWithoutASpeechVerbGivesNothing() {
            RuleFixture f = RuleFixture.of("The “reset” with Moscow failed within a year.");
            assertThat(rule.find(f.layout, f.site("reset"))).isNull();
        }
    }

    @Nested
    class InvertedAfterRule {
        final SpeakerRule rule = new InvertedAfter();

        @Test
        void aSpeechWordThenADescriptionEndingInANameSpeaks() {
            RuleFixture f = RuleFixture.of("“We will win this,” tweeted former executive Ken Gude.");
            assertThat(f.speakerName(rule, f.site("We will"))).isEqualTo("Ken Gude");
        }

        @Test
        void aPersonDescribedAndNotNamedSpeaks() {
            RuleFixture f = RuleFixture.of("“Vote for change,” said the narrator in the 30-second spot.");
            Referent referent = rule.find(f.layout, f.site("Vote"));
            assertThat(referent.speaker().name).isEqualTo("the narrator (unresolved)");
            assertThat(referent.mention().text()).startsWith("the narrator");
        }

        @Test
        void aThingThatSpeaksIsNamedButIsNoSpeaker() {
            RuleFixture f = RuleFixture.of("“Vote for change,” says the new ad in the swing states.");
            Referent referent = rule.find(f.layout, f.site("Vote"));
            assertThat(referent.speaker()).isNull();
            assertThat(referent.mention().text()).startsWith("the new ad");
        }

        @Test
        void theNameGoesOnAfterASentenceSplitAtATitleTheTokenizerDidNotKnow() {
            RuleFixture f = RuleFixture.of("“It is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.");
            assertThat(f.speakerName(rule, f.site("It is"))).isEqualTo("Stacey Plaskett");
        }

        @Test
        void aNameBeforeTheVerbIsNotInverted() {
            RuleFixture f = RuleFixture.of("“We will win this,” Ken Gude said.");
            assertThat(rule.find(f.layout, f.site("We will"))).isNull();
        }
    }

    @Nested
    class PhraseThenVerbAfterRule {
        final SpeakerRule rule = new PhraseThenVerbAfter();

        @Test
        void aPhraseThenAnyVerbAfterTheQuoteSpeaks() {
            RuleFixture f = RuleFixture.of("“Go and vote today,” Senator Dana Whitlock implored.");
            assertThat(f.speakerName(rule, f.site("Go and"))).isEqualTo("Dana Whitlock");
        }

        @Test
        void aSentenceSplitAtTheQuotesQuestionMarkGoesOn() {
            RuleFixture f = RuleFixture.of("Senator Ruth Okonkwo smiled. “Are you winning?” she said, but the count"
                    + " was not over yet.");
            assertThat(f.speakerName(rule, f.site("Are you"))).isEqualTo("Ruth Okonkwo");
        }

        @Test
        void aCopulaAfterTheQuoteIsNoAttribution() {
            RuleFixture f = RuleFixture.of("“Go and vote” is the campaign's new slogan.");
            assertThat(rule.find(f.layout, f.site("Go and"))).isNull();
        }

        @Test
        void aSpeakerReplacesWordsThatNamedNobody() {
            Referent words = new Referent(ReferentResolver.Kind.UNKNOWN, List.of(), null);
            RuleFixture f = RuleFixture.of("“Go and vote today,” Senator Dana Whitlock implored.");
            Referent found = rule.find(f.layout, f.site("Go and"));
            assertThat(rule.replaces(words, found)).isTrue();
            assertThat(rule.tries(found, f.layout, f.site("Go and"))).isFalse();
        }
    }

    @Nested
    class ShortSentenceAfterRule {
        final SpeakerRule rule = new ShortSentenceAfter();

        @Test
        void aShortSentenceWithASpeechVerbAfterTheQuoteSpeaks() {
            RuleFixture f = RuleFixture.of("“We will not give up.” Senator Mike Pence said so on Friday.");
            assertThat(f.speakerName(rule, f.site("We will"))).isEqualTo("Mike Pence");
        }

        @Test
        void aLongSentenceAfterTheQuoteIsAboutSomethingElse() {
            RuleFixture f = RuleFixture.of("“We will not give up.” Senator Mike Pence said on Friday that the"
                    + " state would appeal the ruling before the supreme court next month.");
            assertThat(rule.find(f.layout, f.site("We will"))).isNull();
        }
    }

    @Nested
    class BeforeColonRule {
        final SpeakerRule rule = new BeforeColon();

        @Test
        void aNameAndOutletBeforeAColonLabelTheQuote() {
            RuleFixture f = RuleFixture.of("Chris Cillizza, The Washington Post: “The debate was a draw.”");
            assertThat(f.speakerName(rule, f.site("The debate"))).isEqualTo("Chris Cillizza");
        }

        @Test
        void theSubjectOfTheClauseBeforeTheColonSpeaks() {
            RuleFixture f = RuleFixture.of("Jair Bolsonaro rejected the offer: “We do not need it.”");
            assertThat(f.speakerName(rule, f.site("We do"))).isEqualTo("Jair Bolsonaro");
        }

        @Test
        void aPhraseWithoutAVerbEndingInANameLabelsTheQuote() {
            RuleFixture f = RuleFixture.of("A lesson from Loretta Lynch: “Be the voice that people hear.”");
            assertThat(f.speakerName(rule, f.site("Be the"))).isEqualTo("Loretta Lynch");
        }

        @Test
        void aNameRightBeforeADashIntroducesAQuotedSentence() {
            RuleFixture f = RuleFixture.of("Republicans agreed, among them Mitt Romney -- “It is disqualifying for a"
                    + " nominee to hide his returns.”");
            assertThat(f.speakerName(rule, f.site("It is"))).isEqualTo("Mitt Romney");
        }

        @Test
        void aDashAfterSomethingElseIntroducesNobody() {
            RuleFixture f = RuleFixture.of("Mitt Romney spoke about the returns -- “It is disqualifying for a"
                    + " nominee to hide them.”");
            assertThat(rule.find(f.layout, f.site("It is"))).isNull();
        }

        @Test
        void withoutAColonTheRuleFindsNothing() {
            RuleFixture f = RuleFixture.of("Jair Bolsonaro rejected “the offer” on Monday.");
            assertThat(rule.find(f.layout, f.site("the offer"))).isNull();
        }
    }

    @Nested
    class GoesOnRule {
        final SpeakerRule rule = new GoesOn();

        @Test
        void aStandaloneQuoteRightAfterAnAttributedOneGoesOn() {
            RuleFixture f = RuleFixture.of("“This is a sad day,” said Rep. Alma Adams, head of the caucus. “The"
                    + " bill is a fraud.”");
            QuoteSite site = f.site("The bill", "This is", "Alma Adams");
            assertThat(rule.tries(null, f.layout, site)).isTrue();
            assertThat(f.speakerName(rule, site)).isEqualTo("Alma Adams");
        }

        @Test
        void theSpeakerIsNamedByTheWordsOfTheAttributionBetween() {
            RuleFixture f = RuleFixture.of("Senator Claire McCaskill scolded him: “The science is against you,” she"
                    + " said. “I do not understand why you need to go there.”");
            Referent found = rule.find(f.layout, f.site("I do", "The science", "Claire McCaskill"));
            assertThat(found.speaker().name).isEqualTo("Claire McCaskill");
            assertThat(found.mention().text()).isEqualTo("she");
        }

        @Test
        void aQuoteWhoseOpeningMarkTheSplitterLeftBehindStillGoesOn() {
            RuleFixture f = RuleFixture.of("Trade matters. ''That's the weakness,'' said Luis Rubio, who heads a"
                    + " research center in Mexico City. ''There is nothing more important than trade.''");
            QuoteSite site = f.site("'There is", "'That's", "Luis Rubio"); // after the first of two marks
            assertThat(rule.tries(null, f.layout, site)).isTrue();
            assertThat(f.speakerName(rule, site)).isEqualTo("Luis Rubio");
        }

        @Test
        void someoneNamedInBetweenStopsIt() {
            RuleFixture f = RuleFixture.of("“This is a sad day,” said Rep. Alma Adams. Senator Tim Kaine disagreed"
                    + " with her. “The bill is fair.”");
            assertThat(f.speakerName(rule, f.site("The bill", "This is", "Alma Adams"))).isNull();
        }
    }

    @Nested
    class PreviousSentenceRule {
        final SpeakerRule rule = new PreviousSentence();

        @Test
        void aStandaloneQuoteBelongsToThePreviousSentencesSubject() {
            RuleFixture f = RuleFixture.of("Senator Ruth Okonkwo voted against the bill. “It is a disaster.”");
            QuoteSite site = f.site("It is");
            assertThat(rule.tries(null, f.layout, site)).isTrue();
            assertThat(f.speakerName(rule, site)).isEqualTo("Ruth Okonkwo");
        }

        @Test
        void aQuoteInsideASentenceIsNotTried() {
            RuleFixture f = RuleFixture.of("Senator Ruth Okonkwo voted against the bill. Others called it “a"
                    + " disaster” on the floor of the chamber.");
            assertThat(rule.tries(null, f.layout, f.site("a disaster"))).isFalse();
        }
    }
}
