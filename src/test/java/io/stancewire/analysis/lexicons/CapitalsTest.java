package io.stancewire.analysis.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.actors.LeaderRegistry;

/**
 * Guards {@code analysis/capitals.tsv}: the states it covers, its lookups, no capital given two countries, and the
 * same country as the leader registry where both list a capital.
 */
class CapitalsTest {

    @Test
    void itCoversTheStatesItSaysItDoes() {
        List<String[]> rows = TsvResource.read("analysis/capitals.tsv", 2);
        assertThat(rows.stream().map(row -> row[1]).distinct().count()).isEqualTo(187);
        assertThat(Capitals.shared().countryOf("The Hague")).as("the courts, not the Netherlands").isNull();
        assertThat(Capitals.shared().countryOf("Tripoli")).as("Libya or Lebanon").isNull();
    }

    @Test
    void aCapitalTheRegistryAlsoListsNamesTheSameCountry() {
        LeaderRegistry registry = LeaderRegistry.load(Optional.empty());
        int shared = 0;
        for (String[] row : TsvResource.read("analysis/capitals.tsv", 2)) {
            LeaderRegistry.Entry government = registry.byPlace(row[0]).orElse(null);
            if (government != null && government.country() != null) {
                shared++;
                assertThat(Slug.fold(government.country())).as(row[0]).isEqualTo(Slug.fold(row[1]));
            }
        }
        assertThat(shared).as("capitals that are also registry metonyms").isGreaterThan(5);
    }

    @Test
    void aCapitalGivesItsCountryWithOrWithoutAccents() {
        assertThat(Capitals.shared().countryOf("Helsinki")).isEqualTo("Finland");
        assertThat(Capitals.shared().countryOf("Buenos Aires")).isEqualTo("Argentina");
        assertThat(Capitals.shared().countryOf("Brasília")).isEqualTo("Brazil");
        assertThat(Capitals.shared().countryOf("brasilia")).isEqualTo("Brazil");
        assertThat(Capitals.shared().countryOf("Harrow")).isNull();
    }

    @Test
    void noCapitalIsListedForTwoCountries() {
        Map<String, String> seen = new HashMap<>();
        List<String[]> rows = TsvResource.read("analysis/capitals.tsv", 2);
        for (String[] row : rows) {
            String earlier = seen.putIfAbsent(Slug.fold(row[0]), row[1]);
            assertThat(earlier).as(row[0]).isIn(null, row[1]);
        }
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(2));
    }
}
