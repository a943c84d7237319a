package io.stancewire.analysis.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.stancewire.analysis.model.Span;

/**
 * An annotated article seen as one array of tokens (global indices) with the dependency graphs of their sentences.
 * The basic graph is a tree (spans, governors); the enhanced++ graph carries propagated subjects (conjoined and
 * controlled verbs, relative pronouns resolved), which is what agents are read from.
 */
public final class ParsedText {

    public final String body;
    final CoreDocument document;
    private final List<CoreLabel> tokens = new ArrayList<>();
    private final int[] sentenceOf;
    private final int[] sentenceFirst;
    private final int[] paragraphOf;
    private final List<SemanticGraph> basic = new ArrayList<>();
    private final List<SemanticGraph> enhanced = new ArrayList<>();

    public ParsedText(String body, CoreDocument document) {
        this.body = body;
        this.document = document;
        List<CoreSentence> sentences = document.sentences();
        sentenceFirst = new int[sentences.size() + 1];
        for (int s = 0; s < sentences.size(); s++) {
            sentenceFirst[s] = tokens.size();
            tokens.addAll(sentences.get(s).tokens());
            basic.add(sentences.get(s).coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class));
            enhanced.add(sentences.get(s).coreMap()
                    .get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class));
        }
        sentenceFirst[sentences.size()] = tokens.size();
        sentenceOf = new int[tokens.size()];
        for (int s = 0; s < sentences.size(); s++) {
            for (int i = sentenceFirst[s]; i < sentenceFirst[s + 1]; i++) {
                sentenceOf[i] = s;
            }
        }
        paragraphOf = new int[tokens.size()];
        Paragraphs paragraphs = Paragraphs.of(body);
        int paragraph = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (paragraphs.endsWithin(end(i - 1), start(i))) {
                paragraph++;
            }
            paragraphOf[i] = paragraph;
        }
    }

    public int size() {
        return tokens.size();
    }

    public int sentenceCount() {
        return basic.size();
    }

    public int start(int i) {
        return tokens.get(i).beginPosition();
    }

    public int end(int i) {
        return tokens.get(i).endPosition();
    }

    public String word(int i) {
        return tokens.get(i).word();
    }

    public String lower(int i) {
        return tokens.get(i).word().toLowerCase(Locale.ROOT);
    }

    public String lemma(int i) {
        String lemma = tokens.get(i).lemma();
        return (lemma == null ? tokens.get(i).word() : lemma).toLowerCase(Locale.ROOT);
    }

    public String tag(int i) {
        String tag = tokens.get(i).tag();
        return tag == null ? "" : tag;
    }

    public String ner(int i) {
        String ner = tokens.get(i).ner();
        return ner == null ? "O" : ner;
    }

    public boolean isVerb(int i) {
        return tag(i).startsWith("VB");
    }

    /** A token that does not start with a letter or digit (marks, dashes, brackets). */
    public boolean isPunctuation(int i) {
        return !Character.isLetterOrDigit(word(i).charAt(0));
    }

    public boolean isPronoun(int i) {
        return tag(i).startsWith("PRP") || tag(i).equals("WP");
    }

    public int sentenceOf(int i) {
        return sentenceOf[i];
    }

    public int paragraphOf(int i) {
        return paragraphOf[i];
    }

    public int sentenceFirst(int s) {
        return sentenceFirst[s];
    }

    /** Exclusive. */
    public int sentenceEnd(int s) {
        return sentenceFirst[s + 1];
    }

    public Span span(int fromToken, int toTokenInclusive) {
        return Span.of(body, start(fromToken), end(toTokenInclusive));
    }

    /** The first token that ends after {@code offset}, or {@code size()} when none does. */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(mid) <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Tokens lying wholly inside [start, end). */
    public int[] tokensWithin(int startOffset, int endOffset) {
        int first = tokenAt(startOffset);
        int last = first;
        while (last < tokens.size() && end(last) <= endOffset) {
            last++;
        }
        return new int[] { first, last };
    }

    // ---- dependency access ----

    private int global(int sentence, IndexedWord word) {
        return sentenceFirst[sentence] + word.index() - 1;
    }

    private IndexedWord node(List<SemanticGraph> graphs, int i) {
        SemanticGraph graph = graphs.get(sentenceOf[i]);
        return graph == null ? null : graph.getNodeByIndexSafe(i - sentenceFirst[sentenceOf[i]] + 1);
    }

    /** The governor in the basic tree, or -1 for the root. */
    public int governor(int i) {
        IndexedWord node = node(basic, i);
        if (node == null) {
            return -1;
        }
        IndexedWord parent = basic.get(sentenceOf[i]).getParent(node);
        return parent == null ? -1 : global(sentenceOf[i], parent);
    }

    /** The relation to the governor in the basic tree ("root" for the root). */
    public String relation(int i) {
        IndexedWord node = node(basic, i);
        if (node == null) {
            return "";
        }
        SemanticGraph graph = basic.get(sentenceOf[i]);
        IndexedWord parent = graph.getParent(node);
        if (parent == null) {
            return "root";
        }
        SemanticGraphEdge edge = graph.getEdge(parent, node);
        return edge == null ? "" : edge.getRelation().toString();
    }

    public List<Integer> children(int i, Predicate<String> relation) {
        return children(basic, i, relation);
    }

    List<Integer> enhancedChildren(int i, Predicate<String> relation) {
        return children(enhanced, i, relation);
    }

    private List<Integer> children(List<SemanticGraph> graphs, int i, Predicate<String> relation) {
        List<Integer> result = new ArrayList<>();
        IndexedWord node = node(graphs, i);
        if (node == null) {
            return result;
        }
        for (SemanticGraphEdge edge : graphs.get(sentenceOf[i]).outgoingEdgeIterable(node)) {
            if (relation.test(edge.getRelation().toString())) {
                result.add(global(sentenceOf[i], edge.getDependent()));
            }
        }
        result.sort(Integer::compare);
        return result;
    }

    /** Nominal modifiers other than the possessive ("of Kosovo", "to Lurenia", "by Quorish artillery"). */
    public static final Predicate<String> NOMINAL_MODIFIER = r -> r.startsWith("nmod") && !r.equals("nmod:poss");

    /**
     * The children of {@code i} by {@code relation} whose case marker is one of {@code cases} ("to Lurenia" below
     * "donated" for "to").
     */
    public List<Integer> childrenWithCase(int i, Predicate<String> relation, Set<String> cases) {
        return children(i, relation).stream().filter(child -> hasChild(child, r -> r.equals("case"), cases)).toList();
    }

    public boolean hasChild(int i, Predicate<String> relation, Set<String> lemmas) {
        for (int child : children(i, relation)) {
            if (lemmas.contains(lemma(child))) {
                return true;
            }
        }
        return false;
    }

    /** Root of sentence {@code s} in the basic tree, or -1. */
    public int root(int s) {
        SemanticGraph graph = basic.get(s);
        if (graph == null || graph.getFirstRoot() == null) {
            return -1;
        }
        return global(s, graph.getFirstRoot());
    }

    /** [first, last] token of the subtree of {@code i}, leaving out children reached by the given relations. */
    public int[] subtree(int i, Predicate<String> excluded) {
        int[] range = { i, i };
        collect(i, excluded, range, 0);
        return range;
    }

    /**
     * [first, last] token of the subtree of {@code i}, leaving out only the direct children of {@code i} reached by the
     * given relations (their own conjuncts and clauses stay in).
     */
    public int[] subtreeWithout(int i, Predicate<String> excludedChildren) {
        int[] range = { i, i };
        for (int child : children(i, r -> !excludedChildren.test(r))) {
            range[0] = Math.min(range[0], child);
            range[1] = Math.max(range[1], child);
            collect(child, r -> false, range, 1);
        }
        return range;
    }

    private void collect(int i, Predicate<String> excluded, int[] range, int depth) {
        if (depth > 40) {
            return;
        }
        for (int child : children(i, r -> !excluded.test(r))) {
            range[0] = Math.min(range[0], child);
            range[1] = Math.max(range[1], child);
            collect(child, excluded, range, depth + 1);
        }
    }

    /** Every token in the subtree of {@code i} (basic tree), up to {@code maxDepth} hops. */
    public List<Integer> descendants(int i, int maxDepth) {
        List<Integer> out = new ArrayList<>();
        descend(i, maxDepth, out);
        return out;
    }

    private void descend(int i, int depth, List<Integer> out) {
        if (depth == 0) {
            return;
        }
        for (int child : children(i, r -> true)) {
            out.add(child);
            descend(child, depth - 1, out);
        }
    }

    /**
     * The possible subjects of a verb, best first: a relative pronoun that is its subject ("Kamin, who said"), its
     * own subjects (enhanced++ propagates subjects to conjoined and controlled verbs), then the basic tree's, then
     * those of the verbs it hangs from by conj, xcomp, advcl, ccomp, or dep for a participle ("…, saying"). A clause
     * on a noun takes the subject of the verb above the noun, through "of" phrases ("Trump unleashed a series of
     * tweets criticizing"); a finite clause the parse hangs on a name has the name ("… - Donald J. Trump has vowed").
     * The later ones repair parses that attach a conjoined verb to the wrong clause ("the leaders acknowledged that
     * progress was made, but did not hesitate to ...").
     */
    public List<Integer> subjectCandidates(int verb) {
        List<Integer> out = new ArrayList<>();
        int node = verb;
        int governor = governor(verb);
        if (relation(verb).equals("conj") && governor >= 0 && relation(governor).equals("ccomp")
                && !children(verb, r -> r.equals("ccomp")).isEmpty()) {
            // "Borrell congratulated ... that the camps had accepted the annex, but admitted that ...": a second
            // report conjoined inside the first one's complement is the first reporter's
            out.addAll(subjectCandidates(governor(governor)));
        }
        for (int hop = 0; hop < 5 && node >= 0; hop++) {
            // "Mr. Kamin, who emphasized": the relative pronoun first, the words that refer to the subject in place
            // (enhanced++ puts its antecedent there instead)
            for (int child : children(node, r -> r.equals("nsubj"))) {
                if (tag(child).matches("WP|WDT") && !out.contains(child)) {
                    out.add(child);
                }
            }
            for (int child : enhancedChildren(node, r -> r.equals("nsubj") || r.equals("nsubj:xsubj")
                    || r.equals("csubj"))) {
                if (child != node && !out.contains(child)) {
                    out.add(child);
                }
            }
            for (int child : children(node, r -> r.equals("nsubj") || r.equals("csubj"))) {
                if (!out.contains(child)) {
                    out.add(child);
                }
            }
            String relation = relation(node);
            if (relation.equals("acl") && governor(node) >= 0 && out.isEmpty() && isFinite(node)
                    && tag(governor(node)).startsWith("NNP")) {
                out.add(governor(node)); // "… - Donald J. Trump has vowed to …" parsed as a clause on the name
            }
            if (relation.equals("acl") && governor(node) >= 0) {
                // "Trump issued a statement saying ...", "Trump unleashed a series of tweets criticizing ...": the
                // issuer, the subject of the verb above the noun
                int noun = governor(node);
                int above = governor(noun);
                for (int up = 0; up < 3 && above >= 0 && !isVerb(above) && relation(noun).startsWith("nmod"); up++) {
                    noun = above;
                    above = governor(above);
                }
                if (above < 0) {
                    break;
                }
                node = above;
                continue;
            }
            // "A judge has rejected the request, saying …": a participle the parse hangs loosely from a clause
            boolean looseParticiple = relation.equals("dep") && tag(node).equals("VBG");
            if (!(relation.equals("conj") || relation.equals("xcomp") || relation.startsWith("advcl")
                    || relation.equals("ccomp") || looseParticiple)) {
                break;
            }
            node = governor(node);
        }
        return out;
    }

    /** A verb with a tense of its own ("has vowed", "vowed"), not a participle or infinitive on a noun. */
    private boolean isFinite(int verb) {
        return tag(verb).matches("VBD|VBZ|VBP") || !children(verb, r -> r.equals("aux")).isEmpty();
    }

    /** Whether the verb is passive ("was reported", "were urged by"): it has a passive auxiliary or subject. */
    public boolean isPassive(int verb) {
        return !children(verb, r -> r.equals("nsubj:pass") || r.equals("aux:pass")).isEmpty();
    }

    /** The "by" phrases of a verb, its agents when it is passive ("were urged by Governor Dalton"). */
    public List<Integer> byAgents(int verb) {
        return children(verb, r -> r.startsWith("obl")).stream()
                .filter(obl -> hasChild(obl, r -> r.equals("case"), Set.of("by"))).toList();
    }

    /** The first subject candidate, or -1. */
    public int subjectOf(int verb) {
        List<Integer> candidates = subjectCandidates(verb);
        return candidates.isEmpty() ? -1 : candidates.get(0);
    }

    /** The governor of "according (to)", the source it names, or -1. */
    public int accordingTo(int token) {
        if (!lower(token).equals("according") || token + 1 >= size() || !lower(token + 1).equals("to")) {
            return -1;
        }
        return governor(token);
    }
}
