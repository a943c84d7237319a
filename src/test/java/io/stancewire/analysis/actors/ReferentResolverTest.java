package io.stancewire.analysis.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.SharedAnalyzer;
import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.AnimateNouns;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.parse.ParsedText;

/** Resolving a phrase is a pure lookup: it proposes actors and mentions, and only {@code commit} adds them. */
@Tag(StoredParses.TAG)
class ReferentResolverTest {

    private static final StoredParses PARSES = StoredParses.of(ReferentResolverTest.class);

    private static final FirstNames FIRST_NAMES = FirstNames.load();
    private static final AnimateNouns ANIMATE = AnimateNouns.load();

    private record Read(String body, ParsedText text, ActorIndex actors, ReferentResolver referents) {
        int token(String word) {
            return text.tokenAt(body.indexOf(word));
        }

        List<String> actorIds() {
            return actors.actors().stream().map(a -> a.id).toList();
        }
    }

    private static Read read(String body) {
        ParsedText text = new ParsedText(body, PARSES.annotate(body));
        Set<String> demonyms = ActorResolver.demonymsOf(SharedAnalyzer.registry());
        ActorIndex actors = new ActorResolver(SharedAnalyzer.registry(), demonyms, FIRST_NAMES,
                new PronounResolver(FIRST_NAMES)).resolve(text);
        return new Read(body, text, actors, new ReferentResolver(text, actors, SharedAnalyzer.registry(), demonyms,
                ANIMATE, FIRST_NAMES));
    }

    @Test
    void aLabelOfSomebodyNewIsProposedAndAddedOnlyOnCommit() {
        Read read = read("Anchor Chris Palmer spoke first.\n\n\"WRENFIELD: We will be there.\"");
        List<String> before = read.actorIds();
        int label = read.token("WRENFIELD");

        Referent proposed = read.referents().labelled(label, label);
        assertThat(proposed.speaker().name).isEqualTo("Wrenfield");
        assertThat(proposed.proposals()).hasSize(1);
        assertThat(read.actorIds()).isEqualTo(before);
        assertThat(read.actors().actorAt(label)).isNull();

        Referent committed = read.referents().commit(proposed);
        assertThat(read.actorIds()).contains("wrenfield");
        assertThat(read.actors().actorAt(label)).isSameAs(committed.speaker());
        assertThat(committed.proposals()).isEmpty();
    }

    @Test
    void twoProposalsOfOnePersonCommitToOneActor() {
        Read read = read("Anchor Chris Palmer spoke first.\n\n\"WRENFIELD: We will be there.\"");
        int label = read.token("WRENFIELD");
        Referent first = read.referents().labelled(label, label);
        Referent second = read.referents().labelled(label, label);
        assertThat(read.referents().commit(first).speaker()).isSameAs(read.referents().commit(second).speaker());
        assertThat(read.actorIds().stream().filter("wrenfield"::equals)).hasSize(1);
    }

    @Test
    void aSurnameTheTaggerTookForAPlaceIsThePersonNamedBefore() {
        // ActorResolver: "Putney" is a place to NER; as a subject after "Kerr Putney" it is him
        Read read = read("Police Chief Kerr Putney met the family on Thursday. Putney later told CNN that the video"
                + " was not clear.");
        Referent putney = read.referents().resolve(read.token("Putney later"));
        assertThat(putney.speaker().name).isEqualTo("Kerr Putney");
    }

    @Test
    void askingWhoTheSenatorIsCreatesNobody() {
        Read read = read("Senator Ruth Okonkwo voted against the bill. The senator said it was a disaster.");
        List<String> before = read.actorIds();
        Referent senator = read.referents().resolve(read.token("senator said"));
        assertThat(senator.speaker().name).isEqualTo("Ruth Okonkwo");
        assertThat(read.actorIds()).isEqualTo(before);
    }

    @Test
    void aPersonDescribedAndNotNamedIsProposedAsSomeoneOfTheirOwn() {
        Read read = read("A New York judge rejected the request on Monday.");
        Referent judge = read.referents().resolve(read.token("judge"));
        assertThat(judge.speaker().name).isEqualTo("New York judge (unresolved)");
        assertThat(judge.mention().text()).isEqualTo("A New York judge");
        assertThat(read.actorIds()).doesNotContain(judge.speaker().id);
    }

    @Test
    void aDescriptionOfNobodyInParticularOrOfAThingIsNoPerson() {
        Read read = read("Every voter knows it. The report said the plan failed.");
        assertThat(read.referents().resolve(read.token("voter")).speaker()).isNull();
        assertThat(read.referents().resolve(read.token("report")).speaker()).isNull();
    }

    @Test
    void aTitleAndANameJoinedByAndAreOnePerson() {
        Read read = read("Conservative Party leader and Prime Minister Boris Johnson said he was humbled.");
        assertThat(read.referents().resolveAll(read.token("leader")).speaker().name).isEqualTo("Boris Johnson");
    }

    @Test
    void namesJoinedByAndAreCoordinatedSpeakers() {
        Read read = read("Senator Ann Lee and Senator Tom Ford said the bill was flawed.");
        Referent both = read.referents().resolveAll(read.token("Lee"));
        assertThat(both.kind()).isEqualTo(ReferentResolver.Kind.COORDINATED);
        assertThat(both.speaker()).isNull();
        assertThat(both.speakers()).extracting(a -> a.name).containsExactly("Ann Lee", "Tom Ford");
        assertThat(both.mention().text()).isEqualTo("Senator Ann Lee and Senator Tom Ford");
    }

    @Test
    void aNameJoinedToSomebodysThingIsNoPairOfSpeakers() {
        Read read = read("Brexit and Donald Trump's threats pushed the bloc to rely less on Washington.");
        Referent both = read.referents().resolveAll(read.token("Brexit"));
        assertThat(both.speakers()).isEmpty();
    }

    @Test
    void thePluralLeadersOfTwoCountriesAreAGroupNotOneOfThem() {
        Read read = read("Kosovar Prime Minister Albin Kurti and Serbian President Aleksandar Vucic met. The leaders"
                + " of Kosovo and Serbia failed to sign an agreement.");
        Referent leaders = read.referents().resolveAll(read.token("leaders of"));
        assertThat(leaders.speaks()).isFalse();
        assertThat(leaders.kind()).isEqualTo(ReferentResolver.Kind.GROUP);
    }
}
