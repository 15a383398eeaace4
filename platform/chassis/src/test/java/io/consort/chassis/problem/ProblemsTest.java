package io.consort.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consort.contracts.ProblemType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void eachFactoryGivesItsStatusAndType() {
        assertEquals(400, Problems.badRequest("x").status());
        assertEquals(404, Problems.notFound("x").status());
        assertEquals(409, Problems.conflict("x").status());
        assertEquals(412, Problems.preconditionFailed("x").status());
        assertEquals(428, Problems.preconditionRequired("x").status());
        assertEquals(413, Problems.payloadTooLarge("x").status());
        assertEquals(422, Problems.unprocessable("x").status());
        assertEquals(403, Problems.forbidden("x").status());
        assertEquals("https://consort.io/problems/not-found", Problems.notFound("x").toProblem().type().toString());
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertEquals("3", Problems.tooManyRequests("x", Duration.ofMillis(2001)).headers().get("Retry-After"));
        assertEquals("1", Problems.serviceUnavailable("x", Duration.ZERO).headers().get("Retry-After"));
        assertEquals(503, Problems.serviceUnavailable("x", Duration.ofSeconds(5)).status());
    }

    @Test
    void problemBodyCarriesDetailAndNoRequestIdUntilAnswered() {
        Problem p = Problems.unprocessable("budget exceeded").toProblem();
        assertEquals("budget exceeded", p.detail());
        assertEquals(422, p.status());
        assertNull(p.requestId());
        assertNull(p.errors());
    }

    @Test
    void frameworkStatusesMapToGenericTypes() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.CONFLICT, ProblemType.forStatus(409));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
    }
}
