package io.consort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void aCreatedDatabaseIsUsableAndGoneAfterClose() throws Exception {
        TestDatabase database = TestDatabases.create("testkit");
        try {
            assertTrue(database.name().matches("consort_testkit_t[0-9a-f]{8}"), database.name());
            assertTrue(TestDatabases.exists(database.name()));
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe (id int PRIMARY KEY)");
                statement.execute("INSERT INTO probe VALUES (42)");
                try (ResultSet rows = statement.executeQuery("SELECT id FROM probe")) {
                    assertTrue(rows.next());
                    assertEquals(42, rows.getInt(1));
                }
                // Left open on purpose: dropping must not be blocked by a session still connected.
                database.close();
            }
        } finally {
            database.close();
        }
        assertFalse(TestDatabases.exists(database.name()));
    }

    @Test
    void eachCreatedDatabaseHasItsOwnName() {
        try (TestDatabase first = TestDatabases.create("testkit"); TestDatabase second = TestDatabases.create("testkit")) {
            assertFalse(first.name().equals(second.name()));
        }
    }

    @Test
    void anUnreachableServerFailsWithHowToStartIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> TestDatabases.execute("127.0.0.1", closedPort, "SELECT 1"));

        assertTrue(failure.getMessage().contains("not reachable at 127.0.0.1:" + closedPort), failure.getMessage());
        assertTrue(failure.getMessage().contains("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"),
                failure.getMessage());
    }

    @Test
    void aServiceNameThatIsNotAnIdentifierIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.create("drop table; --"));
    }
}
