package io.consort.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.gateway.security.Caller;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The defaults of application.properties: stricter on the public writes, per client. */
class RateLimitsTest {

    private final RateLimits limits = new RateLimits(
            new RateLimits.Limit("authenticated", 1200, Duration.ofMinutes(1)),
            new RateLimits.Limit("anonymous", 120, Duration.ofMinutes(1)),
            List.of(new RateLimits.Rule(new RateLimits.Limit("applications", 10, Duration.ofMinutes(1)),
                            "/api/v1/applications", HttpMethod.POST, true),
                    rule("lead-forms", 20, "/api/v1/forms", "POST"),
                    rule("tracked-links", 60, "/t", "*")),
            1000);

    private static RateLimits.Rule rule(String name, long limit, String prefix, String method) {
        return new RateLimits.Rule(new RateLimits.Limit(name, limit, Duration.ofMinutes(1)), prefix, RateLimits.method(method));
    }

    @Test
    void eachRequestTakesTheMostSpecificLimit() {
        Caller ip = Caller.anonymous("203.0.113.7");
        Caller user = Caller.subject("u-1");
        assertEquals("applications", limits.limitFor(HttpMethod.POST, "/api/v1/applications", ip).name());
        assertEquals("applications", limits.limitFor(HttpMethod.POST, "/api/v1/applications/a1/withdraw", ip).name());
        assertEquals("authenticated", limits.limitFor(HttpMethod.GET, "/api/v1/applications", user).name());
        assertEquals("lead-forms", limits.limitFor(HttpMethod.POST, "/api/v1/forms/c-9", ip).name());
        assertEquals("tracked-links", limits.limitFor(HttpMethod.GET, "/t/abc", ip).name());
        assertEquals("anonymous", limits.limitFor(HttpMethod.GET, "/api/v1/partner-directory", ip).name());
        assertEquals("anonymous", limits.limitFor(HttpMethod.GET, "/tx/abc", ip).name(), "whole segments only");
        assertEquals("authenticated", limits.limitFor(HttpMethod.GET, "/api/v1/programs", user).name());
    }

    /** A manager's approvals are under the applications prefix, but a signed-in caller has its own, larger limit. */
    @Test
    void aSignedInCallerIsNotHeldToThePublicOperationsRules() {
        Caller manager = Caller.subject("manager-1");
        assertEquals("authenticated", limits.limitFor(HttpMethod.POST, "/api/v1/applications/a1/approve", manager).name());
        for (int i = 0; i < 30; i++) {
            assertTrue(limits.check(HttpMethod.POST, "/api/v1/applications/a" + i + "/approve", manager).allowed(),
                    "approval " + (i + 1) + " of a burst");
        }
    }

    @Test
    void anAddressGetsTenApplicationsAMinuteAndAnotherAddressItsOwnTen() {
        Caller one = Caller.anonymous("203.0.113.7");
        for (int i = 0; i < 10; i++) {
            assertTrue(limits.check(HttpMethod.POST, "/api/v1/applications", one).allowed());
        }
        RateLimits.Decision refused = limits.check(HttpMethod.POST, "/api/v1/applications", one);
        assertFalse(refused.allowed());
        assertEquals(6, refused.retryAfterSeconds(), "a minute refills 10: one more in 6 s");
        assertEquals(0, refused.remaining());
        assertTrue(limits.check(HttpMethod.POST, "/api/v1/applications", Caller.anonymous("203.0.113.8")).allowed());
        assertTrue(limits.check(HttpMethod.GET, "/api/v1/partner-directory", one).allowed(), "other limits are separate");
    }
}
