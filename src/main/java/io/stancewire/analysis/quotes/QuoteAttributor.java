package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Gives each direct quote its speaker, by the rules of {@link #attribute} in the order {@code docs/design.md} (step
 * 4) lists them: a dash signature, a transcript label, the issuer of a statement, a quote continued in its sentence,
 * a verb right before the opening comma, the nearest speech verb (or "according to"), the tokens after the quote, a
 * short attribution sentence after it, a colon, and, for a quote that stands alone as its sentence, the quote before
 * it or the previous sentence's subject ("The Serbian president also pouted."). Quotes embedded in a sentence with no
 * speech verb (terms, scare quotes) have no speaker.
 */
public final class QuoteAttributor {

    public record Attribution(Span quote, ReferentResolver.Referent speaker) {
    }

    private static final double STANDALONE_SHARE = 0.6;
    /** "X said ..., according to the BBC": the speech verb's subject is the speaker, the outlet only reports it. */
    private static final int ACCORDING_TO_PENALTY = 30;
    private static final int SHORT_SENTENCE = 12;
    /** "X commented — which the BBC noted as unusual — "...": a speech verb in an object relative clause. */
    private static final int OBJECT_RELATIVE_PENALTY = 30;
    /** "In a statement, the ministry justified the strike as "defensive"": the clause is a speech act. */
    private static final Set<String> SPEECH_SETTINGS = Set.of("statement", "tweet", "post",
            "letter", "interview", "speech", "address", "conference", "briefing", "message", "video", "memo");
    private static final int INTERRUPTION = 8;
    /**
     * Verbs that introduce someone's words in a quote only ("directing units to "…"", "named it "…""); kept out of
     * {@code speech-verbs.tsv}, which the portrayal model is trained with.
     */
    private static final Set<String> QUOTING_VERBS = Set.of("quote", "direct", "instruct", "name");

    private final ParsedText text;
    private final ReferentResolver referents;
    private final SpeechVerbs verbs;
    private final boolean[] quoted;

    public QuoteAttributor(ParsedText text, ReferentResolver referents, SpeechVerbs verbs, List<Span> quotes) {
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

    public boolean isQuoted(int token) {
        return quoted[token];
    }

    public List<Attribution> attribute(List<Span> quotes) {
        List<Attribution> out = new ArrayList<>();
        Map<Integer, ReferentResolver.Referent> speakerBySentence = new HashMap<>();
        int[] previous = null;
        ReferentResolver.Referent previousSpeaker = null;
        for (Span quote : quotes) {
            int[] range = text.tokensWithin(quote.start(), quote.end());
            if (range[0] >= range[1]) {
                out.add(new Attribution(quote, ReferentResolver.Referent.NONE));
                continue;
            }
            int firstSentence = text.sentenceOf(range[0]);
            int lastSentence = text.sentenceOf(range[1] - 1);
            ReferentResolver.Referent speaker = signedAfterDash(range[1], lastSentence);
            if (speaker == null) {
                speaker = transcriptLabel(range);
            }
            if (speaker == null) {
                speaker = issuedBy(range);
            }
            if (speaker == null && previous != null && previousSpeaker != null && previousSpeaker.speaker() != null) {
                speaker = continued(previous, range, previousSpeaker.speaker()) ? previousSpeaker : null;
            }
            if (speaker == null) {
                speaker = verbBeforeComma(range);
            }
            if (speaker == null) {
                speaker = fromSpeechVerb(range, firstSentence, lastSentence);
            }
            if (speaker == null || speaker.kind() == ReferentResolver.Kind.UNKNOWN) {
                ReferentResolver.Referent inverted = invertedAfter(range[1], lastSentence);
                speaker = inverted != null ? inverted : speaker;
            }
            if (speaker == null || speaker.speaker() == null) {
                ReferentResolver.Referent after = phraseThenVerbAfter(range[1], lastSentence);
                boolean better = after != null && (speaker == null || after.speaker() != null
                        || speaker.mention() == null || after.kind() == ReferentResolver.Kind.GROUP);
                speaker = better ? after : speaker;
            }
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
                speaker = goesOn(previous, range, previousSpeaker);
            }
            if (speaker == null && standsAlone(range, firstSentence, lastSentence) && firstSentence > 0) {
                speaker = speakerBySentence.get(firstSentence - 1);
                if (speaker == null) {
                    speaker = subjectOfSentence(firstSentence - 1);
                }
            }
            // only the speaker that wins joins the actors: the lookups of the rules that lost changed nothing
            speaker = speaker == null ? ReferentResolver.Referent.NONE : referents.commit(speaker);
            if (speaker.speaker() != null) {
                for (int s = firstSentence; s <= lastSentence; s++) {
                    speakerBySentence.put(s, speaker);
                }
            }
            out.add(new Attribution(quote, speaker));
            previous = range;
            previousSpeaker = speaker;
        }
        return out;
    }

