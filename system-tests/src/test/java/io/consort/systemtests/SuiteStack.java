package io.consort.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole suite as a developer runs it: {@code ./prm up} on ports and databases of its own, so a
 * stack a developer left running on the default ports is neither disturbed nor used. Started once
 * per JVM, stopped by a shutdown hook.
 */
public final class SuiteStack {

    /** Every port of the stack shifted by this much from the defaults of the brief. */
    private static final int PORT_OFFSET = Integer.getInteger("consort.stack.port-offset", 10_000);
    /** Ends the stack's database names; another suffix lets a second stack share the PostgreSQL server. */
    private static final String DATABASE_SUFFIX = System.getProperty("consort.stack.database-suffix", "_st");
    private static final List<String> DATABASES =
            List.of("recruitment", "community", "campaign", "performance", "integration");

    private static SuiteStack instance;
    /** Why the stack did not start: every later test fails with it, rather than starting (and wiping) again. */
    private static RuntimeException startFailure;

    /**
     * Attach to a stack a developer (or bench/faults/run.sh) already started with {@code ./prm up}, on its
     * own ports, databases and PRM_HOME, instead of starting one: nothing is dropped, nothing stopped.
     */
    private static final boolean ATTACH = Boolean.getBoolean("consort.stack.attach");
    /**
     * Run the stack's own PostgreSQL (./prm's private cluster in PRM_HOME, on 5432 + the offset) rather than
     * the machine's shared server, so a test may restart it.
     */
    private static final boolean PRIVATE_POSTGRES = Boolean.getBoolean("consort.stack.private-postgres");

    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    private SuiteStack() {
        root = Path.of(System.getProperty("consort.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("consort.stack.home", "target/stack")).toAbsolutePath();
        env.put("PRM_HOME", home.toString());
        if (ATTACH) {
            attachEnvironment();
            return;
        }
        if (PRIVATE_POSTGRES) {
            env.put("PRM_PG_HOST", "127.0.0.1");
            env.put("PRM_PG_PORT", port(5432));
        }
        env.put("PRM_SKIP_BUILD", "1");
        env.put("PRM_GATEWAY_PORT", port(8080));
        env.put("PRM_RECRUITMENT_PORT", port(8081));
        env.put("PRM_COMMUNITY_PORT", port(8082));
        env.put("PRM_CAMPAIGN_PORT", port(8083));
        env.put("PRM_PERFORMANCE_PORT", port(8084));
        env.put("PRM_INTEGRATION_PORT", port(8085));
        env.put("PRM_KEYCLOAK_PORT", port(8180));
        env.put("PRM_KAFKA_PORT", port(9092));
        env.put("PRM_KAFKA_CONTROLLER_PORT", port(9093));
        env.put("PRM_SMTP_PORT", port(2525));
        env.put("PRM_MAIL_PORT", port(8025));
        env.put("PRM_KEYCLOAK_URL", "http://127.0.0.1:" + port(8180));
        env.put("PRM_KAFKA_BOOTSTRAP", "127.0.0.1:" + port(9092));
        for (String service : DATABASES) {
            String upper = service.toUpperCase();
            env.put("PRM_" + upper + "_DB", "consort_" + service + DATABASE_SUFFIX);
            env.put("PRM_" + upper + "_URL", "http://127.0.0.1:" + env.get("PRM_" + upper + "_PORT"));
        }
        env.put("PRM_DEMO_DATA", "0");
        // A class cache pays off from a stack's second start; this stack starts once and is thrown away, and
        // recording the caches would make its stop outlast the test JVM's exit.
        env.put("PRM_SERVICE_AOT", "0");
    }

    /** The variables of an attached stack: the caller's environment, with ./prm's defaults where unset. */
    private void attachEnvironment() {
        Map<String, String> defaults = Map.of("GATEWAY", "8080", "RECRUITMENT", "8081", "COMMUNITY", "8082", "CAMPAIGN", "8083",
                "PERFORMANCE", "8084", "INTEGRATION", "8085", "KEYCLOAK", "8180", "KAFKA", "9092", "MAIL", "8025");
        defaults.forEach((name, port) -> env.put("PRM_" + name + "_PORT", System.getenv().getOrDefault("PRM_" + name + "_PORT", port)));
        env.put("PRM_GATEWAY_URL", System.getenv().getOrDefault("PRM_GATEWAY_URL", "http://127.0.0.1:" + env.get("PRM_GATEWAY_PORT")));
        env.put("PRM_KEYCLOAK_URL", System.getenv().getOrDefault("PRM_KEYCLOAK_URL", "http://127.0.0.1:" + env.get("PRM_KEYCLOAK_PORT")));
        env.put("PRM_KAFKA_BOOTSTRAP", System.getenv().getOrDefault("PRM_KAFKA_BOOTSTRAP", "127.0.0.1:" + env.get("PRM_KAFKA_PORT")));
        for (String service : DATABASES) {
            String upper = service.toUpperCase();
            env.put("PRM_" + upper + "_DB", System.getenv().getOrDefault("PRM_" + upper + "_DB", "consort_" + service));
            env.put("PRM_" + upper + "_URL", System.getenv().getOrDefault("PRM_" + upper + "_URL",
                    "http://127.0.0.1:" + env.get("PRM_" + upper + "_PORT")));
        }
        for (String name : List.of("PRM_PG_HOST", "PRM_PG_PORT", "PRM_PG_USER", "PRM_PG_PASSWORD")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("PRM_SKIP_BUILD", "1");
        env.put("PRM_DEMO_DATA", "0");
    }

    public static synchronized SuiteStack get() {
        if (instance == null && ATTACH) {
            instance = new SuiteStack();
            return instance;
        }
        if (startFailure != null) {
            throw new IllegalStateException("the stack did not start for an earlier test", startFailure);
        }
        if (instance == null) {
            SuiteStack stack = new SuiteStack();
            stack.dropDatabases();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "suite-stack-stop"));
            try {
                stack.prm("up", "--detach");
            } catch (RuntimeException e) {
                // A half-started stack is stopped by the shutdown hook; starting again would find its ports taken
                // and drop the databases (or the private cluster) under its running processes.
                startFailure = e;
                throw e;
            }
            instance = stack;
        }
        return instance;
    }

    private static String port(int defaultPort) {
        return Integer.toString(defaultPort + PORT_OFFSET);
    }

    /** The gateway's address: on this machine, or PRM_GATEWAY_URL of an attached stack (e.g. on a cluster). */
    public String gateway() {
        return env.getOrDefault("PRM_GATEWAY_URL", "http://127.0.0.1:" + env.get("PRM_GATEWAY_PORT"));
    }

    /** A service's own address, e.g. for its OpenAPI document at {@code /q/openapi}. */
    public String service(String name) {
        return env.get("PRM_" + name.toUpperCase() + "_URL");
    }

    public List<String> services() {
        return DATABASES;
    }

    /** The mail sink's API: what Keycloak has e-mailed, per recipient. */
    public String mail() {
        return "http://127.0.0.1:" + env.get("PRM_MAIL_PORT");
    }

    public String keycloak() {
        return env.get("PRM_KEYCLOAK_URL");
    }

    /** A real access token from the stack's Keycloak, by the direct grant the local realm allows. */
    public String token(String username, String password) {
        return tokenFor("grant_type=password&client_id=consort-portal&username=" + username + "&password=" + password,
                username);
    }

    /** A service account's access token (client credentials), e.g. consort-services' for the Admin REST API. */
    public String clientToken(String clientId, String secret) {
        return tokenFor("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret, clientId);
    }

    private String tokenFor(String form, String username) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak() + "/realms/prm/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .timeout(Duration.ofSeconds(60)) // a cold Keycloak on a loaded 2-core machine
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
            if (answer.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + username + ": " + answer.statusCode() + " " + answer.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + keycloak(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            prm("down");
        } finally {
            dropDatabases();
        }
    }

    /** A private cluster lives in PRM_HOME/pg; a fresh stack starts from a fresh one (./prm initdbs it again). */
    private void deletePrivateCluster() {
        Path data = Path.of(env.get("PRM_HOME"), "pg");
        if (!Files.exists(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("could not delete the private cluster in " + data, e);
        }
    }

    private String pg(String name, String fallback) {
        return env.getOrDefault(name, System.getenv().getOrDefault(name, fallback));
    }

    /** The database of a service ({@code recruitment}, ...) or {@code postgres}, as the stack's superuser. */
    public java.sql.Connection database(String service) throws SQLException {
        String name = service.equals("postgres") ? "postgres" : env.get("PRM_" + service.toUpperCase() + "_DB");
        return DriverManager.getConnection("jdbc:postgresql://" + pg("PRM_PG_HOST", "127.0.0.1") + ":" + pg("PRM_PG_PORT", "5432")
                + "/" + name + "?connectTimeout=5&socketTimeout=60", pg("PRM_PG_USER", "postgres"), pg("PRM_PG_PASSWORD", ""));
    }

    /** Whether PostgreSQL is the stack's own (./prm's private cluster), which a test may restart. */
    public boolean privatePostgres() {
        return Files.exists(Path.of(env.get("PRM_HOME"), "run", "postgres.private"));
    }

    /** The Kafka bootstrap address of the stack. */
    public String kafkaBootstrap() {
        return env.get("PRM_KAFKA_BOOTSTRAP");
    }

    /** The process id of a component ./prm started (postgres: the private cluster's postmaster), or -1. */
    public long pid(String component) {
        Path file = component.equals("postgres") ? Path.of(env.get("PRM_HOME"), "pg", "data", "postmaster.pid")
                : Path.of(env.get("PRM_HOME"), "run", component + ".pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code kill -9} of a component's process and its descendants (Keycloak's JVM is a child of kc.sh). */
    public void kill9(String component) {
        long pid = pid(component);
        if (pid < 0) {
            throw new IllegalStateException(component + " is not running");
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** A graceful stop (SIGTERM) of one component, waiting until it has exited. */
    public void stopComponent(String component) {
        long pid = pid(component);
        if (pid < 0) {
            throw new IllegalStateException(component + " is not running");
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process);
        process.destroy();
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    /** Starts again whatever of the stack is not running ({@code ./prm up --detach} starts only what is missing). */
    public void restartMissing() {
        prm("up", "--detach");
    }

    /** Resident memory of a component's process tree in kB (from /proc), or -1 when it is not running. */
    public long rssKb(String component) {
        long pid = pid(component);
        if (pid < 0) {
            return -1;
        }
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
                .mapToLong(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                                .sum();
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
    }

    /** The stack's PRM_HOME and variables, e.g. for a test that runs pg_ctl on the private cluster. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    private void prm(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("prm").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Path log = Path.of(env.get("PRM_HOME")).resolve("prm-" + args[0] + ".out");
            Files.createDirectories(log.getParent());
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            // ./prm gives each component PRM_START_TIMEOUT (300 s); on a loaded 2-core machine the whole start
            // took over 5 minutes (load average ~50), so the stack as a whole gets 10.
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./prm " + args[0] + " did not finish in 10 minutes; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./prm " + String.join(" ", args) + " failed (" + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./prm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stack's databases are this run's alone: dropped before it starts and after it stops. */
    private void dropDatabases() {
        if (PRIVATE_POSTGRES) {
            deletePrivateCluster();
            return;
        }
        String host = pg("PRM_PG_HOST", "127.0.0.1");
        String port = pg("PRM_PG_PORT", "5432");
        try (var connection = database("postgres");
             var statement = connection.createStatement()) {
            for (String service : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + env.get("PRM_" + service.toUpperCase() + "_DB") + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is unreachable: " + e.getMessage(), e);
        }
    }
}
