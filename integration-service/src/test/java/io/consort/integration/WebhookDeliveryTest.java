package io.consort.integration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.integration.Receiver.Answer;
import io.consort.integration.subscription.Subscription;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deliveries end to end: events published on the real broker, consumed, signed and POSTed to a real HTTP
 * receiver in this JVM; what the receiver got, and what the delivery log says.
 */
@QuarkusTest
@TestSecurity(user = "crm-sync", roles = "integrator")
class WebhookDeliveryTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    final Receiver receiver = Receiver.shared();

    @Test
    void aDeliveryIsTheSignedCloudEventAndTheReferenceLibraryVerifiesIt() throws Exception {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("crm"), List.of("deal.*"), partner);

        Topics.Published won = Topics.dealWon(partner);

        Receiver.Received delivery = awaitOne(sub.url());
        assertEquals(won.id().toString(), delivery.header("webhook-id"), "the event id is the receiver's idempotency key");
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60);
        assertTrue(delivery.header("webhook-signature").matches("v1,[A-Za-z0-9+/]+=*"), delivery.header("webhook-signature"));
        assertTrue(delivery.header("content-type").startsWith("application/cloudevents+json"));

        JsonNode ce = JSON.readTree(delivery.body());
        assertEquals("1.0", ce.path("specversion").asText());
        assertEquals(won.id().toString(), ce.path("id").asText());
        assertEquals("consort.deal.won.v1", ce.path("type").asText());
        assertEquals("/consort/test", ce.path("source").asText());
        assertEquals("application/json", ce.path("datacontenttype").asText());
        assertEquals(partner.toString(), ce.path("data").path("partnerId").asText());
        assertEquals("1250.00", ce.path("data").path("amount").path("amount").asText());

        StandardWebhooksVerifier.Verdict verdict = StandardWebhooksVerifier.verify(sub.secret(), delivery);
        assertTrue(verdict.verified(), verdict.output());
        assertEquals("consort.deal.won.v1", verdict.output());
        // The check can fail: a wrong secret is refused by the same library.
        StandardWebhooksVerifier.Verdict wrong = StandardWebhooksVerifier.verify(
                io.consort.integration.delivery.StandardWebhooks.newSecret(), delivery);
        assertFalse(wrong.verified(), wrong.output());

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> logged = Api.deliveryOf(sub.id(), won.id());
            assertNotNull(logged);
            assertEquals("DELIVERED", logged.get("status"));
            assertEquals(1, logged.get("attempts"));
            assertEquals(204, logged.get("lastStatusCode"));
            assertNotNull(logged.get("deliveredAt"));
        });
    }

    @jakarta.inject.Inject
    io.consort.integration.subscription.SecretsAtRest secretsAtRest;

    @Test
    void secretsAreStoredEncryptedAndOnesStoredInPlainTextAreSealedAndStillSign() {
        Api.Created sub = Api.subscribe(receiver.endpoint("sealed"), List.of("deal.won"), null);
        String stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> Subscription.<Subscription>findById(sub.id()).secret);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(sub.secret().substring("whsec_".length())), "no trace of the secret in the row");

        // A subscription from before encryption: its secret in plain text.
        String plainSecret = io.consort.integration.delivery.StandardWebhooks.newSecret();
        String url = receiver.endpoint("was-plain");
        UUID legacy = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.id = UUID.randomUUID();
            s.url = url;
            s.eventTypes(List.of(io.consort.integration.subscription.EventTypePattern.parse("deal.won")));
            s.status = Subscription.Status.ACTIVE;
            s.secret = plainSecret;
            s.createdBy = "test";
            s.createdAt = Instant.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id;
        });
        assertTrue(secretsAtRest.sealPlainSecrets() >= 1);
        String sealed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> Subscription.<Subscription>findById(legacy).secret);
        assertTrue(sealed.startsWith("v1:"), sealed);
        given().post("/api/v1/webhooks/{id}/test", legacy).then().statusCode(202);
        Receiver.Received ping = awaitOne(url);
        assertTrue(StandardWebhooksVerifier.verify(plainSecret, ping).verified(), "signed with the same secret");
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGracePeriodEnds() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("rotating"), List.of("tier.changed"), partner);
        String fresh = given().contentType("application/json").queryParam("grace", "PT1H").post("/api/v1/webhooks/{id}/rotate-secret", sub.id())
                .then().statusCode(200)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .extract().path("secret");
        assertNotEquals(sub.secret(), fresh);

        Topics.tierChanged(partner);

        Receiver.Received delivery = awaitOne(sub.url());
        assertEquals(2, delivery.header("webhook-signature").split(" ").length, delivery.header("webhook-signature"));
        assertTrue(StandardWebhooksVerifier.verify(fresh, delivery).verified(), "the new secret verifies");
        assertTrue(StandardWebhooksVerifier.verify(sub.secret(), delivery).verified(), "the old secret still verifies");

        given().get("/api/v1/webhooks/{id}", sub.id()).then().statusCode(200)
                .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffUntilTheReceiverTakesIt() {
        // 500, then a timeout, then 200.
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("flaky", n -> switch (n) {
            case 1 -> new Answer(500, 0, "database down");
            case 2 -> new Answer(200, 2500, "");
            default -> Answer.status(200);
        }), List.of("deal.won"), partner);

        Topics.Published won = Topics.dealWon(partner);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> logged = Api.deliveryOf(sub.id(), won.id());
            assertNotNull(logged);
            assertEquals("DELIVERED", logged.get("status"));
            assertEquals(3, logged.get("attempts"));
            assertEquals(200, logged.get("lastStatusCode"));
        });
        List<Receiver.Received> calls = receiver.received(sub.url());
        assertEquals(3, calls.size());
        assertTrue(calls.stream().allMatch(c -> c.header("webhook-id").equals(won.id().toString())),
                "every retry carries the same webhook-id");
        // Backoff: the retries were spread out (initial 200 ms doubling, less at most a fifth of jitter).
        long gap = (calls.get(1).receivedAtNanos() - calls.get(0).receivedAtNanos()) / 1_000_000;
        assertTrue(gap >= 150, "first retry after " + gap + " ms");
    }

    @Test
    void aDeliveryThatNeverSucceedsFailsAfterTheLastAttemptWithTheLastError() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("broken", n -> new Answer(500, 0, "x".repeat(100_000))),
                List.of("deal.won"), partner);

        Topics.Published won = Topics.dealWon(partner);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> logged = Api.deliveryOf(sub.id(), won.id());
            assertNotNull(logged);
            assertEquals("FAILED", logged.get("status"));
            assertEquals(4, logged.get("attempts"));
            assertEquals(500, logged.get("lastStatusCode"));
            String error = (String) logged.get("lastError");
            assertTrue(error.startsWith("the endpoint answered 500: xxx"), error);
            assertTrue(error.length() <= 1000, "the answer is read up to a limit, not whole");
        });
        assertEquals(4, receiver.calls(sub.url()));
    }

    @Test
    void aReceiverThatAnswers410DisablesItsSubscriptionAndSaysWhy() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("gone", n -> Answer.status(410)), List.of("deal.won"), partner);
        Topics.dealWon(partner);

        await().atMost(PATIENCE).untilAsserted(() -> Api.subscription(sub.id()).then()
                .body("status", equalTo("DISABLED"))
                .body("disabledReason", containsString("410 Gone")));

        // Nothing more goes there, and a test ping is refused until it is enabled again.
        Topics.dealWon(partner);
        given().post("/api/v1/webhooks/{id}/test", sub.id()).then().statusCode(409);
        assertEquals(1, receiver.calls(sub.url()));
    }

    @Test
    void aLongRunOfFailuresOpensTheCircuitThenDisablesTheSubscription() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("down", n -> Answer.status(503)), List.of("deal.won"), partner);
        for (int i = 0; i < 3; i++) {
            Topics.dealWon(partner);
        }

        await().atMost(PATIENCE).untilAsserted(() -> Api.subscription(sub.id()).then()
                .body("status", equalTo("DISABLED"))
                .body("disabledReason", containsString("every delivery failed since")));
        // What was still waiting is ended with the reason, so the log says why it never arrived.
        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(Api.deliveries(sub.id()).stream()
                .allMatch(d -> "FAILED".equals(d.get("status"))), Api.deliveries(sub.id()).toString()));

        // Enabling it again starts afresh: a ping goes out.
        String etag = Api.subscription(sub.id()).header("ETag");
        given().contentType("application/json").header("If-Match", etag).post("/api/v1/webhooks/{id}/enable", sub.id()).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("disabledReason", org.hamcrest.Matchers.nullValue());
        int before = receiver.calls(sub.url());
        given().post("/api/v1/webhooks/{id}/test", sub.id()).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> receiver.calls(sub.url()) > before);
    }

    @Test
    void aSlowEndpointDoesNotDelayAnotherSubscriptionsDeliveries() {
        UUID partner = UUID.randomUUID();
        Api.Created slow = Api.subscribe(receiver.endpoint("slow", n -> new Answer(200, 3000, "")), List.of("deal.won"), partner);
        Api.Created fast = Api.subscribe(receiver.endpoint("fast"), List.of("deal.won"), partner);

        int events = 20;
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Topics.dealWon(partner);
        }

        await().atMost(PATIENCE).until(() -> receiver.received(fast.url()).size() >= events);
        long fastMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(fastMillis < 10_000, "the fast endpoint got all " + events + " events in " + fastMillis + " ms");
        // Meanwhile every call to the slow endpoint timed out (1 s) and waits for its retry.
        assertTrue(Api.deliveries(slow.id()).stream().noneMatch(d -> "DELIVERED".equals(d.get("status"))),
                "the slow endpoint has delivered nothing");
    }

    @Test
    void aPartnersEventsArriveInTheOrderTheyHappenedWhenTheReceiverKeepsUp() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("ordered", n -> new Answer(204, 20, "")), List.of("*"), partner);
        List<String> published = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            published.add(Topics.dealWon(partner).id().toString());
        }

        await().atMost(PATIENCE).until(() -> receiver.received(sub.url()).size() >= 15);
        assertEquals(published, receiver.received(sub.url()).stream().map(r -> r.header("webhook-id")).toList());
    }

    @Test
    void aBatchStoresEachEventOnceAndParksOnlyTheRecordsThatCannotBeProcessed() {
        UUID partner = UUID.randomUUID();
        String key = partner.toString();
        String topic = io.consort.contracts.Topics.CAMPAIGNS;
        Api.Created sub = Api.subscribe(receiver.endpoint("batch"), List.of("deal.won"), partner);
        UUID first = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        UUID unstorable = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        Instant now = Instant.now();
        // One poll's worth on one partition: an event, a payload that is not JSON, an event the database refuses
        // (its type is longer than a type can be, so the batch's transaction fails and its records go one by one),
        // the first event again (the relay published it twice), another event.
        Topics.sendTogether(List.of(
                Topics.record(topic, first, "consort.deal.won.v1", key, Topics.dealWonPayload(partner), now),
                Topics.record(topic, unreadable, "consort.deal.won.v1", key, "{not json", now),
                Topics.record(topic, unstorable, "consort." + "x".repeat(200) + ".v1", key,
                        "{\"partnerId\": \"" + partner + "\"}", now),
                Topics.record(topic, first, "consort.deal.won.v1", key, Topics.dealWonPayload(partner), now),
                Topics.record(topic, last, "consort.deal.won.v1", key, Topics.dealWonPayload(partner), now)));

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> parked = io.consort.testkit.KafkaRecords
                .awaitCount(topic + ".dlq.integration", io.consort.testkit.KafkaRecords.withKey(key), 2, PATIENCE);
        assertEquals(java.util.Set.of(unreadable.toString(), unstorable.toString()), parked.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.toSet()), "only the two bad records are parked");
        await().atMost(PATIENCE).until(() -> receiver.received(sub.url()).size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> receiver.received(sub.url()).size() == 2);
        assertEquals(List.of(first.toString(), last.toString()),
                receiver.received(sub.url()).stream().map(r -> r.header("webhook-id")).toList(),
                "each event once, in order");
    }

    @Test
    void aPartnersSubscriberNeverReceivesAnotherPartnersEvent() {
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        Api.Created acmeOnly = Api.subscribe(receiver.endpoint("acme"), List.of("*"), acme);
        Api.Created everyone = Api.subscribe(receiver.endpoint("everyone"), List.of("deal.won", "campaign.published"), null);

        Topics.Published globexDeal = Topics.dealWon(globex);
        Topics.Published campaign = Topics.campaignPublished();
        Topics.Published acmeDeal = Topics.dealWon(acme);

        await().atMost(PATIENCE).until(() -> receiver.received(everyone.url()).size() >= 3);
        await().atMost(PATIENCE).until(() -> receiver.received(acmeOnly.url()).size() >= 1);
        // The partner's own event came after the others on the same topic: had they been sent, they would be here.
        await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> true);
        List<String> acmeGot = receiver.received(acmeOnly.url()).stream().map(r -> r.header("webhook-id")).toList();
        assertEquals(List.of(acmeDeal.id().toString()), acmeGot);
        List<String> everyoneGot = receiver.received(everyone.url()).stream().map(r -> r.header("webhook-id")).toList();
        assertTrue(everyoneGot.containsAll(List.of(globexDeal.id().toString(), campaign.id().toString(), acmeDeal.id().toString())));
    }

    @Test
    void aDeliveryCanBeSentAgainWithTheSameWebhookId() {
        UUID partner = UUID.randomUUID();
        Api.Created sub = Api.subscribe(receiver.endpoint("again"), List.of("deal.won"), partner);
        Topics.Published won = Topics.dealWon(partner);
        awaitOne(sub.url());
        String deliveryId = await().atMost(PATIENCE).until(() -> Api.deliveryOf(sub.id(), won.id()),
                d -> d != null && "DELIVERED".equals(d.get("status"))).get("id").toString();

        given().post("/api/v1/webhooks/{id}/deliveries/{d}/redeliver", sub.id(), deliveryId).then()
                .statusCode(202).body("status", equalTo("PENDING")).body("attempts", equalTo(0));

        await().atMost(PATIENCE).until(() -> receiver.received(sub.url()).size() == 2);
        assertEquals(won.id().toString(), receiver.received(sub.url()).get(1).header("webhook-id"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/webhooks/{id}/deliveries/{d}", sub.id(), deliveryId)
                .then().statusCode(200).body("status", equalTo("DELIVERED")).body("attempts", equalTo(1)));
    }

    @Test
    void aReplaySendsEverythingSinceATimeEvenWhatCameBeforeTheSubscription() {
        UUID partner = UUID.randomUUID();
        Instant since = Instant.now().minusSeconds(1);
        // A subscription for this partner's deals only, so other tests' events stay out of the count.
        Api.Created early = Api.subscribe(receiver.endpoint("early"), List.of("deal.won"), partner);
        Topics.Published first = Topics.dealWon(partner);
        Topics.Published second = Topics.dealWon(partner);
        Topics.tierChanged(partner); // not a deal: never replayed to a deal subscriber
        await().atMost(PATIENCE).until(() -> receiver.received(early.url()).size() == 2);

        Api.Created late = Api.subscribe(receiver.endpoint("late"), List.of("deal.*"), partner);
        given().queryParam("since", since.toString()).post("/api/v1/webhooks/{id}/replay", late.id()).then()
                .statusCode(202).body("queued", equalTo(2));
        await().atMost(PATIENCE).until(() -> receiver.received(late.url()).size() == 2);
        assertEquals(List.of(first.id().toString(), second.id().toString()),
                receiver.received(late.url()).stream().map(r -> r.header("webhook-id")).toList());

        // The early subscriber gets its two again: a replay covers what was delivered too.
        given().queryParam("since", since.toString()).post("/api/v1/webhooks/{id}/replay", early.id()).then()
                .statusCode(202).body("queued", equalTo(2));
        await().atMost(PATIENCE).until(() -> receiver.received(early.url()).size() == 4);

        given().queryParam("since", "yesterday").post("/api/v1/webhooks/{id}/replay", late.id()).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        given().post("/api/v1/webhooks/{id}/replay", late.id()).then().statusCode(400);
    }

    @Test
    void aTestPingIsSignedLoggedAndVerifiable() {
        Api.Created sub = Api.subscribe(receiver.endpoint("ping"), List.of("partner.activated"), null);
        String location = given().post("/api/v1/webhooks/{id}/test", sub.id()).then()
                .statusCode(202)
                .body("eventType", equalTo("consort.webhook.ping.v1"))
                .extract().header("Location");

        Receiver.Received ping = awaitOne(sub.url());
        StandardWebhooksVerifier.Verdict verdict = StandardWebhooksVerifier.verify(sub.secret(), ping);
        assertTrue(verdict.verified(), verdict.output());
        assertEquals("consort.webhook.ping.v1", verdict.output());
        await().atMost(PATIENCE).untilAsserted(() -> given().get(java.net.URI.create(location).getPath()).then()
                .statusCode(200).body("status", equalTo("DELIVERED")));
    }

    private Receiver.Received awaitOne(String url) {
        await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
        return receiver.received(url).get(0);
    }
}
