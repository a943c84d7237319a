package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.parse.ParsedText;

/**
 * What {@link AttributionModel} reads of a candidate attribution: a word in one of its constructions
 * ({@link CueConstructions}), with who its subject is, how the content is introduced and how long it is. One owner
 * for the features: the trainer ({@code TrainAttributionModel}) and the extractor both call {@link #of}.
 *
 * <p>"Kurti said [he was ready]": {@code k=say|V|ccomp}, {@code subject=ccomp|PERSON}, {@code mark=ccomp|none}, …;
 * "The river rose [by two metres]": {@code k=rise|V|obl:by}, {@code subject=obl:by|noun}, ….
 */
public final class CueFeatures {

    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never");

    private CueFeatures() {
    }

    /** The features of {@code cue} attributing the content of {@code construction}. */
    public static List<String> of(ParsedText text, int cue, CueConstructions.Pos pos,
            CueConstructions.Construction construction) {
        String lemma = text.lemma(cue);
        String relation = construction.relation();
        // the active verb's subject, read once for its kind and its lemma
        int subjectHead = pos == CueConstructions.Pos.V && !text.isPassive(cue) ? text.subjectOf(cue) : -1;
        String subject = subjectKind(text, cue, pos, subjectHead);
        String mark = mark(text, cue, construction);
        List<String> out = new ArrayList<>(14);
        out.add("bias");
        out.add("k=" + lemma + "|" + pos + "|" + relation);
        out.add("w=" + lemma + "|" + pos);
        out.add("r=" + relation + "|" + pos);
        out.add("subject=" + relation + "|" + subject);
        out.add("ws=" + lemma + "|" + pos + "|" + subject);
        out.add("mark=" + relation + "|" + mark);
        out.add("km=" + lemma + "|" + relation + "|" + mark);
        out.add("tag=" + text.tag(cue) + "|" + relation);
        out.add("length=" + relation + "|" + lengthBucket(construction.last() - construction.first() + 1));
        out.add("up=" + text.relation(cue) + "|" + relation);
        out.add("content=" + relation + "|" + contentKind(text, cue, construction));
        if (holdsQuotationMark(text, construction)) {
            out.add("quoted|" + relation); // "said the plan was “a disaster”": a partial quote
        }
        if (text.children(cue, r -> r.equals("advmod")).stream().anyMatch(c -> NEGATIONS.contains(text.lower(c)))) {
            out.add("negated|" + relation);
        }
        if (subjectHead >= 0 && text.tag(subjectHead).startsWith("NN") && text.ner(subjectHead).equals("O")) {
            out.add("sl=" + text.lemma(subjectHead)); // "officials", "the poll", "critics"
        }
        return out;
    }

    /** The content's head: a clause with its own subject, a verb without one, a noun phrase, or none. */
    private static String contentKind(ParsedText text, int cue, CueConstructions.Construction construction) {
        int head = construction.relation().startsWith("^") ? text.governor(cue) : contentHead(text, cue, construction);
        if (head < 0) {
            return "none";
        }
        if (text.isVerb(head) || !text.children(head, r -> r.equals("cop")).isEmpty()) {
            return text.children(head, r -> r.startsWith("nsubj")).isEmpty() ? "verb" : "clause";
        }
        return text.tag(head).startsWith("NN") ? "noun" : "other";
    }

    private static boolean holdsQuotationMark(ParsedText text, CueConstructions.Construction construction) {
        for (int i = construction.first(); i <= construction.last(); i++) {
            String word = text.word(i);
            if (word.equals("``") || word.equals("''") || word.equals("\"") || word.equals("“") || word.equals("”")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who the subject is, as the parse and NER see it: a person, a pronoun, a noun, none, passive; {@code subjectHead}:
     * an active verb's subject, or -1.
     */
    private static String subjectKind(ParsedText text, int cue, CueConstructions.Pos pos, int subjectHead) {
        if (pos == CueConstructions.Pos.N) {
            for (int owner : text.children(cue, r -> r.equals("nmod:poss"))) {
                return "poss:" + kind(text, owner);
            }
            return "none";
        }
        if (text.isPassive(cue)) {
            return text.byAgents(cue).isEmpty() ? "passive" : "passive-by";
        }
        return subjectHead < 0 ? "none" : kind(text, subjectHead);
    }

    private static String kind(ParsedText text, int head) {
        if (text.isPronoun(head) || text.tag(head).startsWith("W")) {
            return "pronoun:" + text.lower(head);
        }
        String ner = text.ner(head);
        if (!ner.equals("O")) {
            return ner;
        }
        return text.tag(head).equals("NNS") || text.tag(head).equals("NNPS") ? "nouns" : "noun";
    }

    /** How the content is introduced: its head's complementiser ("that", "if", "to"), or the cue's ("as"). */
    private static String mark(ParsedText text, int cue, CueConstructions.Construction construction) {
        int head = construction.relation().startsWith("^") ? cue : contentHead(text, cue, construction);
        if (head < 0) {
            return "none";
        }
        for (int child : text.children(head, r -> r.equals("mark") || r.equals("case"))) {
            return text.lower(child);
        }
        return "none";
    }

    private static int contentHead(ParsedText text, int cue, CueConstructions.Construction construction) {
        for (int child : text.children(cue, r -> true)) {
            if (child >= construction.first() && child <= construction.last()) {
                return child;
            }
        }
        return -1;
    }

    private static String lengthBucket(int tokens) {
        return tokens <= 1 ? "1" : tokens <= 3 ? "2-3" : tokens <= 7 ? "4-7" : tokens <= 15 ? "8-15" : "16+";
    }
}
