package io.stancewire.analysis.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.stancewire.eval.WikinewsEvaluation;

/**
 * The dependency parse alone, on one thread: {@link TransitionParser} against CoreNLP's own
 * {@code DependencyParser.predict} (same model) on the sentences of the Wikinews articles, tagged once by CoreNLP.
 * Rounds alternate the two parsers after a warm-up, so the ratio is taken on the same machine minutes; then every
 * sentence's typed dependencies are compared (any difference is printed and fails the run).
 */
public final class ParserBenchmark {

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path wikinews = Path.of(System.getProperty("stancewire.datasets", "../shared/datasets"), "wikinews");
        List<CoreSentence> sentences = tagged(wikinews);
        int tokens = sentences.stream().mapToInt(s -> s.tokens().size()).sum();
        TransitionParser ours = TransitionParser.load(new Properties());
        DependencyParser theirs = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, new Properties());
        Consumer<CoreSentence> oursParse = s -> ours.parse(s.coreMap());
        Consumer<CoreSentence> theirsParse = s -> theirs.predict(s.coreMap());
        System.out.printf("%d sentences, %d tokens%n", sentences.size(), tokens);
        time(sentences, oursParse); // warm-up
        time(sentences, theirsParse);
        double oursTotal = 0;
        double theirsTotal = 0;
        int rounds = Integer.getInteger("rounds", 3);
        for (int r = 0; r < rounds; r++) {
            double a = time(sentences, oursParse);
            double b = time(sentences, theirsParse);
            oursTotal += a;
            theirsTotal += b;
            System.out.printf("round %d: stancewire %.2f us/token, corenlp %.2f us/token, ratio %.2fx%n", r,
                    a * 1e6 / tokens, b * 1e6 / tokens, b / a);
        }
        System.out.printf("all rounds: stancewire %.2f us/token, corenlp %.2f us/token, ratio %.2fx%n",
                oursTotal * 1e6 / tokens / rounds, theirsTotal * 1e6 / tokens / rounds, theirsTotal / oursTotal);
        int differing = 0;
        for (CoreSentence s : sentences) {
            String a = ours.parse(s.coreMap()).typedDependencies().toString();
            String b = theirs.predict(s.coreMap()).typedDependencies().toString();
            if (!a.equals(b)) {
                differing++;
                System.out.println("differs: " + s.text());
            }
        }
        System.out.printf("parses that differ from CoreNLP's: %d of %d%n", differing, sentences.size());
        if (differing > 0) {
            System.exit(1);
        }
    }

    private static List<CoreSentence> tagged(Path wikinews) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        StanfordCoreNLP tagger = new StanfordCoreNLP(props);
        List<CoreSentence> sentences = new ArrayList<>();
        for (WikinewsEvaluation.Item item : WikinewsEvaluation.load(wikinews, Integer.MAX_VALUE)) {
            CoreDocument document = new CoreDocument(item.article().body());
            tagger.annotate(document);
            sentences.addAll(document.sentences());
        }
        return sentences;
    }

    /** Seconds to parse every sentence once. */
    private static double time(List<CoreSentence> sentences, Consumer<CoreSentence> parse) {
        long started = System.nanoTime();
        sentences.forEach(parse);
        return (System.nanoTime() - started) / 1e9;
    }
}
