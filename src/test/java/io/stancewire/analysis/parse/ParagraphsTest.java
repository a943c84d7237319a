package io.stancewire.analysis.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where paragraphs end, without CoreNLP. */
class ParagraphsTest {

    @Test
    void blankLinesSeparateParagraphsAndALineBreakInsideOneDoesNot() {
        String body = "Title\n\nFirst paragraph,\nwrapped.\n\nSecond paragraph.";
        Paragraphs paragraphs = Paragraphs.of(body);
        assertThat(paragraphs.endsAt(body.indexOf('\n'))).isTrue();
        assertThat(paragraphs.endsAt(body.indexOf(",\n") + 1)).isFalse();
        assertThat(paragraphs.endsWithin(body.indexOf("wrapped"), body.indexOf("Second"))).isTrue();
    }

    @Test
    void aFeedWithOneParagraphPerLineEndsOneAtEveryLineBreak() {
        // a title set off by a blank line does not make it a blank-line feed
        String body = "Title\n\nFirst paragraph.\nSecond paragraph.\nThird paragraph.\nFourth.";
        Paragraphs paragraphs = Paragraphs.of(body);
        assertThat(paragraphs.endsAt(body.indexOf(".\nSecond") + 1)).isTrue();
        assertThat(paragraphs.endsWithin(body.indexOf("Second"), body.indexOf("Third"))).isTrue();
        assertThat(paragraphs.endsAt(body.indexOf("Second"))).isFalse();
    }
}
