package io.consort.chassis.testhttp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Seeds and counts rows with plain JDBC, so the partner filter under test cannot help or hinder. */
@ApplicationScoped
public class TestRows {

    @Inject
    AgroalDataSource dataSource;

    public UUID widget(UUID partnerId, String name, Instant createdAt) {
        UUID id = UUID.randomUUID();
        update("insert into test_widget (id, partner_id, name, created_at, version) values (?, ?, ?, ?, 0)",
                id, partnerId, name, Timestamp.from(createdAt));
        return id;
    }

    public UUID widget(UUID id, UUID partnerId, String name, Instant createdAt) {
        update("insert into test_widget (id, partner_id, name, created_at, version) values (?, ?, ?, ?, 0)",
                id, partnerId, name, Timestamp.from(createdAt));
        return id;
    }

    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
