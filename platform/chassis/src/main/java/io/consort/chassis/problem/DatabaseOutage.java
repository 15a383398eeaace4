package io.consort.chassis.problem;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Tells a database outage (PostgreSQL restarting, the connection pool unable to get a connection) from a
 * bug: an outage is the service's temporary unavailability, answered 503 with {@code Retry-After}, never a
 * 500 and never a hang. Anything else stays for the other rules of {@link ProblemMappers}.
 */
public final class DatabaseOutage {

    /** Long enough for a PostgreSQL restart or a failover to finish; clients retry with backoff anyway. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseOutage() {
    }

    /**
     * True when {@code t} says the database could not be reached: SQLSTATE class 08 (connection
     * exception), 57P01–57P03 (administrator or crash shutdown, cannot connect now), Hibernate's
     * {@code JDBCConnectionException}, or the pool's acquisition timeout (Agroal throws it without a state).
     */
    public static boolean is(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException s) {
            String state = s.getSQLState();
            if (state != null) {
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
            }
            return poolTimedOut(s);
        }
        return false;
    }

    /**
     * The answer for a failure {@link #is} accepted. A pool that timed out waiting for a connection is told
     * apart from a database that refused or dropped one: the pool's wait also runs out when every
     * connection is merely busy (a burst queued on one row lock), and "cannot be reached" would then send
     * the operator looking at a healthy database.
     */
    public static ProblemException problem(Throwable t) {
        if (t instanceof SQLException s && s.getSQLState() == null && poolTimedOut(s)) {
            return Problems.serviceUnavailable("No database connection came free in time: the service is overloaded"
                    + " or its database is slow to answer; retry later", RETRY_AFTER);
        }
        return Problems.serviceUnavailable("The service's database cannot be reached right now; retry later", RETRY_AFTER);
    }

    private static boolean poolTimedOut(SQLException s) {
        String message = s.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}