    /**
     * "an order by Admiral X directing units to "..."", "a statement from the king saying "..."": a quote inside
     * the phrase of a statement or order whose issuer is named belongs to the issuer.
     */
    private ReferentResolver.Referent issuedBy(int[] range) {
        int node = text.governor(range[0]);
        while (node >= 0 && quoted[node]) {
            node = text.governor(node);
        }
        for (int hop = 0; hop < 6 && node >= 0; hop++, node = text.governor(node)) {
            ReferentResolver.Referent issuer = referents.issuerOf(node);
            if (issuer != null) {
                return issuer;
            }
        }
        return null;
    }

    /**
     * ""We stand ready," tweeted Johnson, "to provide ..."": a quote that goes on after a short attribution in the
     * same sentence as the previous quote has the previous quote's speaker.
     */
    private boolean continued(int[] previous, int[] range, ActorIndex.Draft speaker) {
        if (previous[1] > range[0] || range[0] - previous[1] > INTERRUPTION
                || text.sentenceOf(range[0]) != text.sentenceOf(previous[1] - 1)
                || text.paragraphOf(range[0]) != text.paragraphOf(previous[1] - 1)) {
            return false;
        }
        boolean speech = false;
        for (int i = previous[1]; i < range[0]; i++) {
            speech |= speechWord(i);
            if (text.ner(i).equals("PERSON") && referents.resolve(i).speaker() != speaker) {
                return false; // "... X calling it "a disaster" and Y calling it "a betrayal""
            }
        }
        return speech;
    }

    /** A speech verb, also when the tagger missed it ("tweeted" read as an adjective). */
    private boolean speechWord(int i) {
        String lower = text.lower(i);
        return text.isVerb(i) && verbs.isSpeech(text.lemma(i))
                || lower.endsWith("ed") && (verbs.isSpeech(lower.substring(0, lower.length() - 2))
                        || verbs.isSpeech(lower.substring(0, lower.length() - 1)));
    }

    /**
     * ""...," tweeted former executive Ken Gude.": a speech word right after the quote, then a noun phrase ending in
     * a name. Read on the tokens, since parsers often misread the inversion.
     */
    private ReferentResolver.Referent invertedAfter(int afterQuote, int sentence) {
        int i = afterQuote;
        while (i < text.sentenceEnd(sentence) && text.isPunctuation(i)) {
            i++;
        }
        if (i >= text.sentenceEnd(sentence) || quoted[i] || !speechWord(i)) {
            return null;
        }
        int lastNoun = -1;
        for (int j = i + 1; j < Math.min(text.sentenceEnd(sentence), i + 7) && !quoted[j]; j++) {
            String tag = text.tag(j);
            if (text.ner(j).equals("PERSON")) {
                ReferentResolver.Referent referent = referents.resolve(j);
                return referent.speaker() != null ? referent : null;
            }
            if (!(tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("DT") || tag.equals("HYPH")
                    || tag.equals("PRP$"))) {
                break;
            }
            lastNoun = tag.startsWith("NN") ? j : lastNoun;
        }
        // "…," said the narrator in the 30-second spot: a description, known or not
        return lastNoun > i && text.tag(i + 1).matches("DT|PRP\\$") ? referents.resolvePhrase(i + 1, lastNoun) : null;
    }

