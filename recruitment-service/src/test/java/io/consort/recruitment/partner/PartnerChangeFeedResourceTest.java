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
    PartnerPatches partners;

    @Inject
    PartnerLifecycle lifecycle;

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

    /**
     * Reads the feed from {@code since} into {@code into} until {@code seen} holds for what was read (the feed
     * shows a change once every transaction of the cluster older than it has ended, so it may lag a little
     * behind other databases' transactions); answers the cursor to continue from.
     */
    static String readUntil(String since, List<Map<String, Object>> into,
            java.util.function.Predicate<List<Map<String, Object>>> seen) {
        String cursor = since;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            cursor = readToEnd(cursor, into).getString("nextCursor");
            if (seen.test(into)) {
                return cursor;
            }
            assertTrue(System.nanoTime() < deadline, "the feed did not show the expected changes: " + into);
            sleep(200);
        }
    }

    static List<String> cursors(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("cursor")).toList();
    }

    /** Cursors compare as (position, sequence). */
    static final java.util.Comparator<String> FEED_ORDER = java.util.Comparator
            .<String>comparingLong(c -> Long.parseUnsignedLong(c.split("\\.")[0]))
            .thenComparingLong(c -> Long.parseLong(c.split("\\.")[1]));

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void changesComeInOrderWithTheirOriginAndTheCursorResumesAfterTheLastRead() {
        String tail = readToEnd("0", new ArrayList<>()).getString("nextCursor");

        UUID partner = fixtures.onboard("Feed " + UUID.randomUUID(), "EMEA");
        fixtures.set(partner, "sync-bot", Map.of("region", "DACH"));
        fixtures.set(partner, "manager", Map.of("listedInDirectory", true));

        List<Map<String, Object>> items = new ArrayList<>();
        String end = readUntil(tail, items, read -> of(read, partner).size() == 3);
        List<String> cursors = cursors(items);
        assertEquals(cursors.stream().sorted(FEED_ORDER).distinct().toList(), cursors, "strictly in feed order");
        assertTrue(FEED_ORDER.compare(cursors.get(0), tail) > 0);
        assertEquals(cursors.get(cursors.size() - 1), end);

        List<Map<String, Object>> mine = of(items, partner);
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED"), mine.stream().map(i -> i.get("operation")).toList());
        assertEquals(List.of(0, 1, 2), mine.stream().map(i -> i.get("version")).toList());
        assertEquals(List.of("test", "sync-bot", "manager"), mine.stream().map(i -> i.get("origin")).toList());
        assertEquals(partner.toString(), ((Map<?, ?>) mine.get(0).get("partner")).get("id"));

        // Resuming after the first change gives exactly the ones after it.
        String afterFirst = (String) mine.get(0).get("cursor");
        List<Map<String, Object>> rest = new ArrayList<>();
        readToEnd(afterFirst, rest);
        assertEquals(List.of(1, 2), of(rest, partner).stream().map(i -> i.get("version")).toList());
        // At the end the cursor stays where it is until something new commits.
        JsonPath again = readToEnd(end, new ArrayList<>());
        if (again.getList("items").isEmpty()) {
            assertEquals(end, again.getString("nextCursor"));
        }
        // A bare number, as cursors were before positions, still reads from the start of the newer changes.
        given().queryParam("since", "0").queryParam("limit", 1).when().get("/api/v1/partners/changes")
                .then().statusCode(200);
    }

    /**
     * A writer never waits for another partner's writer; the feed instead shows a change only once every
     * transaction that started before it has ended, so an open transaction's change can never be passed.
     */
    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void anOpenTransactionHoldsTheFeedBackButNotTheOtherWriters() throws Exception {
        UUID first = fixtures.onboard("Slow writer " + UUID.randomUUID(), "EMEA");
        UUID second = fixtures.onboard("Fast writer " + UUID.randomUUID(), "EMEA");
        fixtures.activate(second);
        String tail = readUntil("0", new ArrayList<>(), read -> of(read, second).size() == 2);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            PartnerEdit edit = PartnerEdit.of(new PartnerRequest(null, null, "APAC", null, null, null, null, null,
                    null, null, null, null), Set.of("region")).edit();
            // Flushed with its event: the change row exists, uncommitted.
            partners.patch(first, edit, ETags.of(0), true, "slow");
            firstWrote.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), runnable -> new Thread(runnable, "slow-writer").start());
        assertTrue(firstWrote.await(30, TimeUnit.SECONDS));
        // The other partner's writer commits while the first transaction is open, without waiting for it.
        CompletableFuture.runAsync(() -> lifecycle.suspend(second, "checking the order", null, "fast"),
                runnable -> new Thread(runnable, "fast-writer").start()).get(30, TimeUnit.SECONDS);
        List<Map<String, Object>> early = new ArrayList<>();
        readToEnd(tail, early);
        assertEquals(List.of(), of(early, second), "a change shown past an open transaction's");
        assertEquals(List.of(), of(early, first));

        release.countDown();
        slow.get(60, TimeUnit.SECONDS);
        List<Map<String, Object>> items = new ArrayList<>();
        readUntil(tail, items, read -> of(read, first).size() == 1 && of(read, second).size() == 1);
        assertTrue(items.indexOf(of(items, first).get(0)) < items.indexOf(of(items, second).get(0)),
                "the older transaction's change first: " + items);
    }

    /** Writers of many partners, and of one shared partner, while a reader follows the feed. */
    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void concurrentWritersAndAReaderNeverMissOrReorderAChange() throws Exception {
        String start = readToEnd("0", new ArrayList<>()).getString("nextCursor");
        String program = fixtures.programId().toString();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int writers = 4;
        int writes = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 1);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Map<String, Object>> followed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Future<?> reader = pool.submit(() -> {
            String cursor = start;
            while (writing.get()) {
                cursor = readToEnd(cursor, followed).getString("nextCursor");
            }
            return cursor;
        });
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int k = 0; k < writes; k++) {
                    String id = k % 3 == 2 ? "feed-" + run + "-shared" : "feed-" + run + "-" + writer + "-" + (k % 2);
                    given().contentType("application/json").body(Map.of("programId", program, "name",
                            "Feed writer " + writer + " " + k, "domain", id + ".example"))
                            .when().put("/api/v1/partners/by-external-id/feedtest/{id}", id)
                            .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get(180, TimeUnit.SECONDS);
        }
        // Every write made a change: created once per partner, then updated (the name differs each time).
        int expected = writers * writes;
        java.util.function.Predicate<List<Map<String, Object>>> all = read -> ours(read, run).size() >= expected;
        writing.set(false);
        String cursor = (String) reader.get(60, TimeUnit.SECONDS);
        readUntil(cursor, followed, all);
        pool.shutdown();

        List<Map<String, Object>> fresh = new ArrayList<>();
        readUntil(start, fresh, all);
        List<Map<String, Object>> mineFollowed = ours(followed, run);
        List<Map<String, Object>> mineFresh = ours(fresh, run);
        assertEquals(expected, mineFresh.size(), "one change per write");
        assertEquals(cursors(mineFresh), cursors(mineFollowed), "the follower saw every change once, in the same order");
        // Each partner's changes in the order they were made: versions 0, 1, 2, ...
        java.util.Map<Object, List<Object>> versions = new java.util.LinkedHashMap<>();
        mineFollowed.forEach(i -> versions.computeIfAbsent(i.get("partnerId"), k -> new ArrayList<>()).add(i.get("version")));
        versions.forEach((partner, v) -> assertEquals(java.util.stream.IntStream.range(0, v.size()).boxed().toList(), v,
                "versions of " + partner));
        assertEquals(writers * 2 + 1, versions.size());
    }

    /** The changes of partners this run's writers created, by their external ids (kept in the feed's partner). */
    static List<Map<String, Object>> ours(List<Map<String, Object>> items, String run) {
        return items.stream().filter(i -> {
            Object partner = i.get("partner");
            return partner instanceof Map<?, ?> p && p.get("externalIds") instanceof Map<?, ?> ids
                    && String.valueOf(ids.get("feedtest")).startsWith("feed-" + run + "-");
        }).toList();
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
        readUntil("0", items, read -> read.stream().map(i -> i.get("partnerId")).collect(java.util.stream.Collectors.toSet())
                .containsAll(Set.of(PARENT, CHILD)));
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
