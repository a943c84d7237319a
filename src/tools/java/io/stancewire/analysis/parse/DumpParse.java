package io.stancewire.analysis.parse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Developer tool: prints tokens, tags, NER and both dependency graphs of the sentences holding a word. */
public final class DumpParse {

    public static void main(String[] args) throws Exception {
        String body = Files.readString(Path.of(args[0]));
        ParsedText text = new ParsedText(body, new NlpPipeline().annotate(body));
        for (int s = 0; s < text.sentenceCount(); s++) {
            String sentence = body.substring(text.start(text.sentenceFirst(s)), text.end(text.sentenceEnd(s) - 1));
            boolean wanted = false;
            for (int a = 1; a < args.length; a++) {
                wanted |= sentence.contains(args[a]);
            }
            if (!wanted) {
                continue;
            }
            System.out.println("== " + sentence);
            for (int i = text.sentenceFirst(s); i < text.sentenceEnd(s); i++) {
                int g = text.governor(i);
                System.out.printf("%3d %-14s %-10s %-5s %-12s %-12s <- %s  enh:%s%n", i, text.word(i), text.lemma(i),
                        text.tag(i), text.ner(i), text.relation(i), g < 0 ? "-" : g + ":" + text.word(g),
                        text.enhancedChildren(i, r -> true).stream().map(c -> c + ":" + text.word(c)).toList());
            }
            System.out.println(text.document.sentences().get(s).dependencyParse().toList());
        }
    }
}
