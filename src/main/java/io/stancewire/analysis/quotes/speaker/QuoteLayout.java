package io.stancewire.analysis.quotes.speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * An article as the speaker rules read it: the parse, which tokens lie inside direct quotes, the referent lookup and
 * the speech verbs, with the readings several rules share (a speech word, the subjects of a speech verb, whether a
 * quote stands alone as its sentence).
 */
public final class QuoteLayout {

    private static final double STANDALONE_SHARE = 0.6;
    /** "In a statement, the ministry justified the strike as "defensive"": the clause is a speech act. */
    private static final Set<String> SPEECH_SETTINGS = Set.of("statement", "tweet", "post",
            "letter", "interview", "speech", "address", "conference", "briefing", "message", "video", "memo");
    /** "…,” X told The Huffington Post": the object of these verbs is whom the words are for, never the speaker. */
    private static final Set<String> ADDRESSING_VERBS = Set.of("tell", "ask", "inform", "assure", "remind", "warn",
            "urge", "advise");
    private static final Set<String> CLOSING_MARKS = Set.of("”", "\"", "''", "’");

    private final ParsedText text;
    private final ReferentResolver referents;
    private final SpeechVerbs verbs;
    private final boolean[] quoted;

    public QuoteLayout(ParsedText text, ReferentResolver referents, SpeechVerbs verbs, List<Span> quotes) {
        this.text = text;
        this.referents = referents;
        this.verbs = verbs;
        this.quoted = new boolean[text.size()];
        for (Span quote : quotes) {
            int[] range = text.tokensWithin(quote.start(), quote.end());
            for (int i = range[0]; i < range[1]; i++) {
                quoted[i] = true;
            }
        }
    }

    public ParsedText text() {
        return text;
    }

    public ReferentResolver referents() {
        return referents;
    }

    public SpeechVerbs verbs() {
        return verbs;
    }

    /**
     * Whether the sentence after {@code sentence} goes on with it: in the same paragraph, opening in lower case
     * ("“You winning?” she said", split at the question mark).
     */
    public boolean goesOnInNextSentence(int sentence) {
        if (sentence + 1 >= text.sentenceCount()) {
            return false;
        }
        int first = text.sentenceFirst(sentence + 1);
        return text.paragraphOf(first) == text.paragraphOf(text.sentenceEnd(sentence) - 1)
                && Character.isLowerCase(text.word(first).charAt(0));
    }

    /**
     * Whether the tokenizer ended {@code sentence} at a title it did not know as one, so that the next sentence
     * goes on with the name ("…," said Del. | Stacey Plaskett of the Virgin Islands.): the sentence ends in a short
     * capitalised word with a period and a period token, and the next one opens with a name in the same paragraph.
     */
    public boolean endsAtTitle(int sentence) {
        if (sentence + 1 >= text.sentenceCount()) {
            return false;
        }
        int end = text.sentenceEnd(sentence);
        int first = text.sentenceFirst(sentence + 1);
        if (end - 2 < text.sentenceFirst(sentence) || !text.word(end - 1).equals(".")) {
            return false;
        }
        String title = text.word(end - 2);
        return title.length() >= 3 && title.length() <= 5 && title.endsWith(".")
                && Character.isUpperCase(title.charAt(0)) && text.ner(first).equals("PERSON")
                && text.paragraphOf(first) == text.paragraphOf(end - 1);
    }

    /**
     * The sentence of a quote's first word: the splitter sometimes leaves the opening mark at the end of the sentence
     * before ("… in Mexico City. '' | There is nothing …").
     */
    public int firstSentence(QuoteSite.TokenRange quote) {
        int from = quote.from();
        return quote.end() - from > 1 && text.isPunctuation(from) ? text.sentenceOf(from + 1) : text.sentenceOf(from);
    }

    /** Whether the token lies inside a direct quote. */
    public boolean isQuoted(int token) {
        return quoted[token];
    }

    /** A speech verb, also when the tagger missed it ("tweeted" read as an adjective). */
    public boolean speechWord(int i) {
        String lower = text.lower(i);
        return text.isVerb(i) && verbs.isSpeech(text.lemma(i))
                || lower.endsWith("ed") && (verbs.isSpeech(lower.substring(0, lower.length() - 2))
                        || verbs.isSpeech(lower.substring(0, lower.length() - 1)));
    }

