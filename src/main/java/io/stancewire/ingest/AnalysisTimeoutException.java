package io.stancewire.ingest;

import java.time.Duration;

/** An analysis that did not finish within {@code stancewire.analysis.timeout}; it was interrupted. */
public class AnalysisTimeoutException extends RuntimeException {

    /** The start of every timeout message and {@code dead-letter-reason}. */
    public static final String REASON = "analysis timed out";

    private final Duration budget;

    public AnalysisTimeoutException(Duration budget) {
        super(REASON + ": the article was not analysed within " + seconds(budget)
                + " (stancewire.analysis.timeout); it is too long or too unusual to analyse");
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }

    private static String seconds(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
