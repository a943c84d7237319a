package io.stancewire.analysis.actors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.stancewire.analysis.lexicons.Slug;

/**
 * Known actors: canonical names, aliases, roles, countries, and the places that stand for a government when they
 * speak or act ("Belgrade refuses" is the Serbian government). It enriches what NER finds; it does not limit it.
 */
public final class LeaderRegistry {

    public static final String DEFAULT_RESOURCE = "analysis/leaders.yaml";

    public record Entry(String name, String type, List<String> aliases, String role, List<String> titles,
            String country, List<String> demonyms, List<String> metonyms, Boolean leader, List<String> descriptions) {

        public Entry {
            descriptions = descriptions == null ? List.of() : descriptions;
            type = type == null ? "PERSON" : type;
            aliases = aliases == null ? List.of() : aliases;
            titles = titles == null ? List.of() : titles;
            demonyms = demonyms == null ? List.of() : demonyms;
            metonyms = metonyms == null ? List.of() : metonyms;
        }

        public boolean isLeader() {
            return leader != null ? leader : "PERSON".equals(type);
        }

        public boolean isPerson() {
            return "PERSON".equals(type);
        }

        public String id() {
            return Slug.of(name);
        }
    }

    private record Document(List<Entry> actors) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<String, Entry> byMetonym = new HashMap<>();
    private final Map<String, Entry> byDescription = new HashMap<>();
    private final Map<String, List<Entry>> byDemonym = new HashMap<>();

    public LeaderRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            byName.putIfAbsent(Slug.fold(entry.name()), entry);
            for (String alias : entry.aliases()) {
                byName.putIfAbsent(Slug.fold(alias), entry);
            }
            for (String place : entry.metonyms()) {
                byMetonym.putIfAbsent(Slug.fold(place), entry);
            }
            for (String description : entry.descriptions()) {
                byDescription.putIfAbsent(Slug.fold(description), entry);
            }
            Set<String> countryWords = new LinkedHashSet<>();
            if (entry.country() != null) {
                countryWords.add(Slug.fold(entry.country()));
            }
            entry.demonyms().forEach(d -> countryWords.add(Slug.fold(d)));
            countryWords.forEach(word -> byDemonym.computeIfAbsent(word, w -> new ArrayList<>()).add(entry));
        }
        byDemonym.replaceAll((word, matches) -> List.copyOf(matches));
        for (Entry entry : entries) {
            // a government also stands for its country's name ("Serbia refuses")
            if (!entry.isPerson() && entry.country() != null && !entry.metonyms().isEmpty()) {
                byMetonym.putIfAbsent(Slug.fold(entry.country()), entry);
            }
        }
    }

    public static LeaderRegistry load(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Document document = mapper.readValue(yaml, Document.class);
        return new LeaderRegistry(document == null || document.actors() == null ? List.of() : document.actors());
    }

    /** The registry at {@code path}, or the one shipped in the jar when {@code path} is empty. */
    public static LeaderRegistry load(Optional<Path> path) {
        try (InputStream in = path.isPresent() ? Files.newInputStream(path.get())
                : LeaderRegistry.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("leader registry not found: " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read leader registry " + path.map(Path::toString)
                    .orElse(DEFAULT_RESOURCE), e);
        }
    }

    /** Every demonym of every entry, folded. */
    public Set<String> demonyms() {
        Set<String> out = new HashSet<>();
        entries.forEach(e -> e.demonyms().forEach(d -> out.add(Slug.fold(d))));
        return out;
    }

    public int size() {
        return entries.size();
    }

    public Optional<Entry> byName(String text) {
        return Optional.ofNullable(byName.get(Slug.fold(text)));
    }

    /** The government (or body) that a place name stands for when it speaks or acts. */
    public Optional<Entry> byPlace(String place) {
        return Optional.ofNullable(byMetonym.get(Slug.fold(place)));
    }

    /**
     * The entry the registry describes so: "former province of Serbia" (Kosovo's government), built by the resolver
     * from "its former province" when "its" is Serbia.
     */
    public Optional<Entry> byDescription(String description) {
        return Optional.ofNullable(byDescription.get(Slug.fold(description)));
    }

    /** Entries whose demonyms or country match {@code word} ("Serbian", "Serbia"). */
    public List<Entry> byDemonym(String word) {
        return byDemonym.getOrDefault(Slug.fold(word), List.of());
    }
}
