package io.stancewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Every problem type has its own URI and is documented in docs/reliability.md. */
class ProblemTypeTest {

    @Test
    void everyTypeIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("docs/reliability.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(docs).as(type.name()).contains("| `" + type.uri() + "` | " + type.status() + " | "
                    + type.title() + " |");
        }
    }

    @Test
    void urisAreDistinctAndPlainHttpStatusesHaveTheirType() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct()).hasSize(
                ProblemType.values().length);
        assertThat(ProblemType.ofStatus(413)).isEqualTo(ProblemType.REQUEST_TOO_LARGE);
        assertThat(ProblemType.ofStatus(418)).isEqualTo(ProblemType.HTTP_ERROR);
        assertThat(Problem.of(ProblemType.BUSY, "d", "/x", null).type()).isEqualTo("/problems/busy");
    }
}
