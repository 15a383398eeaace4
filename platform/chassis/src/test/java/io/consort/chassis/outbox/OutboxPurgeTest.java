package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxPurgeTest {

    @Inject
    EntityManager em;

    @Test
    void sentRowsOlderThanTheRetentionArePurgedAndOthersKept() throws Exception {
        UUID expired = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        // Rows the relay will not touch (already sent): one past the 168h retention, one within it.
        insertSent(expired, "200 hours");
        insertSent(recent, "100 hours");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (exists(expired) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(false, exists(expired), "a row sent 200 hours ago is purged");
        assertEquals(true, exists(recent), "a row sent 100 hours ago is kept");
    }

    private void insertSent(UUID id, String age) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, headers, created_at, sent_at)
                values (?1, 'probe', 'a', 'consort.probe.recorded.v1', '{}'::jsonb, '{"topic":"prm.partners"}'::jsonb,
                        now() - cast(?2 as interval), now() - cast(?2 as interval))""")
                .setParameter(1, id).setParameter(2, age).executeUpdate());
    }

    private boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox where id = ?1").setParameter(1, id)
                .getSingleResult()).longValue() > 0);
    }
}
