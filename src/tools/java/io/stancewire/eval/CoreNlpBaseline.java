package io.stancewire.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.Span;
import io.stancewire.eval.WikinewsEvaluation.Predicted;

/**
 * CoreNLP's out-of-the-box quote attributor, the baseline: its own pipeline with the annotators the issue names and
 * every other option at its default. {@code CoreDocument.quotes()} also lists nested quotes; the evaluation keeps
 * top-level ones. Quote and speaker offsets are CoreNLP character offsets (UTF-16, end exclusive).
 */
public final class CoreNlpBaseline implements WikinewsEvaluation.QuoteSystem {

    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";

    private final StanfordCoreNLP pipeline;

    public CoreNlpBaseline() {
        Properties props = new Properties();
        props.setProperty("annotators", ANNOTATORS);
        this.pipeline = new StanfordCoreNLP(props);
    }

    @Override
    public String name() {
        return "corenlp";
    }

    @Override
    public List<Predicted> quotes(Article article) {
        String body = article.body();
        CoreDocument document = new CoreDocument(body);
        pipeline.annotate(document);
        List<Predicted> quotes = new ArrayList<>();
        for (CoreQuote quote : document.quotes()) {
            Pair<Integer, Integer> span = quote.quoteCharOffsets();
            String speaker = quote.canonicalSpeaker().or(quote::speaker).filter(s -> !s.isBlank()).orElse(null);
            // the mention that attributes this very quote ("he"), else the canonical one ("Albin Kurti")
            Optional<Pair<Integer, Integer>> mention = quote.speakerCharOffsets().or(quote::canonicalSpeakerCharOffsets);
            quotes.add(new Predicted(span.first(), span.second(), speaker,
                    mention.map(m -> Span.of(body, m.first(), m.second())).orElse(null)));
        }
        return quotes;
    }
}
