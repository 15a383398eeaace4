package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.etag.ETags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerChangeFeedResourceTest {

    static final String PARENT = "0c0c0c0c-0000-4000-8000-000000000041";
    static final String CHILD = "0c0c0c0c-0000-4000-8000-000000000042";

    @Inject
    PartnerFixtures fixtures;

    @Inject
    PartnerService partners;

    /** Reads the feed from {@code since} to its end; answers the items and the cursor to continue from. */
    static JsonPath readToEnd(String since, List<Map<String, Object>> into) {
        JsonPath page;
        String cursor = since;
        do {
            page = given().queryParam("since", cursor).queryParam("limit", 200).when().get("/api/v1/partners/changes")
                    .then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        return page;
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> items, UUID partner) {
        return items.stream().filter(i -> partner.toString().equals(i.get("partnerId"))).toList();
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void changesComeInCommitOrderWithTheirOriginAndTheCursorResumesAfterTheLastRead() {
        String tail = readToEnd("0", new ArrayList<>()).getString("nextCursor");

        UUID partner = fixtures.onboard("Feed " + UUID.randomUUID(), "EMEA");
        fixtures.set(partner, "sync-bot", Map.of("region", "DACH"));
        fixtures.set(partner, "manager", Map.of("listedInDirectory", true));

        List<Map<String, Object>> items = new ArrayList<>();
        String end = readToEnd(tail, items).getString("nextCursor");
        List<Long> sequences = items.stream().map(i -> ((Number) i.get("sequence")).longValue()).toList();
        assertEquals(sequences.stream().sorted().distinct().toList(), sequences, "strictly in sequence order");
        assertTrue(sequences.get(0) > Long.parseLong(tail));
        assertEquals(Long.toString(sequences.get(sequences.size() - 1)), end);

        List<Map<String, Object>> mine = of(items, partner);
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED"), mine.stream().map(i -> i.get("operation")).toList());
        assertEquals(List.of(0, 1, 2), mine.stream().map(i -> i.get("version")).toList());
        assertEquals(List.of("test", "sync-bot", "manager"), mine.stream().map(i -> i.get("origin")).toList());
        assertEquals(partner.toString(), ((Map<?, ?>) mine.get(0).get("partner")).get("id"));

        // Resuming after the first change gives exactly the ones after it.
        String afterFirst = String.valueOf(mine.get(0).get("sequence"));
        List<Map<String, Object>> rest = new ArrayList<>();
        readToEnd(afterFirst, rest);
        assertEquals(List.of(1, 2), of(rest, partner).stream().map(i -> i.get("version")).toList());
        // At the end the cursor stays where it is until something new commits.
        given().queryParam("since", end).when().get("/api/v1/partners/changes")
                .then().statusCode(200).body("items", equalTo(List.of())).body("nextCursor", equalTo(end))
                .body("hasMore", equalTo(false));
    }

    /**
     * A writer that draws its sequence number while another writer's transaction is open waits for that
     * transaction to commit; so the feed can never show a later number before an earlier one is visible.
     */
    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aSecondWriterWaitsForTheFirstToCommitSoSequenceOrderIsCommitOrder() throws Exception {
        UUID first = fixtures.onboard("Slow writer " + UUID.randomUUID(), "EMEA");
        UUID second = fixtures.onboard("Fast writer " + UUID.randomUUID(), "EMEA");
        fixtures.activate(second);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CompletableFuture<Long> firstAboutToCommit = CompletableFuture.supplyAsync(() -> {
            long[] at = new long[1];
            QuarkusTransaction.requiringNew().run(() -> {
                PartnerEdit edit = PartnerEdit.of(new PartnerRequest(null, null, "APAC", null, null, null, null, null,
                        null, null, null, null), Set.of("region")).edit();
                // Flushed with its event: the change row and its sequence number exist, uncommitted.
                partners.patch(first, edit, ETags.of(0), true, "slow");
                firstWrote.countDown();
                sleep(1500);
                at[0] = System.nanoTime();
            });
            return at[0];
        }, runnable -> new Thread(runnable, "slow-writer").start());
        assertTrue(firstWrote.await(30, TimeUnit.SECONDS));
        CompletableFuture<Long> secondCommitted = CompletableFuture.supplyAsync(() -> {
            partners.suspend(second, "checking the order", null, "fast");
            return System.nanoTime();
        }, runnable -> new Thread(runnable, "fast-writer").start());

        long firstAt = firstAboutToCommit.get(60, TimeUnit.SECONDS);
        long secondAt = secondCommitted.get(60, TimeUnit.SECONDS);
        assertTrue(secondAt > firstAt, "the second writer committed while the first was still open");

        List<Map<String, Object>> items = new ArrayList<>();
        readToEnd("0", items);
        long firstSeq = ((Number) of(items, first).get(1).get("sequence")).longValue();
        long secondSeq = ((Number) of(items, second).get(2).get("sequence")).longValue();
        assertTrue(firstSeq < secondSeq, firstSeq + " < " + secondSeq);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARENT))
    void aPartnerSideReaderSeesOnlyItsOwnPartnersChanges() {
        fixtures.onboard(UUID.fromString(PARENT), "Feed parent", "EMEA");
        fixtures.onboard(UUID.fromString(CHILD), "Feed child", "EMEA");
        if (fixtures.parentOf(UUID.fromString(CHILD)) == null) {
            fixtures.set(UUID.fromString(CHILD), "test", Map.of("parentPartnerId", PARENT));
        }
        fixtures.onboard("Someone else " + UUID.randomUUID(), "EMEA");

        List<Map<String, Object>> items = new ArrayList<>();
        readToEnd("0", items);
        Set<Object> seen = Set.copyOf(items.stream().map(i -> i.get("partnerId")).toList());
        assertEquals(Set.of(PARENT, CHILD), seen);
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aBadCursorOrLimitIs400() {
        given().queryParam("since", "yesterday").when().get("/api/v1/partners/changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        given().queryParam("since", "-1").when().get("/api/v1/partners/changes").then().statusCode(400);
        given().queryParam("limit", "0").when().get("/api/v1/partners/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "many").when().get("/api/v1/partners/changes").then().statusCode(400);
    }

    @Test
    void theFeedNeedsAToken() {
        given().when().get("/api/v1/partners/changes").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "nobody")
    void aCallerWithoutARoleIsForbidden() {
        given().when().get("/api/v1/partners/changes").then().statusCode(403);
    }
}
