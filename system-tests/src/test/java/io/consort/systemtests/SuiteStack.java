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
final class SuiteStack {

    /** Every port of the stack shifted by this much from the defaults of the brief. */
    private static final int PORT_OFFSET = Integer.getInteger("consort.stack.port-offset", 10_000);
    private static final List<String> DATABASES =
            List.of("recruitment", "community", "campaign", "performance", "integration");

    private static SuiteStack instance;

    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    private SuiteStack() {
        root = Path.of(System.getProperty("consort.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("consort.stack.home", "target/stack")).toAbsolutePath();
        env.put("PRM_HOME", home.toString());
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
            env.put("PRM_" + upper + "_DB", "consort_" + service + "_st");
            env.put("PRM_" + upper + "_URL", "http://127.0.0.1:" + env.get("PRM_" + upper + "_PORT"));
        }
        env.put("PRM_DEMO_DATA", "0");
        // A class cache pays off from a stack's second start; this stack starts once and is thrown away, and
        // recording the caches would make its stop outlast the test JVM's exit.
        env.put("PRM_SERVICE_AOT", "0");
    }

    static synchronized SuiteStack get() {
        if (instance == null) {
            SuiteStack stack = new SuiteStack();
            stack.dropDatabases();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "suite-stack-stop"));
            stack.prm("up", "--detach");
            instance = stack;
        }
        return instance;
    }

    private static String port(int defaultPort) {
        return Integer.toString(defaultPort + PORT_OFFSET);
    }

    String gateway() {
        return "http://127.0.0.1:" + env.get("PRM_GATEWAY_PORT");
    }

    /** A service's own address, e.g. for its OpenAPI document at {@code /q/openapi}. */
    String service(String name) {
        return env.get("PRM_" + name.toUpperCase() + "_URL");
    }

    List<String> services() {
        return DATABASES;
    }

    /** The mail sink's API: what Keycloak has e-mailed, per recipient. */
    String mail() {
        return "http://127.0.0.1:" + env.get("PRM_MAIL_PORT");
    }

    String keycloak() {
        return env.get("PRM_KEYCLOAK_URL");
    }

    /** A real access token from the stack's Keycloak, by the direct grant the local realm allows. */
    String token(String username, String password) {
        return tokenFor("grant_type=password&client_id=consort-portal&username=" + username + "&password=" + password,
                username);
    }

    /** A service account's access token (client credentials), e.g. consort-services' for the Admin REST API. */
    String clientToken(String clientId, String secret) {
        return tokenFor("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret, clientId);
    }

    private String tokenFor(String form, String username) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak() + "/realms/prm/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .timeout(Duration.ofSeconds(10))
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
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./prm " + args[0] + " did not finish in 5 minutes; see " + log);
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
        String host = System.getenv().getOrDefault("PRM_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("PRM_PG_PORT", "5432");
        String user = System.getenv().getOrDefault("PRM_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("PRM_PG_PASSWORD", "");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             var statement = connection.createStatement()) {
            for (String service : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + env.get("PRM_" + service.toUpperCase() + "_DB") + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is unreachable: " + e.getMessage(), e);
        }
    }
}
