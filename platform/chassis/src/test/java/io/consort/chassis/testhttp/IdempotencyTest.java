package io.consort.chassis.testhttp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.idempotency.BodyHash;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "idem-admin", roles = "prm-admin")
class IdempotencyTest {

    @Inject
    TestRows rows;

    private static String body(String name) {
        return "{\"name\": \"" + name + "\", \"partnerId\": \"" + UUID.randomUUID() + "\"}";
    }

    private static Response post(String path, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(path);
    }

    private long widgets(String name) {
        return rows.count("select count(*) from test_widget where name = ?", name);
    }

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstAnswerAndCreatesNothing() {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = body(name);
        Response first = post("/test/widgets", key, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = post("/test/widgets", key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .contentType(startsWith("application/json"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(1, widgets(name));
        assertEquals(BodyHash.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
                rows.string("select request_hash from idempotency_keys where idempotency_key = ?", key));
        assertEquals("COMPLETED", rows.string("select state from idempotency_keys where idempotency_key = ?", key));
    }

    @Test
    void sameKeyWithAnotherBodyAnswers422() {
        String key = UUID.randomUUID().toString();
        post("/test/widgets", key, body("idem-a")).then().statusCode(201);
        String other = "idem-" + UUID.randomUUID();
        post("/test/widgets", key, body(other)).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://consort.io/problems/idempotency-key-reused"));
        assertEquals(0, widgets(other));
    }

    @Test
    void postsWithoutKeyAreNotDeduplicated() {
        String name = "idem-" + UUID.randomUUID();
        String body = body(name);
        post("/test/widgets", null, body).then().statusCode(201);
        post("/test/widgets", null, body).then().statusCode(201);
        assertEquals(2, widgets(name));
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + UUID.randomUUID();
        String body = body(name);
        post("/test/widgets", key, body).then().statusCode(201);
        rows.update("update idempotency_keys set origin = 'someone-else' where idempotency_key = ?", key);
        post("/test/widgets", key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2, widgets(name));
    }

    @Test
    void failedRequestLeavesNothingAndItsRetryRunsAgain() {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = body(name);
        post("/test/widgets/then-fail", key, body).then().statusCode(409);
        assertEquals(0, widgets(name));
        assertEquals(0, rows.count("select count(*) from idempotency_keys where idempotency_key = ?", key));
        post("/test/widgets/then-fail", key, body).then().statusCode(409).header("Idempotent-Replayed", nullValue());
        assertEquals(0, widgets(name));
    }

    @Test
    void constraintViolationFoundAtCommitAnswers409AndReleasesTheKey() {
        String code = "code-" + UUID.randomUUID();
        String first = "{\"name\": \"idem-u\", \"code\": \"" + code + "\", \"partnerId\": \"" + UUID.randomUUID() + "\"}";
        post("/test/widgets", UUID.randomUUID().toString(), first).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        String second = "{\"name\": \"idem-u\", \"code\": \"" + code + "\", \"partnerId\": \"" + UUID.randomUUID() + "\"}";
        post("/test/widgets", key, second).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .header("Location", nullValue());
        assertEquals(1, rows.count("select count(*) from test_widget where code = ?", code));
        assertEquals(0, rows.count("select count(*) from idempotency_keys where idempotency_key = ?", key));
    }

    @Test
    void refusedRequestReleasesItsKeySoACorrectedClientMayRetry() {
        // Validation runs inside the endpoint's @Transactional, so the refusal rolls back and stores nothing.
        String key = UUID.randomUUID().toString();
        String invalid = "{\"name\": \"\", \"partnerId\": \"" + UUID.randomUUID() + "\"}";
        post("/test/widgets", key, invalid).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("name"));
        assertEquals(0, rows.count("select count(*) from idempotency_keys where idempotency_key = ?", key));
        post("/test/widgets", key, invalid).then().statusCode(400).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void answerDecidedBeforeTheEndpointRanIsReplayed() {
        // Malformed JSON fails before any transaction work: nothing rolled back, so the answer is kept.
        String key = UUID.randomUUID().toString();
        post("/test/widgets", key, "{\"name\": ").then().statusCode(400).header("Idempotent-Replayed", nullValue());
        post("/test/widgets", key, "{\"name\": ").then().statusCode(400).header("Idempotent-Replayed", "true")
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://consort.io/problems/bad-request"));
    }

    @Test
    void requestWhileTheFirstIsPendingAnswers409InProgress() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + UUID.randomUUID();
        String body = body(name);
        rows.update("""
                insert into idempotency_keys (origin, idempotency_key, request_method, request_path, request_hash, state,
                    claim_token, claimed_at) values ('idem-admin', ?, 'POST', '/test/widgets', ?, 'PENDING', ?, now())""",
                key, BodyHash.sha256Hex(body.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID());
        post("/test/widgets", key, body).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "1")
                .body("type", equalTo("https://consort.io/problems/request-in-progress"));
        assertEquals(0, widgets(name));
    }

    @Test
    void abandonedPendingKeyIsTakenOverAfterTheTimeout() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + UUID.randomUUID();
        String body = body(name);
        rows.update("""
                insert into idempotency_keys (origin, idempotency_key, request_method, request_path, request_hash, state,
                    claim_token, claimed_at) values ('idem-admin', ?, 'POST', '/test/widgets', ?, 'PENDING', ?,
                    now() - interval '1 hour')""",
                key, BodyHash.sha256Hex(body.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID());
        post("/test/widgets", key, body).then().statusCode(201);
        post("/test/widgets", key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(1, widgets(name));
    }

    @Test
    void expiredKeyMayBeUsedAfresh() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + UUID.randomUUID();
        post("/test/widgets", key, body(name)).then().statusCode(201);
        rows.update("update idempotency_keys set created_at = now() - interval '25 hours' where idempotency_key = ?", key);
        String other = "idem-" + UUID.randomUUID();
        post("/test/widgets", key, body(other)).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, widgets(other));
    }

    @Test
    void concurrentDuplicatesNeverBothExecute() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String key = UUID.randomUUID().toString();
                String name = "idem-" + UUID.randomUUID();
                String body = body(name);
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> post("/test/widgets", key, body).statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                assertEquals(1, widgets(name), "round " + round + " statuses " + statuses);
                assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "statuses " + statuses);
                assertNotEquals(0, statuses.stream().filter(s -> s == 201).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
