package io.stancewire.analysis.quotes.speaker;

import java.util.Map;

import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ReferentResolver.Referent;

/**
 * A direct quote as the speaker rules see it: its tokens and sentences, the quote before it with its speaker, and
 * the speakers found so far by sentence.
 *
 * @param tokens the quote's tokens, quotation marks included
 * @param firstSentence the sentence of its first token
 * @param lastSentence the sentence of its last token
 * @param previous the tokens of the quote before it in the article, or null
 * @param previousSpeaker the speaker found for that quote, or null
 * @param speakerBySentence the speakers found so far, by the sentences their quotes cover
 */
public record QuoteSite(TokenRange tokens, int firstSentence, int lastSentence, TokenRange previous,
        Referent previousSpeaker, Map<Integer, Referent> speakerBySentence) {

    /** The tokens [from, end) of a quote. */
    public record TokenRange(int from, int end) {
    }

    public int from() {
        return tokens.from();
    }

    public int end() {
        return tokens.end();
    }

    /** Whether the actor is (one of) the previous quote's speaker(s), by id: a proposed actor is not yet held. */
    boolean isPreviousSpeaker(ActorIndex.Draft actor) {
        return actor != null && previousSpeaker != null
                && previousSpeaker.speakers().stream().anyMatch(s -> s.id.equals(actor.id));
    }

    /**
     * The previous quote's speaker, named by the subject of the speech word between the two quotes when it refers to
     * them ("“…,” she said. “…”": "she"), else by the previous quote's mention.
     */
    Referent previousSpeakerNearest(QuoteLayout layout) {
        for (int i = previous.end(); i < from(); i++) {
            if (!layout.isQuoted(i) && layout.speechWord(i)) {
                Referent subject = layout.referents().resolveFirst(layout.text().subjectCandidates(i));
                return subject.mention() != null && isPreviousSpeaker(subject.speaker())
                        ? previousSpeaker.withMention(subject.mention()) : previousSpeaker;
            }
        }
        return previousSpeaker;
    }

    /** Whether the quote before this one has a person or organisation as speaker. */
    boolean previousHasSpeaker() {
        return previous != null && previousSpeaker != null && previousSpeaker.speaks();
    }
}
