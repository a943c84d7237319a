package io.stancewire.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each direct quote its speaker. In order: a speech verb outside the quote in the quote's own sentences (its
 * subject, or the source of "according to") — the nearest such verb wins; a short attribution sentence right after
 * the quote ({@code "...." he said.}); and, for a quote that stands alone as its sentence, the previous sentence:
 * the speaker of a quote there (a continued quote) or its subject ("The Serbian president also pouted.").
 * Quotes embedded in a sentence with no speech verb (terms, scare quotes) have no speaker.
 */
final class QuoteAttributor {

    record Attribution(Span quote, ReferentResolver.Referent speaker) {
    }

    private static final double STANDALONE_SHARE = 0.6;
    /** "X said ..., according to the BBC": the speech verb's subject is the speaker, the outlet only reports it. */
    private static final int ACCORDING_TO_PENALTY = 30;
    private static final int SHORT_SENTENCE = 12;

    private final ParsedText text;
    private final ReferentResolver referents;
    private final SpeechVerbs verbs;
    private final boolean[] quoted;

    QuoteAttributor(ParsedText text, ReferentResolver referents, SpeechVerbs verbs, List<Span> quotes) {
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

    boolean isQuoted(int token) {
        return quoted[token];
    }

    List<Attribution> attribute(List<Span> quotes) {
        List<Attribution> out = new ArrayList<>();
        Map<Integer, ReferentResolver.Referent> speakerBySentence = new HashMap<>();
        for (Span quote : quotes) {
            int[] range = text.tokensWithin(quote.start(), quote.end());
            if (range[0] >= range[1]) {
                out.add(new Attribution(quote, ReferentResolver.Referent.NONE));
                continue;
            }
            int firstSentence = text.sentenceOf(range[0]);
            int lastSentence = text.sentenceOf(range[1] - 1);
            ReferentResolver.Referent speaker = fromSpeechVerb(range, firstSentence, lastSentence);
            if (speaker == null && endsSentence(range[1], lastSentence) && lastSentence + 1 < text.sentenceCount()
                    && text.paragraphOf(text.sentenceFirst(lastSentence + 1)) == text.paragraphOf(range[1] - 1)
                    && text.sentenceEnd(lastSentence + 1) - text.sentenceFirst(lastSentence + 1) <= SHORT_SENTENCE) {
                speaker = fromSpeechVerb(new int[] { range[1], range[1] }, lastSentence + 1, lastSentence + 1);
            }
            if (speaker == null || speaker.kind() == ReferentResolver.Kind.UNKNOWN) {
                ReferentResolver.Referent colon = beforeColon(range);
                speaker = colon != null ? colon : speaker;
            }
            if (speaker == null && standsAlone(range, firstSentence, lastSentence) && firstSentence > 0) {
                speaker = speakerBySentence.get(firstSentence - 1);
                if (speaker == null) {
                    speaker = subjectOfSentence(firstSentence - 1);
                }
            }
            speaker = speaker == null ? ReferentResolver.Referent.NONE : speaker;
            if (speaker.speaker() != null) {
                for (int s = firstSentence; s <= lastSentence; s++) {
                    speakerBySentence.put(s, speaker);
                }
            }
            out.add(new Attribution(quote, speaker));
        }
        return out;
    }

    /** The referent of the speech verb nearest the quote in the given sentences, or null when there is none. */
    private ReferentResolver.Referent fromSpeechVerb(int[] range, int firstSentence, int lastSentence) {
        ReferentResolver.Referent best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = text.sentenceFirst(firstSentence); i < text.sentenceEnd(lastSentence); i++) {
            if (quoted[i]) {
                continue;
            }
            int source = text.accordingTo(i);
            List<Integer> subjects = source >= 0 ? List.of(source)
                    : text.isVerb(i) && (verbs.isSpeech(text.lemma(i)) || text.lemma(i).equals("quote"))
                            ? speakers(i, i >= range[1]) : List.of();
            if (subjects.isEmpty()) {
                continue;
            }
            ReferentResolver.Referent referent = referents.resolveFirst(subjects);
            int distance = i < range[0] ? range[0] - i : Math.max(0, i - range[1]);
            if (source >= 0) {
                distance += ACCORDING_TO_PENALTY;
            }
            if (text.sentenceOf(i) != text.sentenceOf(Math.min(range[0], text.size() - 1))
                    && text.sentenceOf(i) != text.sentenceOf(Math.max(0, range[1] - 1))) {
                distance += 100; // a verb in a sentence the quote only partly covers attributes something else
            }
            // a resolved subject beats a nearer one that resolves to nothing
            int rank = (referent.kind() == ReferentResolver.Kind.UNKNOWN ? 1_000_000 : 0) + distance;
            if (rank < bestDistance) {
                best = referent;
                bestDistance = rank;
            }
        }
        return best;
    }

