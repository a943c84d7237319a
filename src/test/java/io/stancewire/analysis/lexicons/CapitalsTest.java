package io.stancewire.analysis.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Guards {@code analysis/capitals.tsv}: its size, its lookups, and no capital given two countries. */
class CapitalsTest {

    @Test
    void everyMemberStateHasItsCapital() {
        assertThat(Capitals.shared().size()).isGreaterThanOrEqualTo(190);
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
