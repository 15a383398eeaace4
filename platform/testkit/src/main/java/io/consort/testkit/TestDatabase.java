package io.consort.testkit;

/**
 * A PostgreSQL database created for one test run by {@link TestDatabases#create(String)};
 * {@link #close()} drops it.
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) implements AutoCloseable {

    /** Drops the database, disconnecting whoever still uses it. */
    @Override
    public void close() {
        TestDatabases.drop(name);
    }
}
