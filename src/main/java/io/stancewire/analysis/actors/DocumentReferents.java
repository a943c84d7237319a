package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Documents as referents: "the text states", "the report said" name a document, and "a statement from the king" or
 * "Trump's tweet" name its issuer, who is the speaker. Pure lookups: see {@link ReferentResolver.Referent}.
 */
record DocumentReferents(ParsedText text, ReferentResolver referents) {

    static final Set<String> DOCUMENT_NOUNS = Set.of("text", "draft", "proposal", "agreement", "document", "bill",
            "law", "constitution", "resolution", "report", "ruling", "decision", "summary", "declaration",
            "communique", "treaty", "plan", "annex", "appendix", "deal", "accord", "order", "decree", "sign",
            "banner", "letter", "memo", "statement", "verdict", "judgment", "judgement", "article", "clause",
            "question", "motion", "petition", "placard", "poster", "headline", "survey", "poll");
    /** Documents that somebody issues: their issuer, when named, is the speaker. */
    static final Set<String> ISSUED_NOUNS = Set.of("statement", "letter", "memo", "tweet", "post", "message",
            "communique", "declaration", "order", "decree");

    /**
     * Who issued a statement, letter or tweet: "a statement from the king", "a memo posted by Senator Juan Dalmau",
     * "Trump's tweet". Null when the text does not say.
     */
    Referent issuer(int head) {
        List<Integer> sources = new ArrayList<>(text.children(head, r -> r.equals("nmod") || r.equals("nmod:poss")));
        // "a tweet on Monday by Secretary Mike Pompeo": the "by" or "from" phrase first
        sources.sort(java.util.Comparator.comparing(
                source -> !text.hasChild(source, r -> r.equals("case"), Set.of("by", "from"))));
        List<Integer> clauses = new ArrayList<>(text.children(head, r -> r.equals("acl")));
        int governor = text.governor(head);
        String relation = text.relation(head);
        if (governor >= 0 && text.isVerb(governor) && (relation.equals("obj") || relation.startsWith("nsubj"))) {
            // "the palace issued a statement from the king", "a tweet sent from Biden's account" (parsed as a clause)
            clauses.add(governor);
        }
        for (int clause : clauses) {
            sources.addAll(text.children(clause, r -> r.startsWith("obl")).stream()
                    .filter(o -> text.hasChild(o, r -> r.equals("case"), Set.of("by", "from"))).toList());
        }
        for (int source : sources) {
            Referent referent = referents.resolve(source);
            if (referent.speaker() != null) {
                return referent;
            }
        }
        if (governor >= 0 && text.isVerb(governor) && relation.equals("obj")) {
            // "They released a statement which said ...": who released it
            for (int subject : text.subjectCandidates(governor)) {
                if (subject != head && !PronounReferents.RELATIVE_PRONOUNS.contains(text.lower(subject))) {
                    Referent referent = referents.resolve(subject);
                    if (referent.speaker() != null) {
                        return referent;
                    }
                }
            }
        }
        return null;
    }
}
