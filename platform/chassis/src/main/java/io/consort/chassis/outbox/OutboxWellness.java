package io.consort.chassis.outbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The outbox as an operator needs to see it, at {@code /q/health/well} (and in {@code /q/health}): DOWN
 * while parked rows wait for someone to fix or delete them (the relay has set them aside for good, so
 * nothing else will), with how many, since when, and how far behind publishing is. Any instance answers
 * from the database, not only the one publishing. A wellness check, not readiness or liveness: neither
 * taking the instance out of rotation nor restarting it would fix a parked row.
 */
@Wellness
@ApplicationScoped
public class OutboxWellness implements HealthCheck {

    /** Both over partial indexes of V0_5: outbox_parked, and outbox_unsent's first row. */
    private static final String SUMMARY = """
            select count(*), min(parked_at),
                   (select created_at from outbox where sent_at is null and parked_at is null order by seq limit 1)
            from outbox where parked_at is not null""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("Outbox").withData("publishing", relay.isLeader());
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(SUMMARY)) {
            row.next();
            long parked = row.getLong(1);
            answer.withData("parkedRows", parked);
            if (parked > 0) {
                answer.withData("oldestParkedAt", row.getObject(2, OffsetDateTime.class).toString())
                        .withData("action", "fix each parked row and set its parked_at to null to publish it, or delete it"
                                + " (park_reason says why it was refused)");
            }
            OffsetDateTime oldestUnsent = row.getObject(3, OffsetDateTime.class);
            answer.withData("oldestUnsentAgeSeconds",
                    oldestUnsent == null ? 0 : Math.max(0, Duration.between(oldestUnsent, OffsetDateTime.now()).toSeconds()));
            return answer.status(parked == 0).build();
        } catch (SQLException e) {
            return answer.down().withData("error", "the outbox cannot be read: " + e.getMessage()).build();
        }
    }
}
