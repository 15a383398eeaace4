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
 * (at least one row: a batch row of {@link Outbox#emitAll} holds many) are sent pipelined, one record
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
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The notification channel of the trigger in V0_1__outbox.sql. */
    static final String CHANNEL = "consort_outbox";
    /** (class, object) of the relay's session lock; distinct from {@link Outbox#AGGREGATE_LOCK_CLASS}. */
    static final int RELAY_LOCK_CLASS = 0x4f42_0002;
    static final int RELAY_LOCK_OBJECT = 1;

    private static final String PRODUCER_PREFIX = "consort.outbox.producer.";

    /**
     * The oldest unsent rows up to the one that reaches the round's number of events. The window runs
     * over at most batch-size rows of the partial index, in seq order, and only the rows kept are
     * detoasted and converted to text.
     */
    private static final String SELECT_UNSENT = """
            select id, headers::text, payload::text, created_at from (
                select id, seq, headers, payload, created_at,
                       sum(events) over (order by seq rows between unbounded preceding and 1 preceding) as before
                from (select id, seq, headers, payload, created_at,
                             coalesce((headers #>> '{%s,%s}')::int, 1) as events
                      from outbox where sent_at is null and parked_at is null order by seq limit ?) unsent
            ) counted where coalesce(before, 0) < ? order by seq""".formatted(OutboxMessage.BATCH, OutboxMessage.EVENTS);
    private static final String MARK_SENT = "update outbox set sent_at = clock_timestamp() where id = any(?)";
    private static final String PARK = "update outbox set parked_at = clock_timestamp(), park_reason = ? where id = ?";
    /** Over the partial index outbox_parked (V0_5): as cheap as the parked rows are few. */
    private static final String COUNT_PARKED = "select count(*) from outbox where parked_at is not null";
    /** How often the publishing instance counts the parked rows again (someone may have fixed or deleted some). */
    private static final Duration PARKED_RECOUNT = Duration.ofMinutes(1);
    /** What Kafka answers about one record and will answer every time: retrying cannot help. */
    private static final List<Class<? extends Exception>> REFUSED_FOR_GOOD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class);
    private static final String PURGE = """
            delete from outbox where id in (
              select id from outbox where sent_at is not null and sent_at < ? limit ?)""";
    private static final int PURGE_CHUNK = 5_000;

    @ConfigProperty(name = "consort.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "consort.outbox.batch-size", defaultValue = "500")
    int batchSize;
    @ConfigProperty(name = "consort.outbox.poll-interval", defaultValue = "1s")
    Duration pollInterval;
    @ConfigProperty(name = "consort.outbox.retry.initial-backoff", defaultValue = "200ms")
    Duration initialBackoff;
    @ConfigProperty(name = "consort.outbox.retry.max-backoff", defaultValue = "10s")
    Duration maxBackoff;
    @ConfigProperty(name = "consort.outbox.standby-interval", defaultValue = "5s")
    Duration standbyInterval;
    @ConfigProperty(name = "consort.outbox.retention", defaultValue = "168h")
    Duration retention;
    @ConfigProperty(name = "consort.outbox.purge-interval", defaultValue = "1h")
    Duration purgeInterval;
    @ConfigProperty(name = "consort.service.name", defaultValue = "consort")
    String serviceName;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> jdbcUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

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
    private volatile KafkaProducer<String, String> producer;
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private Counter published;
    private Counter failures;
    private Counter parked;
    private Timer delivery;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts publishing on the relay's own thread (done at startup); does nothing if already started. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        if (!enabled) {
            LOG.info("Outbox relay disabled (consort.outbox.relay.enabled=false)");
            return;
        }
        if (jdbcUrl.isEmpty()) {
            LOG.warn("Outbox relay not started: quarkus.datasource.jdbc.url is not set");
            return;
        }
        if (published == null) {
            registerMeters();
        }
        running = true;
        Thread t = new Thread(this::run, "consort-outbox-relay");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void registerMeters() {
        published = Counter.builder("consort.outbox.published").description("Outbox events acknowledged by Kafka")
                .register(registry);
        failures = Counter.builder("consort.outbox.failures")
                .description("Relay rounds that failed (broker or database trouble) and were retried")
                .register(registry);
        parked = Counter.builder("consort.outbox.parked")
                .description("Outbox rows set aside because Kafka refuses them for good or they cannot be read")
                .register(registry);
        delivery = Timer.builder("consort.outbox.delivery")
                .description("From the outbox insert to Kafka's acknowledgement").publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("consort.outbox.lag", lagMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row at the relay's last look").register(registry);
        Gauge.builder("consort.outbox.parked.rows", parkedRows, AtomicLong::get)
                .description("Parked outbox rows waiting for someone to fix or delete them, as the publishing instance"
                        + " last counted (0 on the others)")
                .register(registry);
        Gauge.builder("consort.outbox.leader", this, r -> r.leader ? 1 : 0)
                .description("1 while this instance holds the relay lock").register(registry);
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
        RetrySchedule.Run backoff = new RetrySchedule(initialBackoff, maxBackoff).run();
        while (running) {
            try (Connection connection = connect()) {
                if (!tryLock(connection)) {
                    connection.close();
                    pause(standbyInterval);
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
                    failures.increment();
                    Duration wait = backoff.failed();
                    LOG.warnf("Outbox relay lost its database connection (%s); retrying in %d ms", e.getMessage(),
                            wait.toMillis());
                    pause(wait);
                }
            } catch (RuntimeException e) {
                if (running) {
                    failures.increment();
                    LOG.error("Outbox relay failed unexpectedly; restarting it", e);
                    pause(backoff.failed());
                }
            } finally {
                leader = false;
                // Only the publishing instance looks; a stale figure here would double a sum over instances.
                lagMillis.set(0);
                parkedRows.set(0);
                // stop() interrupts this thread; a pending interrupt would cut the producer's close short.
                Thread.interrupted();
                closeProducer(Duration.ofSeconds(5));
            }
        }
        LOG.debug("Outbox relay stopped");
    }

    private void lead(Connection connection, RetrySchedule.Run backoff) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        // Not right at startup, when the relay has a backlog to publish first.
        Instant nextPurge = Instant.now().plus(purgeInterval.compareTo(Duration.ofMinutes(1)) < 0 ? purgeInterval
                : Duration.ofMinutes(1));
        parkedRows.set(countParked(connection));
        Instant nextParkedCount = Instant.now().plus(PARKED_RECOUNT);
        while (running) {
            Round round = relayOnce(connection);
            if (round == Round.FAILED) {
                failures.increment();
                pause(backoff.failed());
                continue;
            }
            backoff.succeeded();
            if (round == Round.FULL) {
                continue;
            }
            if (Instant.now().isAfter(nextParkedCount)) {
                parkedRows.set(countParked(connection));
                nextParkedCount = Instant.now().plus(PARKED_RECOUNT);
            }
            if (Instant.now().isAfter(nextPurge)) {
                nextPurge = purgeChunk(connection) ? Instant.now() : Instant.now().plus(purgeInterval);
            }
            // Returns at once if notifications arrived while the last round ran.
            notifications.getNotifications((int) Math.max(1, pollInterval.toMillis()));
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
        Map<UUID, String> unreadable = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>(batchSize);
        // Per row: the index of its first record (the last row's end is records.size()).
        List<Integer> firstRecord = new ArrayList<>();
        List<OffsetDateTime> created = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNSENT)) {
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
            lagMillis.set(0);
            return Round.DRAINED;
        }
        lagMillis.set(Math.max(0, System.currentTimeMillis() - created.get(0).toInstant().toEpochMilli()));

        boolean[] acked = new boolean[records.size()];
        Refusal refusal = send(records, acked);
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
                    delivery.record(millis, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (!sent.isEmpty()) {
            // Counted when Kafka acknowledged them, before they are marked: whoever sees a row marked
            // sent also sees its events counted.
            published.increment(events);
            try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                Array array = connection.createArrayOf("uuid", sent.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
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

    /** Why a round's sending stopped: at which record, and whether Kafka will refuse that record again. */
    private record Refusal(int record, boolean forGood, String reason) {
    }

    private void park(Connection connection, UUID id, String reason) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setString(1, reason);
            park.setObject(2, id);
            park.executeUpdate();
        }
        parked.increment();
        parkedRows.incrementAndGet();
        LOG.errorf("Outbox relay parked row %s, which it can never publish (%s); the events after it go on. "
                + "Fix it and set its parked_at to null to publish it, or delete it.", id, reason);
    }

    /**
     * Sends the records pipelined and waits for every outcome; returns why it stopped short, or null when
     * every record was acknowledged.
     */
    private Refusal send(List<ProducerRecord<String, String>> records, boolean[] acked) {
        KafkaProducer<String, String> kafka;
        try {
            kafka = producer();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay cannot create its Kafka producer: %s", e.getMessage());
            return new Refusal(0, false, e.getMessage());
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        AtomicInteger failedRecord = new AtomicInteger(-1);
        List<Future<RecordMetadata>> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (firstFailure.get() != null) {
                break;
            }
            int index = i;
            try {
                outcomes.add(kafka.send(records.get(i), (metadata, error) -> {
                    if (error != null && firstFailure.compareAndSet(null, error)) {
                        failedRecord.set(index);
                        // From the callback this aborts everything queued behind the failed record
                        // before the I/O thread can send any of it.
                        kafka.close(Duration.ZERO);
                    }
                }));
            } catch (RuntimeException e) {
                if (firstFailure.compareAndSet(null, e)) {
                    failedRecord.set(index);
                    kafka.close(Duration.ZERO);
                }
                break;
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            try {
                outcomes.get(i).get();
                acked[i] = true;
            } catch (ExecutionException e) {
                firstFailure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                // Shutting down: what was not acknowledged stays unsent.
                Thread.currentThread().interrupt();
                firstFailure.compareAndSet(null, e);
                kafka.close(Duration.ZERO);
                break;
            }
        }
        Exception failure = firstFailure.get();
        if (failure != null) {
            if (producer == kafka) {
                producer = null;
            }
            kafka.close(Duration.ZERO);
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            boolean forGood = failedRecord.get() >= 0 && REFUSED_FOR_GOOD.stream().anyMatch(t -> t.isInstance(cause));
            if (running && !forGood) {
                LOG.warnf("Outbox relay could not publish (%s: %s); unacknowledged rows stay unsent and are retried",
                        cause.getClass().getSimpleName(), cause.getMessage());
            }
            return new Refusal(Math.max(0, failedRecord.get()), forGood,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return null;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            current = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
            producer = current;
        }
        return current;
    }

    /**
     * Quarkus's {@code kafka.*} configuration (bootstrap servers, security), restricted to what a
     * producer understands, then {@code consort.outbox.producer.*} overrides, then the settings the
     * ordering guarantee depends on, which cannot be overridden.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        var known = ProducerConfig.configNames();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // A round sends up to batch-size records, or a whole batch row, at once: the default 16 KB per
        // partition would cut that into dozens of produce requests, each costing the broker a request
        // and a log append. With linger.ms 0 a lone event still leaves at once.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                String key = name.substring(PRODUCER_PREFIX.length()).replace("\"", "");
                config.getOptionalValue(name, String.class).ifPresent(value -> props.put(key, value));
            }
        }
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Object inFlight = props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight == null || Integer.parseInt(inFlight.toString()) > 5) {
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        }
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "consort-outbox-relay-" + serviceName);
        return props;
    }

    private void closeProducer(Duration timeout) {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(timeout);
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        jdbcUser.ifPresent(user -> props.setProperty("user", user));
        jdbcPassword.ifPresent(password -> props.setProperty("password", password));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "consort-outbox-relay");
        // The driver directly rather than DriverManager: Quarkus's class loaders hide drivers from it.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl.orElseThrow(), props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl.orElseThrow());
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, RELAY_LOCK_CLASS);
            lock.setInt(2, RELAY_LOCK_OBJECT);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Deletes one chunk of rows sent longer ago than the retention; returns whether more may remain. */
    private static long countParked(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_PARKED); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private boolean purgeChunk(Connection connection) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setObject(1, OffsetDateTime.now().minus(retention));
            purge.setInt(2, PURGE_CHUNK);
            int deleted = purge.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Purged %d sent outbox rows", deleted);
            }
            return deleted == PURGE_CHUNK;
        }
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
