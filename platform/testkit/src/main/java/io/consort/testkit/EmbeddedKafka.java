package io.consort.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.consort.contracts.TopicLayout;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running inside the test JVM,
 * listening on free ports of 127.0.0.1, with its log directory in a temporary folder.
 *
 * <p>Most tests want {@link #shared()}: one broker per JVM, started on first use and stopped by a
 * shutdown hook, so every test class of a module (and every Quarkus restart) talks to the same broker.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /**
     * Holds the shared broker's address for the whole JVM. Quarkus loads test code in more than one
     * class loader (and again after a profile change), so a static field alone would start a second
     * broker; a system property is visible to all of them. Setting it before the first test also
     * points the testkit at an already running broker.
     */
    public static final String SHARED_BOOTSTRAP_PROPERTY = "consort.testkit.kafka.bootstrap";

    /** Start-up time of the shared broker in ms, so class loaders that attach to it can report it. */
    private static final String SHARED_STARTUP_PROPERTY = "consort.testkit.kafka.startup-ms";

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Strong references, because java.util.logging keeps loggers weakly: a level set on a logger
     * nobody holds is forgotten at the next garbage collection.
     */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private static EmbeddedKafka shared;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private final Duration startupTime;
    private final boolean closeable;
    private KafkaCompanion companion;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, String bootstrapServers, Duration startupTime,
            boolean closeable) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
        this.startupTime = startupTime;
        this.closeable = closeable;
    }

    /**
     * The broker of this JVM, started on the first call. {@link #close()} on it does nothing: it
     * lives until the JVM exits because later test classes (or a restarted Quarkus app) reuse it.
     */
    public static synchronized EmbeddedKafka shared() {
        if (shared != null) {
            return shared;
        }
        String existing = System.getProperty(SHARED_BOOTSTRAP_PROPERTY);
        if (existing != null && !existing.isBlank()) {
            // Started by another class loader of this JVM (or given from outside): attach to it.
            Duration startup = Duration.ofMillis(Long.getLong(SHARED_STARTUP_PROPERTY, 0L));
            shared = new EmbeddedKafka(null, null, existing, startup, false);
            return shared;
        }
        EmbeddedKafka broker = launch(false);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "consort-testkit-kafka-shutdown"));
        System.setProperty(SHARED_STARTUP_PROPERTY, String.valueOf(broker.startupTime.toMillis()));
        System.setProperty(SHARED_BOOTSTRAP_PROPERTY, broker.bootstrapServers);
        shared = broker;
        return shared;
    }

    /** A broker of its own, for a test that must not share one; {@link #close()} stops it. */
    public static EmbeddedKafka start() {
        return launch(true);
    }

    /** {@code host:port} of the broker listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * How long formatting the storage and starting the broker took ({@code 0} for a broker given from
     * outside through {@value #SHARED_BOOTSTRAP_PROPERTY}).
     */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Creates the topics with {@code partitions} partitions and replication factor 1 and returns once the
     * broker serves every partition of them. Topics that already exist are left as they are.
     */
    public void createTopics(Collection<String> topics, int partitions) {
        create(topics.stream().distinct().map(t -> new NewTopic(t, partitions, (short) 1)).toList());
    }

    /**
     * Creates the topics as {@link TopicLayout} lays them out (partitions, retention), replication factor 1,
     * and returns once the broker serves every partition of them. Topics that already exist are left as they are.
     */
    public void createTopics(List<TopicLayout.Spec> topics) {
        create(topics.stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList());
    }

    private void create(List<NewTopic> newTopics) {
        List<String> names = newTopics.stream().map(NewTopic::name).toList();
        if (names.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    await(result.getValue());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey() + " on "
                                + bootstrapServers, e.getCause());
                    }
                }
            }
            awaitServed(admin, names);
        }
    }

    /**
     * The controller confirms a creation before the broker has loaded the new metadata; a producer or a
     * describe call in that window gets UNKNOWN_TOPIC_OR_PARTITION. Wait until each partition has a leader.
     */
    private void awaitServed(Admin admin, List<String> names) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = await(admin.describeTopics(names).allTopicNames());
                boolean served = described.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (served && described.keySet().containsAll(names)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Could not describe topics " + names + " on " + bootstrapServers,
                            e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " were created but not served by "
                        + bootstrapServers + " within " + ADMIN_TIMEOUT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics", e);
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin call did not finish within " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /**
     * A SmallRye {@link KafkaCompanion} bound to this broker (created once, closed with the broker), for
     * producing test records and asserting on what a service published.
     */
    public synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers);
        }
        return companion;
    }

    /** Stops a broker from {@link #start()}; ignored for the {@link #shared()} one. */
    @Override
    public void close() {
        if (closeable) {
            stop();
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (companion != null) {
            companion.close();
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
        if (logDir != null) {
            deleteRecursively(logDir);
        }
    }

    private static EmbeddedKafka launch(boolean closeable) {
        quietBrokerLogging();
        long begin = System.nanoTime();
        Path logDir;
        try {
            logDir = Files.createTempDirectory("consort-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log directory for the embedded Kafka broker", e);
        }
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException | Error e) {
                // Release what did start (threads, sockets) so a failed start does not leak into later tests.
                try {
                    server.shutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            String bootstrap = "127.0.0.1:" + brokerPort;
            return new EmbeddedKafka(server, logDir, bootstrap, Duration.ofNanos(System.nanoTime() - begin),
                    closeable);
        } catch (RuntimeException | Error e) {
            deleteRecursively(logDir);
            throw e;
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        // A single node cannot satisfy the production replication defaults of the internal topics.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: the first consumer group otherwise waits for 50 to be created.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        // Consumers in tests join alone; waiting for more members only slows every test down.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Nothing to hand over to other replicas on a single node.
        p.put("controlled.shutdown.enable", "false");
        // Test JVMs on a crowded machine can stall for seconds; the default 9 s session would then fence
        // the broker and fail whatever test is running.
        p.put("broker.session.timeout.ms", "60000");
        // The test JVM shares two cores and its heap with the application under test.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** What {@code kafka-storage.sh format} does: writes meta.properties and the bootstrap metadata. */
    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the storage of the embedded Kafka broker in " + logDir, e);
        }
    }

    /** The broker logs hundreds of INFO lines while starting; tests care only about its problems. */
    private static synchronized void quietBrokerLogging() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        for (String category : List.of("kafka", "state.change.logger", "org.apache.kafka")) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for the embedded Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Leaving a file in /tmp behind must not fail the test run.
                }
            });
        } catch (IOException e) {
            // Same: best effort.
        }
    }
}
