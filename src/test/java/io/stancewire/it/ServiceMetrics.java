package io.stancewire.it;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/**
 * Reads the service's own metrics ({@code /q/metrics}, Prometheus text) in the tests: one parser for every test that
 * counts, so a change of format is mended once (with tracing on, a value may be followed by an exemplar, {@code #
 * {trace_id=...} ...}).
 */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** The metrics as the service answers them now. */
    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples of the metric {@code name} whose labels include every one of {@code labels} (each as
     * written, {@code reason="not-json"}), or -1 when it has no such sample.
     */
    static double sum(String metrics, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.lines().toList()) {
            String[] fields = line.split("\\s+");
            if (line.startsWith("#") || fields.length < 2) {
                continue;
            }
            String series = fields[0];
            int brace = series.indexOf('{');
            String metric = brace < 0 ? series : series.substring(0, brace);
            if (metric.equals(name) && Arrays.stream(labels).allMatch(series::contains)) {
                sum += Double.parseDouble(fields[1]);
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
