package io.stancewire.analysis.quotes.speaker;

import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "Kurti said that “the Serbian side is not ready”", "“…,” wrote Trump on Twitter", "according to the minister,
 * “…”": the subject of the speech verb (or the source of "according to") nearest the quote in its own sentences. A
 * subject that refers to somebody beats a nearer one that refers to nothing; "according to" an outlet, a verb in an
 * object relative clause ("which the BBC noted as …") and a verb in a sentence the quote only partly covers count
 * as farther away. The answer may be a referent of unknown kind (the words that name the source), which later
 * rules may replace.
 */
final class NearestSpeechVerb implements SpeakerRule {

    /** "X said ..., according to the BBC": the speech verb's subject is the speaker, the outlet only reports it. */
    private static final int ACCORDING_TO_PENALTY = 30;
    /** "X commented — which the BBC noted as unusual — "...": a speech verb in an object relative clause. */
    private static final int OBJECT_RELATIVE_PENALTY = 30;
    private static final int OTHER_SENTENCE_PENALTY = 100;
    /**
     * Verbs that introduce someone's words in a quote only ("directing units to "…"", "named it "…""); kept out of
     * {@code speech-verbs.tsv}, which the portrayal model is trained with.
     */
    private static final Set<String> QUOTING_VERBS = Set.of("quote", "direct", "instruct", "name");

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        return nearest(layout, quote.from(), quote.end(), quote.firstSentence(), quote.lastSentence());
    }

    /**
     * The referent of the speech verb nearest the tokens [from, end) in the given sentences, or null when there is
     * none.
     */
    static Referent nearest(QuoteLayout layout, int from, int end, int firstSentence, int lastSentence) {
        ParsedText text = layout.text();
        Referent best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = text.sentenceFirst(firstSentence); i < text.sentenceEnd(lastSentence); i++) {
            if (layout.isQuoted(i)) {
                continue;
            }
            int source = text.accordingTo(i);
            List<Integer> subjects = source >= 0 ? List.of(source)
                    : isSpeechVerb(layout, i) ? layout.speakers(i, i >= end ? end : -1) : List.of();
            if (subjects.isEmpty()) {
                continue;
            }
            Referent referent = layout.referents().resolveFirst(subjects);
            int distance = i < from ? from - i : Math.max(0, i - end);
            if (source >= 0) {
                distance += ACCORDING_TO_PENALTY;
            }
            if (layout.objectRelative(i) && !layout.dominates(i, Math.min(from + 1, end - 1))) {
                distance += OBJECT_RELATIVE_PENALTY;
            }
            if (text.sentenceOf(i) != text.sentenceOf(Math.min(from, text.size() - 1))
                    && text.sentenceOf(i) != text.sentenceOf(Math.max(0, end - 1))) {
                distance += OTHER_SENTENCE_PENALTY; // a verb in a sentence the quote only partly covers
            }
            // a resolved subject beats a nearer one that resolves to nothing
            int rank = (referent.kind() == ReferentResolver.Kind.UNKNOWN ? 1_000_000 : 0) + distance;
            if (rank < bestRank) {
                best = referent;
                bestRank = rank;
            }
        }
        return best;
    }

    private static boolean isSpeechVerb(QuoteLayout layout, int i) {
        ParsedText text = layout.text();
        return text.isVerb(i) && (layout.verbs().isSpeech(text.lemma(i)) || QUOTING_VERBS.contains(text.lemma(i))
                || layout.inSetting(i));
    }
}
