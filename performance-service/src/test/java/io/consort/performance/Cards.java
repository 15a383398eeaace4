package io.consort.performance;

import io.consort.performance.standing.Standings;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Opens scorecards directly (as partner.onboarding-started does), for tests about reading them. */
final class Cards {

    private Cards() {
    }

    /** On a thread of its own, as the consumer does: outside the test's request, no caller scope narrows it. */
    static void open(UUID partner, UUID program, Instant at) {
        Standings standings = Arc.container().instance(Standings.class).get();
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            standings.open(partner, program, at);
            standings.reevaluate(partner, at.atOffset(java.time.ZoneOffset.UTC).toLocalDate(), at);
        })).join();
    }
}
