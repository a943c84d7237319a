package io.stancewire.analysis.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.Span;

/** Quotation spans, without CoreNLP. */
class QuoteFinderTest {

    private static List<String> quotes(String body) {
        return QuoteFinder.find(body).stream().map(Span::text).toList();
    }

    @Test
    void curlyAndStraightDoubleQuotes() {
        assertThat(quotes("“We agree,” he said. Then \"No\" came back.")).containsExactly("“We agree,”", "\"No\"");
    }

    @Test
    void spansIncludeTheMarksAndMatchTheBody() {
        String body = "Kurti said: “It is up to the EU.” And more.";
        Span span = QuoteFinder.find(body).get(0);
        assertThat(body.substring(span.start(), span.end())).isEqualTo("“It is up to the EU.”");
        assertThat(span.start()).isEqualTo(body.indexOf('“'));
    }

    @Test
    void nestedQuotesStayInsideTheirParent() {
        assertThat(quotes("He wrote: \"She told me 'let's talk tomorrow' and left.\" End."))
                .containsExactly("\"She told me 'let's talk tomorrow' and left.\"");
        assertThat(quotes("“They call it “peace”, we do not,” she said."))
                .containsExactly("“They call it “peace”, we do not,”");
    }

    @Test
    void mixedMarksCloseEachOther() {
        // wire copy opens with a curly mark and closes with a straight one, or the reverse
        assertThat(quotes("There was “no evidence\" yet. \"We do not see a link,” the mayor said."))
                .containsExactly("“no evidence\"", "\"We do not see a link,”");
        assertThat(quotes("“Deals should not be required,\" Chairman Jason Chaffetz said."))
                .containsExactly("“Deals should not be required,\"");
    }

    @Test
    void aParagraphOpenedWithTheClosingMarkIsAQuote() {
        assertThat(quotes("Readers wrote.\n\n”Mr. Trump is unfit.” ― Ana Diaz\n\nNothing “here” is odd."))
                .containsExactly("”Mr. Trump is unfit.”", "“here”");
    }

    @Test
    void inAFeedWithOneParagraphPerLineAQuoteLeftOpenEndsWithItsLine() {
        // the first quote is never closed: it must not swallow the quotes of the lines after it
        String body = "Title\n\n“It is a dog whistle,” Gwen Moore said. “If Obama is not legitimate, then who is.\n"
                + "Voters reacted.\n“Look at how much they suffer,” he said.\n“What do you have to lose?” he asked.";
        assertThat(quotes(body)).containsExactly("“It is a dog whistle,”", "“If Obama is not legitimate, then who is.",
                "“Look at how much they suffer,”", "“What do you have to lose?”");
    }

    @Test
    void aNicknameInsideANameIsNoQuote() {
        assertThat(quotes("Scott's niece, Marcia \"Cia\" Price, shouted. Thomas “Tip” O'Neill agreed.")).isEmpty();
        // a one-word quote after an ordinary word is still a quote
        assertThat(quotes("Voters said \"Yes\" Tuesday.")).containsExactly("\"Yes\"");
    }

    @Test
    void aQuoteOfTheOtherStyleNestsInside() {
        assertThat(quotes("“She said \"no\" to me,” he said.")).containsExactly("“She said \"no\" to me,”");
        assertThat(quotes("\"She called it “a farce” twice,\" he said."))
                .containsExactly("\"She called it “a farce” twice,\"");
    }

    @Test
    void nytAndPtbStyleQuotes() {
        assertThat(quotes("He said ''we will win'' on Monday.")).containsExactly("''we will win''");
        assertThat(quotes("He said ``we will win'' on Monday.")).containsExactly("``we will win''");
    }

    @Test
    void guillemetsAndLowHighMarks() {
        assertThat(quotes("Il a dit «non» hier, „ja“ heute.")).containsExactly("«non»", "„ja“");
    }

    @Test
    void singleQuotedTermsButNotApostrophes() {
        assertThat(quotes("Trump says he 'can' and 'may' act; Erdogan's plan and the leaders' talks."))
                .containsExactly("'can'", "'may'");
        assertThat(quotes("A ‘historic’ day.")).containsExactly("‘historic’");
    }

    @Test
    void aQuoteGoesOnWhenTheNextParagraphOpensWithAMark() {
        String body = "“First part of the speech.\n\n“Second part,” she said.\n\nNext paragraph.";
        assertThat(quotes(body)).containsExactly("“First part of the speech.\n\n“Second part,”");
    }

    @Test
    void anUnclosedQuoteEndsWithItsParagraph() {
        String body = "He said “this never closes.\n\nA new paragraph “with a quote” here.";
        assertThat(quotes(body)).containsExactly("“this never closes.", "“with a quote”");
    }
}
