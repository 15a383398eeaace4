package io.consort.community.discussion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.consort.community.Community;
import io.consort.community.Tokens;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Spaces gated by membership, threads, posts, Q&A, votes, moderation, and the activity they publish. */
@QuarkusTest
class DiscussionsTest {

    static final UUID PROGRAM = UUID.randomUUID();

    @Inject
    AgroalDataSource database;

    /** Outbox rows of {@code type} whose payload's {@code field} is {@code value}: what was published, or will be. */
    long events(io.consort.contracts.EventType<?> type, String field, String value) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox where type = ? and payload->>? = ?")) {
            s.setString(1, type.ceType());
            s.setString(2, field);
            s.setString(3, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String space(String json) {
        return given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/spaces").then().statusCode(201).header("Location", containsString("/api/v1/spaces/"))
                .header("ETag", "\"0\"").extract().path("id");
    }

    static String thread(String token, String spaceId, String kind, String title, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"spaceId\":\"%s\",\"kind\":\"%s\",\"title\":\"%s\",\"body\":\"%s\"}".formatted(spaceId, kind, title, body))
                .post("/api/v1/threads").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse reply(String token, String threadId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"body\":\"" + body + "\"}")
                .post("/api/v1/threads/{id}/posts", threadId).then();
    }

    @Test
    void aGoldLoungeAdmitsGoldMembersAndFollowsTheirTierAtOnce() {
        String lounge = space("{\"name\":\"Gold lounge\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"GOLD\"}}");
        UUID partner = Community.member(PROGRAM, "EMEA", "SILVER");
        String token = Tokens.partnerUser("sam", partner);

        given().auth().oauth2(token).get("/api/v1/spaces/{id}", lounge).then().statusCode(404);
        given().auth().oauth2(token).queryParam("limit", 200).get("/api/v1/spaces").then().statusCode(200)
                .body("items.id", not(hasItem(lounge)));

        Community.setTier(partner, "GOLD", Instant.now());
        given().auth().oauth2(token).get("/api/v1/spaces/{id}", lounge).then().statusCode(200)
                .body("visibility.minimumTierRank", equalTo(2));
        String threadId = thread(token, lounge, "DISCUSSION", "Roadmap", "What ships in Q1?");

        Community.setTier(partner, "SILVER", Instant.now());
        given().auth().oauth2(token).get("/api/v1/threads/{id}", threadId).then().statusCode(404);
        reply(token, threadId, "still here?").statusCode(404);
    }

