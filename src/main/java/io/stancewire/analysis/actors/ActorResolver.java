package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.lexicons.TsvResource;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.ParsedText;


/**
 * Finds the actors of an article: named entities grouped by name and the leader registry ("Kurti" is "Albin
 * Kurti"), titles next to names ("Kosovar Prime Minister Albin Kurti" makes Kurti a leader with that title), title
 * descriptions resolved to the person who holds the title ("The Kosovar prime minister"), then pronouns
 * ({@link PronounResolver}). Earlier steps win: pronouns only fill tokens nothing else claimed.
 */
public final class ActorResolver {

    private static final Set<String> MODIFIER_TAGS = Set.of("NATIONALITY", "LOCATION", "COUNTRY", "CITY",
            "STATE_OR_PROVINCE", "ORGANIZATION", "MISC");

    private record Run(String type, int from, int to) {
    }

    private final LeaderRegistry registry;
    private final Set<String> demonyms;
    private final FirstNames firstNames;
    private final PronounResolver pronouns;

    public ActorResolver(LeaderRegistry registry, Set<String> demonyms, FirstNames firstNames, PronounResolver pronouns) {
        this.registry = registry;
        this.demonyms = demonyms;
        this.firstNames = firstNames;
        this.pronouns = pronouns;
    }

    public ActorIndex resolve(ParsedText text) {
        ActorIndex index = new ActorIndex(text);
        List<Run> runs = runs(text);
        resolvePersons(text, index, runs);
        resolveOrganisationsAndPlaces(text, index, runs);
        resolveTitles(text, index, runs);
        pronouns.resolve(text, index);
        return index;
    }

    public static String actorType(String nerTag) {
        return switch (nerTag) {
            case "PERSON" -> "PERSON";
            case "ORGANIZATION" -> "ORGANIZATION";
            case "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE" -> "LOCATION";
            default -> null;
        };
    }

    /** The last token from {@code j} on that {@link #continuesRun continues} the run that starts at {@code first}. */
    private static int lastOfRun(ParsedText text, int first, int j, String tag) {
        while (continuesRun(text, first, j + 1, tag)) {
            j++;
        }
        return j;
    }

    /** Token {@code k} has NER tag {@code tag} and lies in the sentence of token {@code first}. */
    private static boolean continuesRun(ParsedText text, int first, int k, String tag) {
        return k < text.size() && text.ner(k).equals(tag) && text.sentenceOf(k) == text.sentenceOf(first);
    }