    /**
     * "“…,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said.", "“Go register,” Trump implored.", "“…,” the
     * company said.": right after the quote, a noun phrase and then a finite verb. The layout is an attribution
     * whatever the verb; read on the tokens, since parsers often misread a sentence that opens with a quote.
     */
    private ReferentResolver.Referent phraseThenVerbAfter(int afterQuote, int sentence) {
        int end = text.sentenceEnd(sentence);
        int first = afterQuote;
        while (first < end && text.isPunctuation(first) && !quoted[first]) {
            first++;
        }
        if (first >= end || quoted[first]) {
            return null;
        }
        int depth = 0;
        int verb = -1;
        for (int i = first; i < end && i - first <= 20 && !quoted[i]; i++) {
            String word = text.word(i);
            depth += word.equals("(") || word.equals("-LRB-") ? 1 : word.equals(")") || word.equals("-RRB-") ? -1 : 0;
            if (depth == 0 && i > first && (text.tag(i).matches("VBD|VBZ|VBP") || speechWord(i) && !text.tag(i).startsWith("NN"))) {
                verb = i;
                break;
            }
        }
        if (verb < 0 || text.lemma(verb).equals("be") || text.lemma(verb).equals("have")
                || text.lemma(verb).equals("do")) {
            return null;
        }
        return referents.resolvePhrase(first, verb - 1);
    }

    /**
     * "“This is a disgusting day,” said Rep. X (D-N.C.), head of the caucus. “Donald Trump is a disgusting fraud.”":
     * a quote that stands alone right after a quote with a speaker, in the same paragraph and within two sentences,
     * goes on with the same speaker.
     */
    private ReferentResolver.Referent goesOn(int[] previous, int[] range, ReferentResolver.Referent previousSpeaker) {
        if (previous == null || previousSpeaker == null || previousSpeaker.speaker() == null
                || text.paragraphOf(previous[1] - 1) != text.paragraphOf(range[0])
                || text.sentenceOf(range[0]) - text.sentenceOf(previous[1] - 1) > 2) {
            return null;
        }
        for (int i = previous[1]; i < range[0]; i++) {
            if (!quoted[i] && text.ner(i).equals("PERSON") && referents.resolve(i).speaker() != previousSpeaker.speaker()
                    && text.sentenceOf(i) != text.sentenceOf(previous[1] - 1)) {
                return null; // someone else came in between
            }
        }
        return previousSpeaker;
    }

    /**
     * "Trump boasted, “That makes me smart.”", "Blige sings to Clinton before asking her, “Where do we go from
     * here?”": a verb right before the comma or colon that opens the quote introduces it, whatever the verb.
     */
    private ReferentResolver.Referent verbBeforeComma(int[] range) {
        int mark = range[0] - 1;
        if (mark < 1 || !(text.word(mark).equals(",") || text.word(mark).equals(":"))
                || text.sentenceOf(mark) != text.sentenceOf(range[0])) {
            return null;
        }
        int verb = mark - 1;
        while (verb > 0 && text.tag(verb).equals("PRP") && text.sentenceOf(verb - 1) == text.sentenceOf(mark)) {
            verb--; // "asking her, “…”"
        }
        if (quoted[verb] || !text.tag(verb).matches("VBD|VBZ|VBP|VBG") || Set.of("be", "have", "do")
                .contains(text.lemma(verb))) {
            return null;
        }
        ReferentResolver.Referent referent = referents.resolveFirst(speakers(verb, -1));
        return referent.speaker() != null ? referent : null;
    }

    /**
     * "“Mr. Trump is clueless about …” ― Stephanie Egan": a quote signed with a dash and a name that ends the
     * paragraph or sentence.
     */
    private ReferentResolver.Referent signedAfterDash(int afterQuote, int sentence) {
        int i = afterQuote;
        while (i < text.size() && (text.word(i).equals(",") || isClosingMark(i))) {
            i++;
        }
        if (i >= text.size() || !DASHES.contains(text.word(i)) || i + 1 >= text.size() || quoted[i + 1]) {
            return null;
        }
        int name = i + 1;
        if (!(text.ner(name).equals("PERSON") || text.ner(name).equals("ORGANIZATION")
                || text.tag(name).equals("NNP"))) {
            return null;
        }
        int last = name;
        while (last + 1 < text.size() && text.paragraphOf(last + 1) == text.paragraphOf(name) && !quoted[last + 1]
                && text.tag(last + 1).startsWith("NNP")) {
            last++;
        }
        ReferentResolver.Referent referent = referents.resolvePhrase(name, last);
        return referent.speaker() != null ? referent : null;
    }

