package io.stancewire.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The aggregate must not depend on the order in which contributions arrive: it differs between runs, after a crash,
 * and between one instance and several (scripts/check-instances and scripts/check-faults compare such runs).
 */
class StanceAggregateTest {

    private static final Instant DAY = Instant.parse("2020-01-01T00:00:00Z");

    private static LeaderContribution contribution(String article, String role, double sum, int evidence,
            Instant publishedAt) {
        return new LeaderContribution(article, "h-r-mcmaster", "H. R. McMaster", role, sum, evidence, publishedAt);
    }

    private static StanceAggregate fold(List<LeaderContribution> contributions) {
        StanceAggregate aggregate = StanceAggregate.empty();
        for (LeaderContribution c : contributions) {
            aggregate = aggregate.add(c);
        }
        return aggregate;
    }

    private static List<LeaderContribution> sample() {
        List<LeaderContribution> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) { // more than SOURCES_KEPT, many sharing a publication time
            String role = i % 3 == 0 ? "General" : i % 3 == 1 ? "National Security Adviser" : null;
            all.add(contribution(String.format("a-%02d", i), role, (i % 5 - 2) * 0.3, i % 4,
                    DAY.plusSeconds(3600L * (i / 4))));
        }
        all.add(contribution("a-odd", "leaders", 0.1, 1, DAY.plusSeconds(3600L * 40)));
        return all;
    }

    @Test
    void sameAnswerWhateverTheOrder() {
        List<LeaderContribution> contributions = sample();
        StanceAggregate reference = fold(contributions);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<LeaderContribution> shuffled = new ArrayList<>(contributions);
            Collections.shuffle(shuffled, random);
            StanceAggregate other = fold(shuffled);
            assertThat(other.role()).isEqualTo(reference.role());
            assertThat(other.name()).isEqualTo(reference.name());
            assertThat(other.articles()).isEqualTo(reference.articles());
            assertThat(other.evidence()).isEqualTo(reference.evidence());
            assertThat(other.score()).isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(other.sources()).isEqualTo(reference.sources());
            assertThat(other.days().keySet()).isEqualTo(reference.days().keySet());
            assertThat(other.roles()).isEqualTo(reference.roles());
        }
    }

    @Test
    void roleIsTheOneMostArticlesGive() {
        StanceAggregate aggregate = fold(sample());
        // 24 articles say General, 23 National Security Adviser, 1 leaders
        assertThat(aggregate.role()).isEqualTo("General");
        assertThat(aggregate.roles()).containsEntry("General", 24L).containsEntry("National Security Adviser", 23L)
                .containsEntry("leaders", 1L);
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstRole() {
        StanceAggregate one = fold(List.of(contribution("x", "Senator", 0, 0, DAY),
                contribution("y", "Governor", 0, 0, DAY)));
        StanceAggregate other = fold(List.of(contribution("y", "Governor", 0, 0, DAY),
                contribution("x", "Senator", 0, 0, DAY)));
        assertThat(one.role()).isEqualTo("Governor").isEqualTo(other.role());
    }

    @Test
    void withdrawingAnArticleTakesItsRoleOut() {
        LeaderContribution general1 = contribution("a", "General", 0.5, 1, DAY);
        LeaderContribution general2 = contribution("b", "General", 0.5, 1, DAY);
        LeaderContribution adviser1 = contribution("c", "Adviser", 0.5, 1, DAY);
        LeaderContribution adviser2 = contribution("d", "Adviser", 0.5, 1, DAY);
        LeaderContribution adviser3 = contribution("e", "Adviser", 0.5, 1, DAY);
        StanceAggregate aggregate = fold(List.of(general1, general2, adviser1, adviser2, adviser3));
        assertThat(aggregate.role()).isEqualTo("Adviser");
        aggregate = aggregate.subtract(adviser1).subtract(adviser2);
        assertThat(aggregate.role()).isEqualTo("General");
        assertThat(aggregate.roles()).containsEntry("Adviser", 1L).containsEntry("General", 2L);
        aggregate = aggregate.subtract(general1).subtract(general2);
        assertThat(aggregate.role()).isEqualTo("Adviser");
        assertThat(aggregate.roles()).containsOnlyKeys("Adviser");
        assertThat(aggregate.subtract(adviser3)).isNull(); // its last article: the leader goes
    }

    @Test
    void anAggregateStoredBeforeRolesWereCountedKeepsItsRole() {
        StanceAggregate old = new StanceAggregate("h-r-mcmaster", "H. R. McMaster", "General", 0.5, 1, 1, DAY,
                new java.util.TreeMap<>(), List.of(), null);
        assertThat(old.add(contribution("z", null, 0, 0, DAY)).role()).isEqualTo("General");
        assertThat(old.add(contribution("z", "Adviser", 0, 0, DAY)).role()).isEqualTo("Adviser"); // 1:1, alphabetical
    }
}
