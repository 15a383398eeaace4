package io.consort.integration.subscription;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a subscription asks for, in the catalogue's short names: {@code deal.won} (one type, every version),
 * {@code deal.*} (every type of an entity) or {@code *} (everything). A short name {@code entity.fact}
 * stands for the CloudEvents types {@code consort.entity.fact.vN}. The same regular expression matches in
 * Java (fan-out) and in PostgreSQL (replay), so the two can never disagree.
 */
public final class EventTypePattern {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** The ping a subscription's test sends: no catalogue event, never matched by a pattern. */
    public static final String PING_TYPE = "consort.webhook.ping.v1";

    private final String text;
    private final String regex;
    private final Pattern compiled;

    private EventTypePattern(String text, String regex) {
        this.text = text;
        this.regex = regex;
        this.compiled = Pattern.compile(regex);
    }

    /** As the subscriber wrote it. */
    public String text() {
        return text;
    }

    /** A POSIX-compatible regular expression over CloudEvents types. */
    public String regex() {
        return regex;
    }

    /**
     * Parses one pattern.
     *
     * @throws IllegalArgumentException with the reason when it is malformed or matches no catalogue type
     */
    public static EventTypePattern parse(String text) {
        EventTypePattern pattern = compile(text);
        if (EventCatalogue.types().stream().noneMatch(pattern::matches)) {
            throw new IllegalArgumentException("'" + pattern.text + "' matches no event type of the catalogue");
        }
        return pattern;
    }

    /** A pattern already accepted once (a stored subscription's): its form is checked, not the catalogue. */
    public static EventTypePattern compile(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an event type must not be blank");
        }
        String trimmed = text.trim();
        String regex;
        if (trimmed.equals("*")) {
            regex = "^consort\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+$";
        } else {
            String[] parts = trimmed.split("\\.", -1);
            if (parts.length != 2 || !NAME.matcher(parts[0]).matches()
                    || !(parts[1].equals("*") || NAME.matcher(parts[1]).matches())) {
                throw new IllegalArgumentException("'" + trimmed + "' is not an event type such as deal.won, deal.* or *");
            }
            // Names hold no regular-expression syntax ([a-z0-9-]), so they stand for themselves.
            String fact = parts[1].equals("*") ? "[a-z][a-z0-9-]*" : parts[1];
            regex = "^consort\\." + parts[0] + "\\." + fact + "\\.v[0-9]+$";
        }
        return new EventTypePattern(trimmed, regex);
    }

    public boolean matches(String ceType) {
        return !PING_TYPE.equals(ceType) && compiled.matcher(ceType).matches();
    }

    /** True when any of {@code patterns} matches {@code ceType}. */
    public static boolean anyMatches(List<EventTypePattern> patterns, String ceType) {
        return patterns.stream().anyMatch(p -> p.matches(ceType));
    }

    /** The short name of a catalogue type: {@code consort.deal.won.v1} is {@code deal.won}. */
    public static String shortName(String ceType) {
        String[] parts = ceType.split("\\.");
        return parts.length == 4 ? parts[1] + "." + parts[2] : ceType;
    }
}
