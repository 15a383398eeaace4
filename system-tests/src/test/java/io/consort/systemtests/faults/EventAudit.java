package io.consort.systemtests.faults;

import io.consort.systemtests.SuiteStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every event every service's outbox holds, against what its consumers' inbox tables hold, read from the
 * stack's own databases: an event is lost when a consumer of its topic has no inbox row for it, and
 * applied twice when a consumer holds it twice (the inbox's key forbids that, and performance's
 * partner facts, one per event, are counted too, so a second application would show as a second fact).
 */
public final class EventAudit {

    /** Who consumes each topic (the services' {@code mp.messaging.incoming.*.topic}). */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "prm.partners", List.of("performance", "community", "campaign", "integration"),
            "prm.performance", List.of("recruitment", "community", "campaign", "integration"),
            "prm.community", List.of("integration"),
            "prm.campaigns", List.of("integration"));

    private static final String OUTBOX_EVENTS = """
            select headers->>'topic', headers->>'ce_id' from outbox where not (headers ? 'batch') and parked_at is null
            union all
            select o.headers->>'topic', e->'headers'->>'ce_id' from outbox o, json_array_elements(o.payload) e
            where o.headers ? 'batch' and o.parked_at is null""";

    /** One look at the whole suite. */
    public record Figures(long checked, long lost, long duplicated, long unsent, long parked) {
        @Override
        public String toString() {
            return "events checked " + checked + ", lost " + lost + ", duplicated " + duplicated + ", unsent in outboxes "
                    + unsent + ", parked " + parked;
        }
    }

    private final SuiteStack stack;

    public EventAudit(SuiteStack stack) {
        this.stack = stack;
    }

    public Figures look() throws SQLException {
        Map<String, Set<String>> inboxes = new HashMap<>();
        long duplicated = 0;
        long unsent = 0;
        long parked = 0;
        long checked = 0;
        long lost = 0;
        for (String service : stack.services()) {
            try (Connection c = stack.database(service); Statement s = c.createStatement()) {
                Set<String> inbox = new HashSet<>();
                try (ResultSet r = s.executeQuery("select event_id::text from inbox")) {
                    while (r.next()) {
                        inbox.add(r.getString(1));
                    }
                }
                inboxes.put(service, inbox);
                duplicated += single(s, "select count(*) - count(distinct (event_id, consumer)) from inbox");
                unsent += single(s, "select count(*) from outbox where sent_at is null and parked_at is null");
                parked += single(s, "select count(*) from outbox where parked_at is not null");
                if (service.equals("performance")) {
                    duplicated += single(s, "select count(*) - count(distinct event_id) from partner_fact");
                    duplicated += single(s, "select count(*) - count(distinct partner_id) from scorecard");
                }
            }
        }
        for (String service : stack.services()) {
            try (Connection c = stack.database(service); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(OUTBOX_EVENTS)) {
                while (r.next()) {
                    for (String consumer : CONSUMERS.getOrDefault(r.getString(1), List.of())) {
                        checked++;
                        if (!inboxes.get(consumer).contains(r.getString(2))) {
                            lost++;
                        }
                    }
                }
            }
        }
        return new Figures(checked, lost, duplicated, unsent, parked);
    }

    /** Looks until every event has reached every consumer (or the time is up), and answers the last look. */
    public Figures awaitDelivered(Duration atMost) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Figures figures = look();
        while ((figures.lost() > 0 || figures.unsent() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            figures = look();
        }
        return figures;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