    private static final Set<String> DASHES = Set.of("―", "—", "–", "--", "-");
    private static final Set<String> CLOSING_MARKS = Set.of("”", "\"", "''", "’");

    private boolean isClosingMark(int i) {
        return CLOSING_MARKS.contains(text.word(i));
    }

    /**
     * "WALLACE: Let’s start …", "MS. CLINTON: …": a quote that opens with a speaker's name in capitals and a colon,
     * as transcripts print them.
     */
    private ReferentResolver.Referent transcriptLabel(int[] range) {
        int i = range[0];
        while (i < range[1] && text.isPunctuation(i)) {
            i++;
        }
        int first = i;
        while (i < range[1] && i - first < 4 && !text.word(i).equals(":")) {
            i++;
        }
        if (i >= range[1] || i == first || !text.word(i).equals(":")) {
            return null;
        }
        for (int j = first; j < i; j++) {
            String word = text.word(j);
            if (!word.equals(word.toUpperCase(java.util.Locale.ROOT)) || !Character.isLetter(word.charAt(0))) {
                return null;
            }
        }
        return referents.labelled(first, i - 1);
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
                    : text.isVerb(i) && (verbs.isSpeech(text.lemma(i)) || QUOTING_VERBS.contains(text.lemma(i))
                            || inSetting(i)) ? speakers(i, i >= range[1] ? range[1] : -1) : List.of();
            if (subjects.isEmpty()) {
                continue;
            }
            ReferentResolver.Referent referent = referents.resolveFirst(subjects);
            int distance = i < range[0] ? range[0] - i : Math.max(0, i - range[1]);
            if (source >= 0) {
                distance += ACCORDING_TO_PENALTY;
            }
            if (objectRelative(i) && !dominates(i, Math.min(range[0] + 1, range[1] - 1))) {
                distance += OBJECT_RELATIVE_PENALTY;
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
    private List<Integer> speakers(int verb, int quoteEnd) {
        List<Integer> out = new ArrayList<>();
        boolean afterQuote = quoteEnd >= 0;
        boolean subjectBefore = text.children(verb, r -> r.startsWith("nsubj")).stream()
                .anyMatch(c -> c < verb && !quoted[c]);
        boolean adjacent = afterQuote && verb - quoteEnd <= 2;
        if (afterQuote && !subjectBefore && text.tag(verb).matches("VBD|VBZ|VBP|VBN") || text.lemma(verb).equals("quote")) {
            // "...," wrote Trump; "...," said a protester using the pseudonym Katya; "Politico quoted Tim Manning as
            // saying": the object is the speaker
            for (int object : text.children(verb, r -> r.equals("obj") || r.equals("dep") || r.equals("appos")
                    || r.equals("nsubj:pass") || r.equals("obl:npmod"))) {
                boolean name = text.tag(object).equals("NNP") || text.ner(object).equals("PERSON")
                        || adjacent && text.tag(object).startsWith("NN");
                int start = text.subtree(object, r -> r.startsWith("acl") || r.equals("appos"))[0];
                if (!quoted[object] && object > verb && name
                        && (start - verb <= 3 || text.lemma(verb).equals("quote"))) {
                    out.add(object);
                }
            }
        }
        if (text.lemma(verb).equals("quote")) {
            return out;
        }
        int quoting = text.governor(verb);
        if (quoting >= 0 && !quoted[quoting] && text.lemma(quoting).equals("quote")) {
            return speakers(quoting, -1); // "Politico quoted Tim Manning as saying ...": Manning says it
        }
        // "were described by Johnson as ...": the agent of a passive
        if (text.tag(verb).equals("VBN") && !text.children(verb, r -> r.equals("aux:pass") || r.equals("nsubj:pass"))
                .isEmpty()) {
            for (int agent : text.children(verb, r -> r.startsWith("obl"))) {
                if (text.hasChild(agent, r -> r.equals("case"), Set.of("by"))) {
                    out.add(agent);
                }
            }
        }
        String relation = text.relation(verb);
        int governor = text.governor(verb);
        if (text.tag(verb).equals("VBG") && !relation.equals("root")) {
            // "and Tom Reyes of Texas calling it ...": a participle right after a name (and its "of" phrase)
            for (int j = verb - 1; j >= Math.max(0, verb - 5) && !quoted[j]; j--) {
                if (text.ner(j).equals("PERSON")) {
                    out.add(j);
                    break;
                }
                if (!text.tag(j).matches("IN|DT|NNP|NNPS|HYPH")) {
                    break;
                }
            }
        }
        if (governor >= 0 && (relation.equals("acl") || relation.equals("dep")) && text.ner(governor).equals("PERSON")) {
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
            if (clause >= 0 && clause != verb && !quoted[clause]) {
                out.addAll(speakers(clause, -1));
            }
        }
        // "the president of the League, Jamel Msallem, said": the name just before the verb
        if (verb >= 2 && text.word(verb - 1).equals(",") && text.ner(verb - 2).equals("PERSON") && !quoted[verb - 2]) {
            out.add(verb - 2);
        }
        return out;
    }

    /** "In a statement, the ministry justified ...": a clause set in a statement, tweet or interview. */
    private boolean inSetting(int verb) {
        for (int obl : text.children(verb, r -> r.startsWith("obl"))) {
            if (SPEECH_SETTINGS.contains(text.lemma(obl)) && !quoted[obl]
                    && text.hasChild(obl, r -> r.equals("case"), Set.of("in"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code token} lies in the subtree of {@code head}. */
    private boolean dominates(int head, int token) {
        for (int node = token, hop = 0; node >= 0 && hop < 40; node = text.governor(node), hop++) {
            if (node == head) {
                return true;
            }
        }
        return false;
    }

    /** A verb in a relative clause whose relative pronoun is not its subject ("which the BBC noted as ..."). */
    private boolean objectRelative(int verb) {
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
        int clauseStart = colon;
        while (clauseStart > text.sentenceFirst(text.sentenceOf(colon)) && !quoted[clauseStart - 1]) {
            clauseStart--;
        }
        if ((head < 0 || head > colon || !text.isVerb(head)) && text.ner(clauseStart).equals("PERSON")) {
            // "Chris Cillizza, The Washington Post: “…”": a name (and an outlet or title) as a label
            ReferentResolver.Referent label = referents.resolvePhrase(clauseStart, colon - 1);
            if (label.speaker() != null) {
                return label;
            }
        }
        if (head < 0 || quoted[head] || head > colon) {
            return null;
        }
        ReferentResolver.Referent referent = referents.resolveFirst(text.subjectCandidates(head));
        if (referent.speaker() != null) {
            return referent;
        }
        for (int object : text.children(head, r -> r.equals("obj"))) {
            // "The palace issued the following statement from the king: "..."
            ReferentResolver.Referent issuer = referents.issuerOf(object);
            if (issuer != null) {
                return issuer;
            }
        }
        return null;
    }

    private boolean endsSentence(int afterQuote, int sentence) {
        for (int i = afterQuote; i < text.sentenceEnd(sentence); i++) {
            if (!text.isPunctuation(i)) {
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
            if (!text.isPunctuation(i)) {
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
        if (text.ner(root).equals("PERSON")) {
            // "Brett McGurk, who ..., also criticized the decision." parsed with the name as the root
            ReferentResolver.Referent named = referents.resolve(root);
            if (named.speaker() != null) {
                return named;
            }
        }
        ReferentResolver.Referent referent = referents.resolveFirst(text.subjectCandidates(root));
        return referent.speaker() != null ? referent : null;
    }
}
