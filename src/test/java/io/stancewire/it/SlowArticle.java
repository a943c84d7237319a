package io.stancewire.it;

import java.time.Duration;

import io.stancewire.analysis.TestArticles;
import io.stancewire.ingest.AnalysisRunner;

/**
 * A real article long enough to take several times the test time budget on this machine, now: the example article
 * is timed (the best of three runs) and repeated as often as four budgets need, so the article times out on a fast
 * idle machine as surely as on a loaded one.
 */
final class SlowArticle {

    static final Duration TEST_BUDGET = Duration.ofSeconds(10);
    private static String body;

    private SlowArticle() {
    }

    static synchronized String body(AnalysisRunner analysis) {
        if (body == null) {
            String ohrid = TestArticles.text("ohrid.txt");
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) { // the best of three: the first runs may be slower (JIT warm-up)
                long started = System.nanoTime();
                analysis.analyze(TestArticles.article("calibration", ohrid));
                best = Math.min(best, System.nanoTime() - started);
            }
            long repeats = Math.max(4, Math.min(200, 4 * TEST_BUDGET.toNanos() / Math.max(best, 1) + 1));
            body = (ohrid + "\n\n").repeat((int) repeats);
        }
        return body;
    }
}
