package io.consort.chassis.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The read loop of every NDJSON bulk endpoint, over a body {@link Ndjson#respond} spooled: each non-blank
 * line parsed (a bad one becomes its FAILED result and never stops the others), the valid ones gathered
 * into windows that the endpoint stores (and answers) one at a time. A window ends when it holds
 * {@code size} values, before a value that names a key the window already named (so the second line
 * finds what the first stored), and at the end of the body. The same body always gives the same windows,
 * which is what lets a retry with the same Idempotency-Key replay the windows an earlier run committed
 * ({@link io.consort.chassis.idempotency.BulkWindows}).
 */
public final class NdjsonWindows {

    private NdjsonWindows() {
    }

    /** What a line parsed into: a value to store and the keys it names (external ids), or its FAILED result. */
    public record Parsed<V>(V value, Collection<?> keys, BulkLineResult failed) {

        public static <V> Parsed<V> of(V value, Collection<?> keys) {
            return new Parsed<>(Objects.requireNonNull(value), keys, null);
        }

        public static <V> Parsed<V> failed(BulkLineResult failed) {
            return new Parsed<>(null, List.of(), Objects.requireNonNull(failed));
        }
    }

    @FunctionalInterface
    public interface Parser<V> {
        /** Line {@code number} (from 1), not blank. */
        Parsed<V> parse(int number, String text);
    }

    /**
     * One window: its result lines in input order (a FAILED line as parsed, {@code null} where a value
     * will answer), the values to store with their line numbers, and whether it ended because the next
     * value named one of its keys (an endpoint that stores windows concurrently must then let this one
     * commit before it stores the next).
     */
    public record Window<V>(List<BulkLineResult> results, List<V> values, List<Integer> lines, boolean clash) {

        /** The number of the window's first line: what its stored result lines are found by. */
        public int firstLine() {
            return results.get(0) != null ? results.get(0).line() : lines.get(0);
        }
    }

    @FunctionalInterface
    public interface Sink<V> {
        void accept(Window<V> window) throws IOException;
    }

    /**
     * Reads {@code spool} and hands {@code sink} its windows in input order. With {@code keysSpanWindows}
     * the keys stay remembered across windows ended for their size, until a clash (for endpoints that
     * store several windows at once); otherwise every window starts with none.
     */
    public static <V> void read(Path spool, int size, boolean keysSpanWindows, Parser<V> parser, Sink<V> sink)
            throws IOException {
        List<BulkLineResult> results = new ArrayList<>();
        List<V> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                Parsed<V> parsed = parser.parse(number, text);
                if (parsed.failed() != null) {
                    results.add(parsed.failed());
                    continue;
                }
                boolean clash = parsed.keys().stream().anyMatch(keys::contains);
                if (clash || values.size() >= size) {
                    if (!results.isEmpty()) {
                        sink.accept(new Window<>(results, values, lines, clash));
                        results = new ArrayList<>();
                        values = new ArrayList<>();
                        lines = new ArrayList<>();
                    }
                    if (clash || !keysSpanWindows) {
                        keys.clear();
                    }
                }
                keys.addAll(parsed.keys());
                results.add(null);
                values.add(parsed.value());
                lines.add(number);
            }
        }
        if (!results.isEmpty()) {
            sink.accept(new Window<>(results, values, lines, false));
        }
    }
}
