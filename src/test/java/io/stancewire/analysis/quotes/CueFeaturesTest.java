package io.stancewire.analysis.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.parse.ParsedText;

/** What the attribution model reads of a candidate, on sentences written for the test. */
@Tag(StoredParses.TAG)
class CueFeaturesTest {

    private static final StoredParses PARSES = StoredParses.of(CueFeaturesTest.class);

    @Test
    void aPersonSayingThatAClauseIsTrue() {
        List<String> features = features("Senator Ruth Okonkwo said that the plan would fail.", "said", "ccomp");
        assertThat(features).contains("bias", "k=say|V|ccomp", "w=say|V", "subject=ccomp|PERSON",
                "ws=say|V|PERSON", "mark=ccomp|that", "content=ccomp|clause");
        assertThat(features).noneMatch(f -> f.startsWith("negated") || f.startsWith("quoted"));
    }

    @Test
    void aPassiveWithoutAgentACommonNounSubjectNegationAndQuotationMarks() {
        assertThat(features("Voters were not urged to “stay at home” on Friday.", "urged", "advcl"))
                .contains("subject=advcl|passive", "negated|advcl", "quoted|advcl");
        assertThat(features("Officials denied the report on Monday.", "denied", "obj"))
                .contains("subject=obj|nouns", "sl=official", "content=obj|noun");
    }

    private static List<String> features(String sentence, String cue, String relation) {
        ParsedText text = new ParsedText(sentence, PARSES.annotate(sentence));
        int token = text.tokenAt(sentence.indexOf(cue));
        CueConstructions.Construction construction = CueConstructions.at(text, token).stream()
                .filter(c -> c.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + relation + " at " + cue));
        return CueFeatures.of(text, token, CueConstructions.pos(text, token), construction);
    }
}