    /**
     * The subject candidates of a speech verb; after the quote, the verb is often inverted ("...," wrote Trump on
     * Twitter) and CoreNLP may parse the speaker as its object.
     */
    private List<Integer> speakers(int verb, boolean afterQuote) {
        List<Integer> out = new ArrayList<>();
        if (afterQuote || text.lemma(verb).equals("quote")) {
            // "...," wrote Trump; "Politico quoted Tim Manning as saying": the object is the speaker
            for (int object : text.children(verb, r -> r.equals("obj") || r.equals("dep") || r.equals("appos")
                    || r.equals("nsubj:pass") || r.equals("obl:npmod"))) {
                boolean name = text.tag(object).equals("NNP") || text.ner(object).equals("PERSON");
                if (!quoted[object] && object > verb && name
                        && (object - verb <= 4 || text.lemma(verb).equals("quote"))) {
                    out.add(object);
                }
            }
        }
        if (!text.lemma(verb).equals("quote")) {
            out.addAll(text.subjectCandidates(verb));
        }
        return out;
    }

    /**
     * "Bolsonaro opposed Macron's statement: "...": a quote after a colon belongs to the subject of the clause
     * before the colon, whatever its verb.
     */
    private ReferentResolver.Referent beforeColon(int[] range) {
        int colon = range[0] - 1;
        if (colon < 0 || text.sentenceOf(colon) != text.sentenceOf(range[0])) {
            return null;
        }
        // a comma does the same job before a quoted sentence: "Trump, also on Twitter, defended his decision, "As I ..."
        boolean quotedSentence = range[1] - range[0] >= 6 && Character.isUpperCase(text.word(range[0] + 1).charAt(0));
        if (!text.word(colon).equals(":") && !(text.word(colon).equals(",") && quotedSentence)) {
            return null;
        }
        int head = text.governor(colon);
        for (int hop = 0; hop < 3 && head >= 0 && !text.isVerb(head); hop++) {
            head = text.governor(head);
        }
        if (head < 0 || quoted[head] || head > colon) {
            return null;
        }
        ReferentResolver.Referent referent = referents.resolveFirst(text.subjectCandidates(head));
        return referent.speaker() != null ? referent : null;
    }

    private boolean endsSentence(int afterQuote, int sentence) {
        for (int i = afterQuote; i < text.sentenceEnd(sentence); i++) {
            if (Character.isLetterOrDigit(text.word(i).charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the quote makes up most of the words of its sentences. */
    private boolean standsAlone(int[] range, int firstSentence, int lastSentence) {
        int words = 0;
        int inside = 0;
        for (int i = text.sentenceFirst(firstSentence); i < text.sentenceEnd(lastSentence); i++) {
            if (Character.isLetterOrDigit(text.word(i).charAt(0))) {
                words++;
                if (i >= range[0] && i < range[1]) {
                    inside++;
                }
            }
        }
        return words > 0 && inside >= STANDALONE_SHARE * words;
    }

    private ReferentResolver.Referent subjectOfSentence(int sentence) {
        int root = text.root(sentence);
        if (root < 0 || quoted[root]) {
            return null;
        }
        ReferentResolver.Referent referent = referents.resolveFirst(text.subjectCandidates(root));
        return referent.speaker() != null ? referent : null;
    }
}