    /**
     * The subject candidates of a speech verb; after the quote, the verb is often inverted ("...," wrote Trump on
     * Twitter) and CoreNLP may parse the speaker as its object.
     */
    public List<Integer> speakers(int verb, int quoteEnd) {
        List<Integer> out = new ArrayList<>();
        boolean afterQuote = quoteEnd >= 0;
        boolean subjectBefore = text.children(verb, r -> r.startsWith("nsubj")).stream()
                .anyMatch(c -> c < verb && !isQuoted(c));
        boolean adjacent = afterQuote && verb - quoteEnd <= 2;
        boolean inverted = afterQuote && !subjectBefore && text.tag(verb).matches("VBD|VBZ|VBP|VBN")
                && !ADDRESSING_VERBS.contains(text.lemma(verb));
        if (inverted || text.lemma(verb).equals("quote")) {
            // "...," wrote Trump; "...," said a protester using the pseudonym Katya; "Politico quoted Tim Manning as
            // saying": the object is the speaker
            for (int object : text.children(verb, r -> r.equals("obj") || r.equals("dep") || r.equals("appos")
                    || r.equals("nsubj:pass") || r.equals("obl:npmod"))) {
                boolean name = text.tag(object).equals("NNP") || text.ner(object).equals("PERSON")
                        || adjacent && text.tag(object).startsWith("NN");
                int start = text.subtree(object, r -> r.startsWith("acl") || r.equals("appos"))[0];
                if (!isQuoted(object) && object > verb && name
                        && (start - verb <= 3 || text.lemma(verb).equals("quote"))) {
                    out.add(object);
                }
            }
        }
        if (text.lemma(verb).equals("quote")) {
            return out;
        }
        int quoting = text.governor(verb);
        if (quoting >= 0 && !isQuoted(quoting) && text.lemma(quoting).equals("quote")) {
            return speakers(quoting, -1); // "Politico quoted Tim Manning as saying ...": Manning says it
        }
        // "were described by Johnson as ...": the agent of a passive
        if (text.tag(verb).equals("VBN") && text.isPassive(verb)) {
            out.addAll(text.byAgents(verb));
        }
        String relation = text.relation(verb);
        int governor = text.governor(verb);
        if (text.tag(verb).equals("VBG") && !relation.equals("root")) {
            // "and Tom Reyes of Texas calling it ...": a participle right after a name (and its "of" phrase)
            for (int j = verb - 1; j >= Math.max(0, verb - 5) && !isQuoted(j); j--) {
                if (text.relation(j).equals("mark") && text.governor(j) == verb) {
                    break; // "Blige sings to Clinton before asking her": the participle is the clause's subject's
                }
                if (text.ner(j).equals("PERSON")) {
                    out.add(j);
                    break;
                }
                if (!text.tag(j).matches("IN|DT|NNP|NNPS|HYPH")) {
                    break;
                }
            }
        }
        if (governor >= 0 && (relation.equals("acl") || relation.equals("dep")) && text.ner(governor).equals("PERSON")
                && text.tag(verb).equals("VBG") && !isQuoted(governor)) {
            // "with Steve Scalise of Louisiana calling ... and Ross Spano of Florida calling ...": the name the
            // participle follows (the parse may hang both participles from the first name)
            int nearest = governor;
            for (int conjunct : text.children(governor, r -> r.equals("conj"))) {
                if (conjunct < verb && conjunct > nearest && text.ner(conjunct).equals("PERSON")) {
                    nearest = conjunct;
                }
            }
            out.add(nearest);
        }
        List<Integer> subjects = text.subjectCandidates(verb);
        out.addAll(subjects);
        if (text.tag(verb).equals("VBG") && governor >= 0
                && referents.resolveFirst(subjects).kind() == ReferentResolver.Kind.UNKNOWN) {
            // "..., telling the Nevada Independent:", "..., saying "..."" hung from a clause by a loose relation
            int clause = text.isVerb(governor) ? governor : text.root(text.sentenceOf(verb));
            if (clause >= 0 && clause != verb && !isQuoted(clause)) {
                out.addAll(speakers(clause, -1));
            }
        }
        // "the president of the League, Jamel Msallem, said": the name just before the verb
        if (verb >= 2 && text.word(verb - 1).equals(",") && text.ner(verb - 2).equals("PERSON") && !isQuoted(verb - 2)) {
            out.add(verb - 2);
        }
        // the words inside a quote are the speaker's, never the speaker (a parse may make them the verb's subject)
        out.removeIf(this::isQuoted);
        return out;
    }

    /** "In a statement, the ministry justified ...": a clause set in a statement, tweet or interview. */
    public boolean inSetting(int verb) {
        for (int obl : text.children(verb, r -> r.startsWith("obl"))) {
            if (SPEECH_SETTINGS.contains(text.lemma(obl)) && !isQuoted(obl)
                    && text.hasChild(obl, r -> r.equals("case"), Set.of("in"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code token} lies in the subtree of {@code head}. */
    public boolean dominates(int head, int token) {
        for (int node = token, hop = 0; node >= 0 && hop < 40; node = text.governor(node), hop++) {
            if (node == head) {
                return true;
            }
        }
        return false;
    }

    /** A verb in a relative clause whose relative pronoun is not its subject ("which the BBC noted as ..."). */
    public boolean objectRelative(int verb) {
        if (!text.relation(verb).equals("acl:relcl")) {
            return false;
        }
        for (int child : text.children(verb, r -> !r.startsWith("nsubj"))) {
            if (Set.of("which", "that", "whom").contains(text.lower(child)) && child < verb) {
                return true;
            }
        }
        return false;
    }

    public boolean endsSentence(int afterQuote, int sentence) {
        for (int i = afterQuote; i < text.sentenceEnd(sentence); i++) {
            if (!text.isPunctuation(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the quote makes up most of the words of its sentences. */
    public boolean standsAlone(QuoteSite quote) {
        int words = 0;
        int inside = 0;
        for (int i = text.sentenceFirst(quote.firstSentence()); i < text.sentenceEnd(quote.lastSentence()); i++) {
            if (!text.isPunctuation(i)) {
                words++;
                if (i >= quote.from() && i < quote.end()) {
                    inside++;
                }
            }
        }
        return words > 0 && inside >= STANDALONE_SHARE * words;
    }

    public boolean isClosingMark(int i) {
        return CLOSING_MARKS.contains(text.word(i));
    }
}
