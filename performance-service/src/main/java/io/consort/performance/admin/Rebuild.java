package io.consort.performance.admin;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.Topics;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.standing.Reevaluation;
import io.consort.performance.standing.Standings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Rebuilds every read model built from events — partner facts, scorecards, their daily history —
 * from offset zero of {@code prm.partners}, {@code prm.community} and {@code prm.campaigns}, into a
 * copy in schema {@code rebuild}, while the service keeps answering (and consuming) with the live
 * models. The copy is computed by the same code as the live models, with the copy's schema first on
 * the search path and nothing published. Then, in one transaction that holds off writers (readers go
 * on seeing the old rows until it commits), facts the live consumer recorded meanwhile are caught
 * up, and the live tables take the copy's rows. The append-only ledgers are not rebuilt but
 * reconciled afterwards (a correct ledger gets no line).
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final List<String> TOPICS = List.of(Topics.PARTNERS, Topics.COMMUNITY, Topics.CAMPAIGNS);
    /** The setting whose version a rebuild's switch moves: a stamp, not a document anyone reads. */
    static final String FACTS_REPLACED = "facts-replaced";

    private static final List<String> TABLES = List.of("partner_fact", "partner_day_count", "scorecard",
            "scorecard_day");

    /** Partners replayed in one transaction: their histories and writes are batched as the live intake's are. */
    private static final int REPLAY_CHUNK = 200;

    /** Where a rebuild is. */
    public record Status(UUID id, String state, Instant startedAt, Instant finishedAt, long records, long facts,
            long partners, String error) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Standings standings;

    @Inject
    Reevaluation reevaluation;

    @Inject
    PartnerFacts facts;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final AtomicReference<Status> current = new AtomicReference<>();

    public Status status() {
        return current.get();
    }

    /** Starts a rebuild unless one runs; returns its status. */
    public synchronized Status start() {
        Status now = current.get();
        if (now != null && now.state().equals("RUNNING")) {
            return null;
        }
        Status started = new Status(UUID.randomUUID(), "RUNNING", clock.instant(), null, 0, 0, 0, null);
        current.set(started);
        Thread worker = new Thread(() -> run(started), "performance-rebuild");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    private void run(Status started) {
        try {
            prepare();
            long[] counts = copyTopics();
            QuarkusTransaction.requiringNew().run(() -> {
                onCopy();
                facts.recountAll();
            });
            Set<UUID> partners = partners();
            List<UUID> all = List.copyOf(partners);
            for (int i = 0; i < all.size(); i += REPLAY_CHUNK) {
                List<UUID> chunk = all.subList(i, Math.min(all.size(), i + REPLAY_CHUNK));
                QuarkusTransaction.requiringNew().run(() -> {
                    onCopy();
                    standings.replayAll(chunk);
                });
            }
            switchOver();
            current.set(new Status(started.id(), "DONE", started.startedAt(), clock.instant(), counts[0], counts[1],
                    partners.size(), null));
            LOG.infof("rebuild %s: %d records, %d facts, %d partners", started.id(), counts[0], counts[1], partners.size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %s failed; the live models are untouched", started.id());
            current.set(new Status(started.id(), "FAILED", started.startedAt(), clock.instant(), 0, 0, 0, e.toString()));
        }
    }

    private void prepare() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("drop schema if exists rebuild cascade").executeUpdate();
            entityManager.createNativeQuery("create schema rebuild").executeUpdate();
            for (String table : TABLES) {
                entityManager.createNativeQuery("create table rebuild.%s (like public.%s including all)".formatted(table, table))
                        .executeUpdate();
            }
        });
    }

    /** Every record of the topics up to their end at the start, as facts of the copy; returns records and facts. */
    private long[] copyTopics() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long records = 0;
        long facts = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                List<Object[]> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    records++;
                    Object[] row = fact(record);
                    if (row != null) {
                        batch.add(row);
                    }
                }
                facts += insert(batch);
            }
        }
        return new long[] {records, facts};
    }

    /** The fact row of a record, or null for what the live consumer would not keep either. */
    private static Object[] fact(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            var kind = FactKind.of(event.type());
            if (kind.isEmpty()) {
                return null;
            }
            var partner = event.payload().path("partnerId");
            var at = event.payload().path("occurredAt");
            if (!partner.isTextual() || !at.isTextual()) {
                return null;
            }
            var program = event.payload().path("programId");
            return new Object[] {event.id(), UUID.fromString(partner.asText()), kind.get(),
                    program.isTextual() ? UUID.fromString(program.asText()) : null, Instant.parse(at.asText()),
                    event.payload().toString()};
        } catch (RuntimeException e) {
            return null; // poison: the live consumer parked it on the dead-letter topic
        }
    }

    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] added = {0};
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into rebuild.partner_fact (id, partner_id, event_id, event_type, kind, program_id, occurred_at, data)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing""")) {
                for (Object[] r : rows) {
                    FactKind kind = (FactKind) r[2];
                    ps.setObject(1, r[0]);
                    ps.setObject(2, r[1]);
                    ps.setObject(3, r[0]);
                    ps.setString(4, kind.ceType());
                    ps.setString(5, kind.name());
                    ps.setObject(6, r[3]);
                    ps.setTimestamp(7, Timestamp.from((Instant) r[4]));
                    ps.setString(8, (String) r[5]);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    added[0] += Math.max(n, 0);
                }
            }
        }));
        return added[0];
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> partners() {
        return QuarkusTransaction.requiringNew().call(() -> new LinkedHashSet<>(entityManager.createNativeQuery(
                "select distinct partner_id from rebuild.partner_fact order by partner_id").getResultList()));
    }

    /** Makes this transaction's unqualified tables the copy's (settings, rates and ledgers stay live). */
    private void onCopy() {
        entityManager.createNativeQuery("set local search_path = rebuild, public").executeUpdate();
    }

    private void switchOver() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            // EXCLUSIVE, not SHARE ROW EXCLUSIVE: the intake and the sweep lock scorecard rows (select ... for update)
            // before they write, and a row lock taken while the switch holds the tables made the switch's delete wait
            // for that row while its holder waited for the table: a deadlock (seen in verify). EXCLUSIVE also keeps
            // row locks out; plain reads (the API answering from the old models) still pass. The tables are locked
            // in the order the intake writes them, so a writer already under way is waited for, not deadlocked with.
            entityManager.createNativeQuery(
                    "lock table public.partner_fact, public.partner_day_count, public.scorecard, public.scorecard_day"
                            + " in exclusive mode")
                    .executeUpdate();
            @SuppressWarnings("unchecked")
            List<UUID> caughtUp = entityManager.createNativeQuery("""
                    insert into rebuild.partner_fact select * from public.partner_fact p
                    where not exists (select 1 from rebuild.partner_fact r where r.event_id = p.event_id)
                    returning partner_id""").getResultList();
            onCopy();
            if (!caughtUp.isEmpty()) {
                facts.recountAll();
            }
            standings.replayAll(new LinkedHashSet<>(caughtUp));
            entityManager.flush();
            entityManager.clear();
            entityManager.createNativeQuery("set local search_path = public").executeUpdate();
            entityManager.createNativeQuery("""
                    create temporary table kept on commit drop as
                    select partner_id, version, last_change_at from public.scorecard""").executeUpdate();
            for (String table : TABLES) {
                entityManager.createNativeQuery("delete from public." + table).executeUpdate();
                entityManager.createNativeQuery("insert into public.%s select * from rebuild.%s".formatted(table, table))
                        .executeUpdate();
            }
            entityManager.createNativeQuery("""
                    update public.scorecard s set version = k.version + 1,
                        last_change_at = greatest(s.last_change_at, k.last_change_at)
                    from kept k where k.partner_id = s.partner_id""").executeUpdate();
            // the facts' rows were replaced (with other seqs): move the settings' stamp so every instance drops the
            // histories it keeps (HistoryCache) before its next evaluation
            entityManager.createNativeQuery("""
                    insert into setting (name, version, body, updated_at, updated_by)
                    values ('%s', 1, cast('{}' as jsonb), now(), 'rebuild')
                    on conflict (name) do update set version = setting.version + 1, updated_at = excluded.updated_at"""
                    .formatted(FACTS_REPLACED)).executeUpdate();
            reevaluation.markAll(LocalDate.now(clock));
        });
        QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("drop schema if exists rebuild cascade").executeUpdate());
    }
}
