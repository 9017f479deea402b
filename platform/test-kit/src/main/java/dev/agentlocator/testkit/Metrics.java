package dev.agentlocator.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's metrics as Prometheus scrapes them ({@code /actuator/prometheus}), so that a test
 * checks the names and labels the alerting rules and dashboards query, not a meter's Java name.
 */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String exposition;

    private Metrics(String exposition) {
        this.exposition = exposition;
    }

    public static Metrics scrape(int port) {
        var response = Api.at(port).get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response.status() + ": " + response.body());
        }
        return new Metrics(response.body());
    }

    /**
     * The value of the first sample of {@code name} whose labels include {@code labels} (given as
     * name, value pairs), if there is one.
     */
    public Optional<Double> value(String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    present.put(label.group(1), label.group(2));
                }
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                return Optional.of(Double.parseDouble(sample.group(3)));
            }
        }
        return Optional.empty();
    }

    /** Whether any sample of {@code name} is exposed. */
    public boolean has(String name) {
        return value(name).isPresent();
    }
}
