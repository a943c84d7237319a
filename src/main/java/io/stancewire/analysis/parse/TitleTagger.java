package io.stancewire.analysis.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreLabel;
import io.stancewire.analysis.lexicons.TsvResource;

/**
 * Tags titles and demonyms ({@code TITLE}, {@code NATIONALITY}) from {@link NlpPipeline#NER_MAPPING}, the job
 * CoreNLP's {@code ner.additional.regexner.mapping} did at a quarter of the whole pipeline's time: TokensRegex runs
 * every pattern at every token, while this looks only at the patterns that can start with the token's first letter.
 * Same file format and rules: one case-insensitive regular expression per token, the tag, the tags it may
 * overwrite besides {@code O}, a priority; the longest match wins, then the highest priority. A phrase may also
 * overwrite a whole entity inside it ("Speaker of the House", "Secretary of State").
 */
final class TitleTagger {

    private record Entry(Pattern[] tokens, String tag, Set<String> overwritable, double priority) {
    }

    /** Entries by the first character (a-z, other) their first token can start with. */
    private final List<List<Entry>> byFirstChar = new ArrayList<>();

    TitleTagger(List<String[]> rows) {
        for (int c = 0; c < 27; c++) {
            byFirstChar.add(new ArrayList<>());
        }
        for (String[] row : rows) {
            String[] words = row[0].trim().split("\\s+");
            Pattern[] tokens = new Pattern[words.length];
            for (int w = 0; w < words.length; w++) {
                tokens[w] = Pattern.compile(words[w], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            }
            Set<String> overwritable = row.length > 2 && !row[2].isBlank() ? Set.of(row[2].trim().split("\\s*,\\s*"))
                    : Set.of();
            double priority = row.length > 3 && !row[3].isBlank() ? Double.parseDouble(row[3].trim()) : 0;
            Entry entry = new Entry(tokens, row[1].trim(), overwritable, priority);
            for (int c = 0; c < 27; c++) {
                if (c == 26 || canStartWith(tokens[0], (char) ('a' + c))) {
                    byFirstChar.get(c).add(entry);
                }
            }
        }
    }

    static TitleTagger load() {
        return new TitleTagger(TsvResource.read(NlpPipeline.NER_MAPPING, 2));
    }

    /** Whether some string starting with {@code c} could match: a full match, or the matcher ran out of input. */
    private static boolean canStartWith(Pattern pattern, char c) {
        Matcher matcher = pattern.matcher(String.valueOf(c));
        return matcher.matches() || matcher.hitEnd();
    }

    /** Tags the tokens of one sentence in place. */
    void tag(List<CoreLabel> sentence) {
        int i = 0;
        while (i < sentence.size()) {
            Entry best = null;
            for (Entry entry : candidates(sentence.get(i).word())) {
                if (matches(entry, sentence, i) && (best == null || entry.tokens.length > best.tokens.length
                        || entry.tokens.length == best.tokens.length && entry.priority > best.priority)) {
                    best = entry;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            for (int t = i; t < i + best.tokens.length; t++) {
                sentence.get(t).setNER(best.tag);
            }
            i += best.tokens.length;
        }
    }

    private List<Entry> candidates(String word) {
        char first = word.isEmpty() ? ' ' : Character.toLowerCase(word.charAt(0));
        return byFirstChar.get(first >= 'a' && first <= 'z' ? first - 'a' : 26);
    }

    private static boolean matches(Entry entry, List<CoreLabel> sentence, int from) {
        if (from + entry.tokens.length > sentence.size()) {
            return false;
        }
        int to = from + entry.tokens.length; // exclusive
        for (int w = 0; w < entry.tokens.length; w++) {
            CoreLabel token = sentence.get(from + w);
            if (!entry.tokens[w].matcher(token.word()).matches()) {
                return false;
            }
            String ner = token.ner();
            if (ner != null && !ner.equals("O") && !entry.overwritable.contains(ner)
                    && !entityWithin(sentence, from + w, from, to)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the entity (run of one tag) at {@code token} lies inside [from, to): "Speaker of the House". */
    private static boolean entityWithin(List<CoreLabel> sentence, int token, int from, int to) {
        String ner = sentence.get(token).ner();
        int first = token;
        while (first > 0 && ner.equals(sentence.get(first - 1).ner())) {
            first--;
        }
        int last = token;
        while (last + 1 < sentence.size() && ner.equals(sentence.get(last + 1).ner())) {
            last++;
        }
        return first >= from && last < to && to - from > 1;
    }
}
