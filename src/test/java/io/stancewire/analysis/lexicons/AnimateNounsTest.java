package io.stancewire.analysis.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guards the animacy list read from CoreNLP's models jar: people are animate, documents and bodies are not. */
class AnimateNounsTest {

    private static final AnimateNouns NOUNS = AnimateNouns.load();

    @Test
    void nounsForPeopleArePersons() {
        for (String noun : new String[] { "judge", "narrator", "friend", "spokeswoman", "senator", "voter" }) {
            assertThat(NOUNS.isPerson(noun)).as(noun).isTrue();
        }
    }

    @Test
    void documentsInstitutionsAndCapitalisedEntriesAreNot() {
        for (String noun : new String[] { "report", "poll", "letter", "campaign", "government", "committee", "AJ" }) {
            assertThat(NOUNS.isPerson(noun)).as(noun).isFalse();
        }
    }
}
