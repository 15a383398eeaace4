package io.consort.chassis.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.retry.RetrySchedule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent once the broker has
 * acknowledged them.
 *
 * <ul>
 * <li><b>One relay per database.</b> The relay holds a session-level advisory lock on its own,
 * dedicated PostgreSQL connection (not a pooled one, so the lock lives exactly as long as the
 * session: if the process dies, the server drops the lock and another instance takes over).
 * Instances without the lock stand by and try again periodically.</li>
 * <li><b>Woken on commit.</b> A statement trigger on {@code outbox} calls {@code pg_notify}, which
 * PostgreSQL delivers only when the inserting transaction commits; the relay LISTENs on the same
 * connection and falls back to polling every {@code consort.outbox.poll-interval}.</li>
 * <li><b>Batches.</b> The oldest unsent rows holding up to {@code consort.outbox.batch-size} events
 * (at least one row: a batch row of an earlier release holds many) are sent pipelined, one record
 * per event, then the rows all of whose records were acknowledged are marked sent with one UPDATE.</li>
 * <li><b>Never reordered, never lost.</b> A plain {@link KafkaProducer} (idempotent, acks=all, at
 * most 5 requests in flight) is used instead of a Quarkus Messaging emitter because ordering after a
 * failure needs something an emitter cannot do: stop the producer <em>at the moment</em> a send
 * fails. The first failed send closes the producer with a zero timeout from inside its callback,
 * which aborts every record queued behind it; together with the idempotent producer's per-partition
 * sequence numbers (the broker refuses record n+1 of a partition before record n), no later record
 * of a partition can be written after an earlier one was lost. Only acknowledged rows are marked
 * sent; the relay then backs off and starts again from the oldest unsent row with a fresh producer.
 * A crash between acknowledgement and marking re-publishes rows, which consumers' inboxes absorb.</li>
 * <li><b>Parked, not stuck.</b> A row Kafka refuses for good (a record larger than it takes, an invalid
 * topic or record) or that cannot be read would otherwise be retried forever with every later event
 * queued behind it. It is parked instead ({@code parked_at}, {@code park_reason}; counted as
 * {@code consort.outbox.parked}, logged as an error, shown by the gauge {@code consort.outbox.parked.rows}
 * and the wellness check {@link OutboxWellness} until someone acts) and the relay goes on; those of its aggregate's
 * events that follow it are published without it. Clearing {@code parked_at} re-queues it.</li>
 * </ul>
 *
 * <p>This class is the leader loop and the rounds; {@link OutboxPublisher} sends, {@link OutboxTable}
 * holds the SQL (lock, unsent rows, marking, parking, purging), {@link OutboxMeters} the meters, and
 * {@link OutboxRelayConfig} the settings.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The notification channel of the trigger in V0_1__outbox.sql. */
    static final String CHANNEL = "consort_outbox";
    /** How often the publishing instance counts the parked rows again (someone may have fixed or deleted some). */
    private static final Duration PARKED_RECOUNT = Duration.ofMinutes(1);

    @ConfigProperty(name = "consort.service.name", defaultValue = "consort")
    String serviceName;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> jdbcUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

    @Inject
    OutboxRelayConfig settings;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @Inject
    Config config;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    MeterRegistry registry;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Thread thread;
    private volatile OutboxPublisher publisher;
    private OutboxMeters meters;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts publishing on the relay's own thread (done at startup); does nothing if already started. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        if (!settings.relay().enabled()) {
            LOG.info("Outbox relay disabled (consort.outbox.relay.enabled=false)");
            return;
        }
        if (jdbcUrl.isEmpty()) {
            LOG.warn("Outbox relay not started: quarkus.datasource.jdbc.url is not set");
            return;
        }
        if (meters == null) {
            meters = new OutboxMeters(registry, () -> leader);
        }
        publisher = new OutboxPublisher(kafkaConfig, config, serviceName, () -> running);
        running = true;
        Thread t = new Thread(this::run, "consort-outbox-relay");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops publishing; rows not yet acknowledged stay unsent for the next start. */
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Whether this instance currently holds the relay lock and publishes. */
    public boolean isLeader() {
        return leader;
    }

    private void run() {
        RetrySchedule.Run backoff = new RetrySchedule(settings.retry().initialBackoff(), settings.retry().maxBackoff()).run();
        while (running) {
            try (Connection connection = OutboxTable.connect(jdbcUrl.orElseThrow(), jdbcUser, jdbcPassword)) {
                if (!OutboxTable.tryLock(connection)) {
                    connection.close();
                    pause(settings.standbyInterval());
                    continue;
                }
                leader = true;
                LOG.infof("Outbox relay of %s is publishing", serviceName);
                try (Statement session = connection.createStatement()) {
                    session.execute("LISTEN " + CHANNEL);
                    // Right after a burst of inserts the table's statistics are stale and the planner
                    // answers "oldest 500 unsent" with a bitmap scan and a sort of EVERY unsent row,
                    // which makes draining a backlog quadratic (measured: 200 ms instead of 1 ms per
                    // batch at 30,000 unsent rows). The partial index on seq already yields rows in
                    // order; this session runs nothing else, so steer it there for good.
                    session.execute("SET enable_sort = off");
                    session.execute("SET enable_bitmapscan = off");
                }
                backoff.succeeded();
                lead(connection, backoff);
            } catch (SQLException e) {
                if (running) {
                    meters.failed();
                    Duration wait = backoff.failed();
                    LOG.warnf("Outbox relay lost its database connection (%s); retrying in %d ms", e.getMessage(),
                            wait.toMillis());
                    pause(wait);
                }
            } catch (RuntimeException e) {
                if (running) {
                    meters.failed();
                    LOG.error("Outbox relay failed unexpectedly; restarting it", e);
                    pause(backoff.failed());
                }
            } finally {
                leader = false;
                meters.resetGauges();
                // stop() interrupts this thread; a pending interrupt would cut the producer's close short.
                Thread.interrupted();
                publisher.closeProducer(Duration.ofSeconds(5));
            }
        }
        LOG.debug("Outbox relay stopped");
    }

    private void lead(Connection connection, RetrySchedule.Run backoff) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        // Not right at startup, when the relay has a backlog to publish first.
        Duration purgeInterval = settings.purgeInterval();
        Instant nextPurge = Instant.now().plus(purgeInterval.compareTo(Duration.ofMinutes(1)) < 0 ? purgeInterval
                : Duration.ofMinutes(1));
        meters.parkedRows(OutboxTable.countParked(connection));
        Instant nextParkedCount = Instant.now().plus(PARKED_RECOUNT);
        while (running) {
            Round round = relayOnce(connection);
            if (round == Round.FAILED) {
                meters.failed();
                pause(backoff.failed());
                continue;
            }
            backoff.succeeded();
            if (round == Round.FULL) {
                continue;
            }
            if (Instant.now().isAfter(nextParkedCount)) {
                meters.parkedRows(OutboxTable.countParked(connection));
                nextParkedCount = Instant.now().plus(PARKED_RECOUNT);
            }
            if (Instant.now().isAfter(nextPurge)) {
                nextPurge = OutboxTable.purgeChunk(connection, settings.retention()) ? Instant.now() : Instant.now().plus(purgeInterval);
            }
            // Returns at once if notifications arrived while the last round ran.
            notifications.getNotifications((int) Math.max(1, settings.pollInterval().toMillis()));
        }
    }

    enum Round {
        /** The batch was full: more rows are probably waiting. */
        FULL,
        /** Everything visible was published. */
        DRAINED,
        /** Some row was not acknowledged; back off and restart from the oldest unsent row. */
        FAILED
    }

    private Round relayOnce(Connection connection) throws SQLException {
        int batchSize = settings.batchSize();
        Map<UUID, String> unreadable = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>(batchSize);
        // Per row: the index of its first record (the last row's end is records.size()).
        List<Integer> firstRecord = new ArrayList<>();
        List<OffsetDateTime> created = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(OutboxTable.SELECT_UNSENT)) {
            select.setInt(1, batchSize);
            select.setInt(2, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    List<ProducerRecord<String, String>> ofRow;
                    try {
                        ofRow = OutboxMessage.toRecords(objectMapper, rows.getString(2), rows.getString(3));
                    } catch (RuntimeException e) {
                        unreadable.put(id, e.getMessage());
                        continue;
                    }
                    ids.add(id);
                    firstRecord.add(records.size());
                    records.addAll(ofRow);
                    created.add(rows.getObject(4, OffsetDateTime.class));
                }
            }
        }
        if (!unreadable.isEmpty()) {
            // Nothing after such a row is sent this round, so the relay never overtakes it unparked.
            for (Map.Entry<UUID, String> row : unreadable.entrySet()) {
                park(connection, row.getKey(), "unreadable: " + row.getValue());
            }
            return Round.FULL;
        }
        if (ids.isEmpty()) {
            meters.lag(0);
            return Round.DRAINED;
        }
        meters.lag(Math.max(0, System.currentTimeMillis() - created.get(0).toInstant().toEpochMilli()));

        boolean[] acked = new boolean[records.size()];
        OutboxPublisher.Refusal refusal = publisher.send(records, acked);
        boolean failed = refusal != null;
        List<UUID> sent = new ArrayList<>(ids.size());
        int events = 0;
        long now = System.currentTimeMillis();
        for (int row = 0; row < ids.size(); row++) {
            int from = firstRecord.get(row);
            int to = row + 1 < ids.size() ? firstRecord.get(row + 1) : records.size();
            boolean all = true;
            for (int r = from; r < to && all; r++) {
                all = acked[r];
            }
            // A batch row acknowledged in part stays unsent as a whole: its acknowledged records are
            // sent again with the rest, and consumers' inboxes drop the duplicates.
            if (all) {
                sent.add(ids.get(row));
                events += to - from;
                long millis = Math.max(0, now - created.get(row).toInstant().toEpochMilli());
                for (int r = from; r < to; r++) {
                    meters.delivered(millis);
                }
            }
        }
        if (!sent.isEmpty()) {
            // Counted when Kafka acknowledged them, before they are marked: whoever sees a row marked
            // sent also sees its events counted.
            meters.published(events);
            OutboxTable.markSent(connection, sent);
        }
        if (refusal != null && refusal.forGood()) {
            int row = firstRecord.size() - 1;
            while (firstRecord.get(row) > refusal.record()) {
                row--;
            }
            park(connection, ids.get(row), refusal.reason());
        }
        if (failed) {
            return Round.FAILED;
        }
        return ids.size() == batchSize || records.size() >= batchSize ? Round.FULL : Round.DRAINED;
    }

    private void park(Connection connection, UUID id, String reason) throws SQLException {
        OutboxTable.park(connection, id, reason);
        meters.parked();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // Only stop() interrupts; the loop re-checks running.
            Thread.currentThread().interrupt();
        }
        Thread.interrupted();
    }
}
