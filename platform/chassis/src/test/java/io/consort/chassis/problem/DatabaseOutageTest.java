package io.consort.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAndShutdownsAreOutages() {
        assertTrue(DatabaseOutage.is(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.is(new SQLException("An I/O error occurred", "08006")));
        assertTrue(DatabaseOutage.is(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.is(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.is(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseOutage.is(new org.hibernate.exception.JDBCConnectionException("x", new SQLException("x"))));
    }

    @Test
    void constraintAndSyntaxErrorsAreNot() {
        assertFalse(DatabaseOutage.is(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.is(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.is(new SQLException("no state")));
        assertFalse(DatabaseOutage.is(new IllegalStateException("08006")));
    }

    @Test
    void aWrappedOutageIsA503WithRetryAfterNotA500() {
        Response r = ProblemMappers.toResponse(new PersistenceException("could not execute statement",
                new org.hibernate.exception.JDBCConnectionException("x", new SQLException("refused", "08001"))), null, null);
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));

        Response bug = ProblemMappers.toResponse(new PersistenceException(new SQLException("syntax", "42601")), null, null);
        assertEquals(500, bug.getStatus());
    }

    @Test
    void aPoolThatTimedOutIsNotCalledAnUnreachableDatabase() {
        Response busy = ProblemMappers.toResponse(new PersistenceException(
                new SQLException("Sorry, acquisition timeout!")), null, null);
        assertEquals(503, busy.getStatus());
        assertEquals("5", busy.getHeaderString("Retry-After"));
        String detail = ((Problem) busy.getEntity()).detail();
        assertTrue(detail.contains("No database connection came free in time"), detail);

        Response down = ProblemMappers.toResponse(new PersistenceException(
                new SQLException("Connection refused", "08001")), null, null);
        assertTrue(((Problem) down.getEntity()).detail().contains("cannot be reached"));
    }
}