    @Test
    void aTierSpaceWithoutAMinimumTierIsRefused() {
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"name\":\"Lounge\",\"kind\":\"TIER\"}").post("/api/v1/spaces").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("visibility.minimumTier"));
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"name\":\"Lounge\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"DIAMOND\"}}")
                .post("/api/v1/spaces").then().statusCode(400);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"kind\":\"NOPE\"}").post("/api/v1/spaces").then().statusCode(400);
    }

    @Test
    void aThreadAndItsPostsArePublishedAsActivityAndRenderedSafely() {
        String general = space("{\"name\":\"General\",\"kind\":\"GENERAL\"}");
        UUID partner = Community.member(PROGRAM, "EMEA", "REGISTERED");
        String token = Tokens.partnerUser("ada", partner);
        String threadId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"Hello\",\"body\":\"Hi @manager <script>alert(1)</script>\"}"
                        .formatted(general))
                .post("/api/v1/threads").then().statusCode(201)
                .header("Location", containsString("/api/v1/threads/"))
                .body("body", containsString("<script>"))
                .body("bodyHtml", not(containsString("<script")))
                .body("mentions", hasItem("manager"))
                .body("authorPartnerId", equalTo(partner.toString()))
                .extract().path("id");
        ConsumerRecord<String, String> created = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withCeSubject(threadId).and(KafkaRecords.withCeType(EventTypes.THREAD_CREATED.ceType())),
                Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.THREAD_CREATED.ceType(), created.value());
        assertEquals(partner.toString(), created.key());

        String postId = reply(Tokens.manager(), threadId, "Welcome, **ada**").statusCode(201)
                .body("bodyHtml", equalTo("<p>Welcome, <strong>ada</strong></p>"))
                .body("authorPartnerId", nullValue()).extract().path("id");
        ConsumerRecord<String, String> posted = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withCeSubject(postId).and(KafkaRecords.withCeType(EventTypes.POST_CREATED.ceType())),
                Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.POST_CREATED.ceType(), posted.value());
        given().auth().oauth2(token).get("/api/v1/threads/{id}/posts", threadId).then().statusCode(200)
                .body("items.id", hasItem(postId));

        // A reply carrying script: stored as written, never rendered as markup, on a read or in the list.
        String scripted = reply(token, threadId, "<script>alert(1)</script> <img src=x onerror=alert(2)> @ada").statusCode(201)
                .body("body", containsString("<script>")).body("bodyHtml", not(containsString("<script")))
                .extract().path("id");
        given().auth().oauth2(token).get("/api/v1/threads/{t}/posts/{p}", threadId, scripted).then().statusCode(200)
                .body("bodyHtml", not(containsString("<script"))).body("bodyHtml", not(containsString("onerror")))
                .body("bodyHtml", containsString("data-handle=\"ada\""));
        given().auth().oauth2(token).get("/api/v1/threads/{id}/posts", threadId).then().statusCode(200)
                .body("items.bodyHtml", not(hasItem(containsString("<script"))))
                .body("items.bodyHtml", not(hasItem(containsString("onerror"))));
    }

    @Test
    void partnersEditAndDeleteOnlyTheirOwnPostsUnderIfMatch() {
        String general = space("{\"name\":\"General\",\"kind\":\"GENERAL\"}");
        UUID partner = Community.member(PROGRAM, "EMEA", "REGISTERED");
        UUID other = Community.member(PROGRAM, "EMEA", "REGISTERED");
        String ada = Tokens.partnerUser("ada", partner);
        String bob = Tokens.partnerUser("bob", other);
        String threadId = thread(ada, general, "DISCUSSION", "Pricing", "Any news?");
        String postId = reply(ada, threadId, "first draft").statusCode(201).header("ETag", "\"0\"").extract().path("id");

        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"body\":\"mine now\"}")
                .put("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(403);
        given().auth().oauth2(bob).delete("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(403);
        given().auth().oauth2(ada).contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"body\":\"x\"}")
                .put("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(ada).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"body\":\"final\"}")
                .put("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(200)
                .header("ETag", "\"1\"").body("body", equalTo("final")).body("editedAt", notNullValue());
        given().auth().oauth2(ada).header("If-Match", "\"0\"").delete("/api/v1/threads/{t}/posts/{p}", threadId, postId)
                .then().statusCode(412);
        given().auth().oauth2(ada).header("If-Match", "\"1\"").delete("/api/v1/threads/{t}/posts/{p}", threadId, postId)
                .then().statusCode(204);
        given().auth().oauth2(ada).get("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(404);
    }

    @Test
    void aQuestionHasOneAcceptedAnswerAndEachPersonOneVote() throws Exception {
        String general = space("{\"name\":\"Q&A\",\"kind\":\"GENERAL\"}");
        UUID asker = Community.member(PROGRAM, "EMEA", "REGISTERED");
        UUID helper = Community.member(PROGRAM, "EMEA", "REGISTERED");
        String ada = Tokens.partnerUser("ada", asker);
        String bob = Tokens.partnerUser("bob", helper);
        String question = thread(ada, general, "QUESTION", "Renewals?", "Do renewals need registering?");
        String answer = reply(bob, question, "Yes").statusCode(201).extract().path("id");
        String other = reply(bob, question, "Or maybe not").statusCode(201).extract().path("id");

        given().auth().oauth2(ada).put("/api/v1/threads/{t}/posts/{p}/vote", question, answer).then().statusCode(204);
        given().auth().oauth2(ada).put("/api/v1/threads/{t}/posts/{p}/vote", question, answer).then().statusCode(204);
        given().auth().oauth2(bob).put("/api/v1/threads/{t}/posts/{p}/vote", question, answer).then().statusCode(204);
        given().auth().oauth2(ada).get("/api/v1/threads/{t}/posts/{p}", question, answer).then()
                .body("votes", equalTo(2)).body("votedByMe", equalTo(true));
        given().auth().oauth2(ada).delete("/api/v1/threads/{t}/posts/{p}/vote", question, answer).then().statusCode(204);
        given().auth().oauth2(ada).get("/api/v1/threads/{t}/posts/{p}", question, answer).then()
                .body("votes", equalTo(1)).body("votedByMe", equalTo(false));

        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"postId\":\"" + answer + "\"}")
                .post("/api/v1/threads/{t}/accepted-answer", question).then().statusCode(403);
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"postId\":\"" + answer + "\"}")
                .post("/api/v1/threads/{t}/accepted-answer", question).then().statusCode(200)
                .body("acceptedPostId", equalTo(answer));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"postId\":\"" + other + "\"}")
                .post("/api/v1/threads/{t}/accepted-answer", question).then().statusCode(409);
        assertEquals(1, events(EventTypes.ANSWER_ACCEPTED, "threadId", question),
                "the refused acceptances (403, 409) published nothing");
        ConsumerRecord<String, String> accepted = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withCeSubject(question).and(KafkaRecords.withCeType(EventTypes.ANSWER_ACCEPTED.ceType())),
                Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.ANSWER_ACCEPTED.ceType(), accepted.value());
        assertEquals(helper.toString(), accepted.key(), "the answer's author's partner earns the credit");
        given().auth().oauth2(bob).header("If-Match", "\"0\"").delete("/api/v1/threads/{t}/posts/{p}", question, answer)
                .then().statusCode(409);

        String discussion = thread(ada, general, "DISCUSSION", "Chat", "hi");
        String post = reply(bob, discussion, "hello").statusCode(201).extract().path("id");
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"postId\":\"" + post + "\"}")
                .post("/api/v1/threads/{t}/accepted-answer", discussion).then().statusCode(409);
    }

    @Test
    void theVendorHidesLocksAndPinsWhilePartnersCannot() throws Exception {
        String general = space("{\"name\":\"Moderated\",\"kind\":\"GENERAL\"}");
        UUID partner = Community.member(PROGRAM, "EMEA", "REGISTERED");
        String ada = Tokens.partnerUser("ada", partner);
        String threadId = thread(ada, general, "DISCUSSION", "Spam?", "buy now");
        String postId = reply(ada, threadId, "more spam").statusCode(201).extract().path("id");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"locked\":true}")
                .put("/api/v1/threads/{id}/moderation", threadId).then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"9\"")
                .body("{\"locked\":true}").put("/api/v1/threads/{id}/moderation", threadId).then().statusCode(412);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"locked\":true,\"pinned\":true}")
                .put("/api/v1/threads/{id}/moderation", threadId).then().statusCode(200)
                .body("locked", equalTo(true)).body("pinned", equalTo(true));
        reply(ada, threadId, "let me in").statusCode(409);
        assertEquals(1, events(EventTypes.POST_CREATED, "threadId", threadId), "a refused reply publishes nothing");
        given().auth().oauth2(ada).queryParam("pinned", true).queryParam("spaceId", general).get("/api/v1/threads").then()
                .statusCode(200).body("items.id", hasItem(threadId));

        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .put("/api/v1/threads/{t}/posts/{p}/moderation", threadId, postId).then().statusCode(200);
        given().auth().oauth2(ada).get("/api/v1/threads/{t}/posts/{p}", threadId, postId).then().statusCode(404);
        given().auth().oauth2(ada).get("/api/v1/threads/{t}/posts", threadId).then().body("items.id", not(hasItem(postId)));

        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .put("/api/v1/threads/{id}/moderation", threadId).then().statusCode(200);
        given().auth().oauth2(ada).get("/api/v1/threads/{id}", threadId).then().statusCode(404);
        given().auth().oauth2(ada).queryParam("spaceId", general).get("/api/v1/threads").then()
                .body("items.id", not(hasItem(threadId)));
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{id}", threadId).then().statusCode(200)
                .body("hidden", equalTo(true));
    }

    @Test
    void aSuspendedPartnerSeesNothingAndAPartnerWithoutMembershipEither() {
        String general = space("{\"name\":\"Everyone\",\"kind\":\"GENERAL\"}");
        UUID partner = Community.member(PROGRAM, "EMEA", "PLATINUM");
        Community.suspend(partner);
        String token = Tokens.partnerUser("sus", partner);
        given().auth().oauth2(token).get("/api/v1/spaces/{id}", general).then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/spaces").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.partnerUser("nobody", UUID.randomUUID())).get("/api/v1/threads").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void discussionOperationsRefuseWhoMayNot() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/threads").then().statusCode(401);
        given().auth().oauth2(Tokens.roleless()).get("/api/v1/threads").then().statusCode(403);
        given().auth().oauth2(Tokens.roleless()).get("/api/v1/spaces").then().statusCode(403);
        given().auth().oauth2(Tokens.partnerAdmin("pa", UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"GENERAL\"}").post("/api/v1/spaces").then().statusCode(403);
        given().auth().oauth2(TokensIntegrator.token()).contentType(ContentType.JSON).body("{\"body\":\"x\"}")
                .post("/api/v1/threads/{id}/posts", id).then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{id}/posts", "not-a-uuid").then().statusCode(400);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"spaceId\":\"" + id
                + "\",\"kind\":\"QUESTION\",\"title\":\"t\",\"body\":\"b\"}").post("/api/v1/threads").then().statusCode(404);
    }

    /** An integrator reads but does not write in the community. */
    static final class TokensIntegrator {
        static String token() {
            return io.consort.testkit.TestTokens.user("crm-sync", "integrator").sign();
        }
    }
}