    private List<Run> runs(ParsedText text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.size()) {
            String tag = text.ner(i);
            int j = lastOfRun(text, i, i, tag);
            if (i == j && !tag.equals("PERSON") && continuesRun(text, i, j + 1, "PERSON") && text.tag(i).equals("NNP")
                    && firstNames.contains(text.word(i))) {
                // a first name NER took for a place or a firm, before the surname ("Regina Ip"): one person
                tag = "PERSON";
                j = lastOfRun(text, i, j, tag);
            }
            if (!tag.equals("O")) {
                // a lone demonym that NER took for a name ("Kosovar added") is a nationality
                if (tag.equals("PERSON") && i == j && demonyms.contains(Slug.fold(text.word(i)))) {
                    tag = "NATIONALITY";
                }
                runs.add(new Run(tag, i, j));
            } else {
                registryNames(text, i, j, runs);
            }
            i = j + 1;
        }
        return surnameSubjects(text, runs);
    }

    /**
     * "Justin Bamberg, an attorney, said … Bamberg also said": a lone surname that NER took for a place, a firm or
     * nothing ("Bamberg", "Putney", "Wines"), as the subject of a verb after the person's full name in the article,
     * is that person.
     */
    private static List<Run> surnameSubjects(ParsedText text, List<Run> runs) {
        Map<String, Integer> surnames = new HashMap<>();
        for (Run run : runs) {
            if (run.type().equals("PERSON") && run.to() > run.from()) {
                surnames.putIfAbsent(Slug.fold(text.word(run.to())), run.to());
            }
        }
        if (surnames.isEmpty()) {
            return runs;
        }
        Map<Integer, Run> byStart = new TreeMap<>();
        runs.forEach(run -> byStart.put(run.from(), run));
        for (int k = 0; k < text.size(); k++) {
            Integer named = surnames.get(Slug.fold(text.word(k)));
            if (named == null || named >= k || !text.tag(k).equals("NNP") || !text.relation(k).startsWith("nsubj")) {
                continue;
            }
            Run run = byStart.get(k);
            if (run == null ? !covered(byStart, k) : run.to() == k && !run.type().equals("PERSON")) {
                byStart.put(k, new Run("PERSON", k, k));
            }
        }
        return new ArrayList<>(byStart.values());
    }

    private static boolean covered(Map<Integer, Run> byStart, int token) {
        return byStart.values().stream().anyMatch(run -> run.from() <= token && token <= run.to());
    }

    /** Registry names NER missed ("Pence") among the untagged tokens [from, to]: the registry enriches NER. */
    private void registryNames(ParsedText text, int from, int to, List<Run> runs) {
        for (int k = from; k <= to; k++) {
            if (!text.tag(k).equals("NNP")) {
                continue;
            }
            for (int end = Math.min(to, k + 2); end >= k; end--) {
                String name = text.body.substring(text.start(k), text.end(end));
                if (registry.byName(name).filter(LeaderRegistry.Entry::isPerson).isPresent()) {
                    runs.add(new Run("PERSON", k, end));
                    k = end;
                    break;
                }
            }
        }
    }

    private String runText(ParsedText text, Run run) {
        return text.body.substring(text.start(run.from()), text.end(run.to()));
    }

    private void resolvePersons(ParsedText text, ActorIndex index, List<Run> runs) {
        List<Run> single = new ArrayList<>();
        for (Run run : runs) {
            if (!run.type().equals("PERSON")) {
                continue;
            }
            String name = runText(text, run);
            var entry = registry.byName(name).filter(LeaderRegistry.Entry::isPerson);
            if (entry.isPresent()) {
                index.mention(index.create(name, "PERSON", entry.get()), run.from(), run.to());
            } else if (run.from() == run.to()) {
                single.add(run);
            } else {
                index.mention(index.create(name, "PERSON", null), run.from(), run.to());
            }
        }
        for (Run run : single) {
            String surname = Slug.fold(text.word(run.from()));
            List<ActorIndex.Draft> holders = new ArrayList<>();
            for (ActorIndex.Draft actor : index.actors()) {
                if (actor.isPerson() && Arrays.asList(Slug.fold(actor.name).split("\\s+")).contains(surname)) {
                    holders.add(actor);
                }
            }
            ActorIndex.Draft actor = holders.isEmpty() ? null : index.mostRecent(holders, run.from());
            if (actor == null) {
                actor = index.create(text.word(run.from()), "PERSON", null);
            }
            index.mention(actor, run.from(), run.to());
        }
    }

    private void resolveOrganisationsAndPlaces(ParsedText text, ActorIndex index, List<Run> runs) {
        for (Run run : runs) {
            String type = actorType(run.type());
            if (type == null || type.equals("PERSON")) {
                continue;
            }
            String name = runText(text, run);
            var entry = registry.byName(name).filter(e -> !e.isPerson());
            index.mention(index.create(name, type, entry.orElse(null)), run.from(), run.to());
        }
    }

    private void resolveTitles(ParsedText text, ActorIndex index, List<Run> runs) {
        for (Run run : runs) {
            if (!run.type().equals("TITLE")) {
                continue;
            }
            int first = run.from();
            List<String> modifiers = new ArrayList<>();
            while (first > 0 && text.sentenceOf(first - 1) == text.sentenceOf(run.from())
                    && (MODIFIER_TAGS.contains(text.ner(first - 1)) || text.word(first - 1).equals("'s"))) {
                first--;
                if (!text.word(first).equals("'s")) {
                    modifiers.add(Slug.fold(text.word(first)));
                }
            }
            String title = Slug.fold(runText(text, run));
            int next = run.to() + 1;
            // "First Minister of Scotland Nicola Sturgeon": the title's country comes between title and name
            if (next + 1 < text.size() && (text.lower(next).equals("of") || text.lower(next).equals("for"))
                    && MODIFIER_TAGS.contains(text.ner(next + 1))) {
                int after = next + 1;
                while (after < text.size() && MODIFIER_TAGS.contains(text.ner(after))) {
                    modifiers.add(Slug.fold(text.word(after)));
                    after++;
                }
                if (after < text.size() && text.ner(after).equals("PERSON")) {
                    next = after;
                }
            }
            ActorIndex.Draft named = next < text.size() && text.ner(next).equals("PERSON") ? index.actorAt(next) : null;
            if (named == null && text.relation(run.to()).equals("appos")) {
                ActorIndex.Draft governor = index.actorAt(text.governor(run.to()));
                named = governor != null && governor.isPerson() ? governor : null;
            }
            if (named == null) {
                // "The Vice President, Mike Pence, said": the name in apposition to the title
                for (int child : text.children(run.to(), r -> r.equals("appos"))) {
                    ActorIndex.Draft appositive = index.actorAt(child);
                    if (appositive != null && appositive.isPerson()) {
                        named = appositive;
                    }
                }
                // "the president of the Tunisian League for Human Rights, Jamel Msallem, said"
                for (int comma = next; named == null && comma < Math.min(text.size() - 1, next + 12)
                        && text.sentenceOf(comma) == text.sentenceOf(run.to()); comma++) {
                    if (text.word(comma).equals(",")) {
                        named = text.ner(comma + 1).equals("PERSON") ? index.actorAt(comma + 1) : null;
                        break;
                    }
                }
            }
            if (named != null) {
                named.titles.add(title);
                named.demonyms.addAll(modifiers);
                named.titled = true;
                if (named.role == null) {
                    named.role = runText(text, new Run("TITLE", first, run.to()));
                }
                index.mention(named, first, run.to());
                continue;
            }
            int determiner = first - 1;
            if (determiner >= 0 && (text.lower(determiner).equals("the"))) {
                ActorIndex.Draft holder = titleHolder(index, title, modifiers, run.from());
                if (holder != null) {
                    index.mention(holder, determiner, run.to());
                }
            }
        }
    }

    /** The person who holds {@code title} (and matches the demonyms, when given): the latest mentioned wins. */
    private ActorIndex.Draft titleHolder(ActorIndex index, String title, List<String> modifiers, int token) {
        List<ActorIndex.Draft> candidates = new ArrayList<>();
        for (ActorIndex.Draft actor : index.actors()) {
            if (actor.isPerson() && holds(actor.titles, title) && actor.demonyms.containsAll(modifiers)) {
                candidates.add(actor);
            }
        }
        ActorIndex.Draft found = index.mostRecent(candidates, token);
        if (found != null || modifiers.isEmpty()) {
            return found;
        }
        for (String modifier : modifiers) {
            for (LeaderRegistry.Entry entry : registry.byDemonym(modifier)) {
                if (entry.isPerson() && entry.titles().stream().map(Slug::fold).anyMatch(t -> sameTitle(t, title))) {
                    return index.create(entry.name(), "PERSON", entry);
                }
            }
        }
        return null;
    }

    public static boolean holds(Set<String> titles, String title) {
        return titles.stream().anyMatch(t -> sameTitle(t, title));
    }

    /** "minister" may stand for a held "foreign minister", but "vice president" never for "president". */
    private static boolean sameTitle(String held, String said) {
        if (held.equals(said)) {
            return true;
        }
        if (!held.endsWith(" " + said)) {
            return false;
        }
        // "(former) vice president" is not "the president"
        String before = " " + held.substring(0, held.length() - said.length());
        return TITLE_QUALIFIERS.stream().noneMatch(q -> before.contains(" " + q + " ") || before.contains(" " + q + "-"));
    }

    private static final Set<String> TITLE_QUALIFIERS = Set.of("vice", "deputy", "assistant", "under");

    /** Demonyms and country names: from the NER mapping's NATIONALITY lines and from the registry. */
    public static Set<String> demonymsOf(LeaderRegistry registry) {
        Set<String> out = new HashSet<>(registry.demonyms());
        for (String[] row : TsvResource.read(NlpPipeline.NER_MAPPING, 2)) {
            if (row[1].equals("NATIONALITY") && row[0].matches("[\\p{L} ]+")) {
                out.add(Slug.fold(row[0]));
            }
        }
        return out;
    }
}
