package io.consort.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Fresh, uniquely named PostgreSQL databases for tests, on the server named by {@code PRM_PG_HOST},
 * {@code PRM_PG_PORT}, {@code PRM_PG_USER} and {@code PRM_PG_PASSWORD} (defaults 127.0.0.1, 5432,
 * postgres, empty). A unique name per run lets test runs of several modules share one server.
 */
public final class TestDatabases {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String START_HINT =
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private TestDatabases() {
    }

    public static String host() {
        return env("PRM_PG_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("PRM_PG_PORT", "5432"));
    }

    public static String username() {
        return env("PRM_PG_USER", "postgres");
    }

    public static String password() {
        return env("PRM_PG_PASSWORD", "");
    }

    /** JDBC URL of {@code database} on the configured server. */
    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates an empty database named {@code consort_<service>_t<8 hex digits>}. */
    public static TestDatabase create(String service) {
        if (service == null || !SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("Service name must match " + SERVICE_NAME + ", got: " + service);
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String name = "consort_" + service + "_t" + HexFormat.of().formatHex(suffix);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name, jdbcUrl(name), username(), password());
    }

    /** Drops {@code database} if it exists, closing the connections still open to it. */
    public static void drop(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a database name the testkit creates: " + database);
        }
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Whether {@code database} exists on the configured server. */
    public static boolean exists(String database) {
        try (Connection connection = connectToMaintenanceDatabase();
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw failure("Cannot look up database " + database, e);
        }
    }

    private static void execute(String sql) {
        execute(host(), port(), sql);
    }

    /** Runs {@code sql} on the maintenance database of the server at host:port (package-private for tests). */
    static void execute(String host, int port, String sql) {
        // CREATE/DROP DATABASE cannot run inside a transaction, hence autocommit on the maintenance DB.
        try (Connection connection = connectToMaintenanceDatabase(host, port);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(host, port, "Cannot run \"" + sql + "\"", e);
        }
    }

    private static Connection connectToMaintenanceDatabase() throws SQLException {
        return connectToMaintenanceDatabase(host(), port());
    }

    private static Connection connectToMaintenanceDatabase(String host, int port) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username());
        if (!password().isEmpty()) {
            props.setProperty("password", password());
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return failure(host(), port(), what, e);
    }

    private static IllegalStateException failure(String host, int port, String what, SQLException e) {
        String state = e.getSQLState();
        // 08xxx: the connection itself failed, the usual reason being a server that is not running.
        if (state != null && state.startsWith("08")) {
            return new IllegalStateException("PostgreSQL is not reachable at " + host + ":" + port
                    + " (user " + username() + "): " + e.getMessage()
                    + ". Start it with: " + START_HINT
                    + " (or point PRM_PG_HOST/PRM_PG_PORT at a running server).", e);
        }
        return new IllegalStateException(what + " on PostgreSQL at " + host + ":" + port + ": " + e.getMessage(), e);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
