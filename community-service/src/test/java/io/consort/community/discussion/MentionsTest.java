package io.consort.community.discussion;

import static io.consort.community.discussion.DiscussionsTest.reply;
import static io.consort.community.discussion.DiscussionsTest.space;
import static io.consort.community.discussion.DiscussionsTest.thread;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.consort.community.Community;
import io.consort.community.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * @handle mentions in posts and threads' opening texts: stored, resolved to the person's member, rendered, and
 * listed for who they mention as far as it may see them.
 */
@QuarkusTest
class MentionsTest {

    static final String MINE = "/api/v1/members/me/mentions";

    @Test
    void mentionsResolveToMembersAndAreListedForTheMentionedMemberAsFarAsItSees() {
        String general = space("{\"name\":\"General\",\"kind\":\"GENERAL\"}");
        String lounge = space("{\"name\":\"Platinum\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"PLATINUM\"}}");
        UUID a = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        UUID b = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        String ada = Community.word();
        String bob = Community.word();
        String bea = Community.word();
        String adaToken = Tokens.partnerUser(ada, a);
        String bobToken = Tokens.partnerUser(bob, b);
        String beaToken = Tokens.partnerUser(bea, b);

        // bob has written before, bea has not: only bob resolves to member b at first.
        String threadId = thread(bobToken, general, "DISCUSSION", "Renewals", "How do renewals work?");
        String postId = reply(adaToken, threadId, "Ask @" + bea + " or @" + bob + ", not `@" + ada + "`").statusCode(201)
                .body("mentions", equalTo(java.util.List.of(bea, bob)))
                .body("bodyHtml", containsString("<span class=\"mention\" data-handle=\"" + bob + "\">@" + bob + "</span>"))
                .body("bodyHtml", containsString("<code>@" + ada + "</code>"))
                .extract().path("id");
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{t}/posts/{p}", threadId, postId).then()
                .statusCode(200)
                .body("mentionedMembers[0].handle", equalTo(bea)).body("mentionedMembers[0].partnerId", nullValue())
                .body("mentionedMembers[1].handle", equalTo(bob)).body("mentionedMembers[1].partnerId", equalTo(b.toString()));

        // A thread's opening text mentions as a post does (not in code); bea is not known yet.
        String opening = thread(adaToken, general, "DISCUSSION", "Welcome", "Welcome @" + bea + ", and `@" + ada + "`");
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{t}", opening).then().statusCode(200)
                .body("mentions", equalTo(java.util.List.of(bea)))
                .body("bodyHtml", containsString("<span class=\"mention\" data-handle=\"" + bea + "\">@" + bea + "</span>"))
                .body("mentionedMembers[0].handle", equalTo(bea)).body("mentionedMembers[0].partnerId", nullValue());

        // bea writes: her earlier mentions (in a post and in a thread's opening text) now resolve to b as well.
        reply(beaToken, threadId, "Here.").statusCode(201);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{t}/posts/{p}", threadId, postId).then()
                .body("mentionedMembers[0].partnerId", equalTo(b.toString()));
        given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{t}", opening).then()
                .body("mentionedMembers[0].partnerId", equalTo(b.toString()));
        given().auth().oauth2(Tokens.manager()).queryParam("spaceId", general).queryParam("limit", 200)
                .get("/api/v1/threads").then().statusCode(200)
                .body("items.find { it.id == '" + opening + "' }.mentionedMembers[0].partnerId", equalTo(b.toString()));
        // Its own member a may not see b's membership (not listed in the directory): the mention stays unresolved.
        given().auth().oauth2(adaToken).get("/api/v1/threads/{t}/posts/{p}", threadId, postId).then()
                .body("mentionedMembers[1].handle", equalTo(bob))
                .body("mentionedMembers[1].partnerId", equalTo(memberListed(b) ? b.toString() : null));

        // Mentions b cannot see: in a space its tier does not admit, a hidden post, a post in a hidden thread.
        // Threads' opening texts likewise: in that space, and a hidden thread.
        String vip = thread(Tokens.manager(), lounge, "DISCUSSION", "VIP", "Only platinum, @" + bob);
        String inLounge = reply(Tokens.manager(), vip, "cc @" + bob).statusCode(201).extract().path("id");
        String hidden = reply(Tokens.manager(), threadId, "psst @" + bea).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .put("/api/v1/threads/{t}/posts/{p}/moderation", threadId, hidden).then().statusCode(200);
        String hiddenThread = thread(Tokens.manager(), general, "DISCUSSION", "Soon hidden", "@" + bea + ", x");
        String inHiddenThread = reply(Tokens.manager(), hiddenThread, "@" + bob + " see this").statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .put("/api/v1/threads/{id}/moderation", hiddenThread).then().statusCode(200);

        for (String token : new String[] { bobToken, beaToken }) {
            given().auth().oauth2(token).queryParam("limit", 200).get(MINE).then().statusCode(200)
                    .body("items.id", equalTo(java.util.List.of(postId, opening)))
                    .body("items.kind", equalTo(java.util.List.of("POST", "THREAD")))
                    .body("items.threadId", equalTo(java.util.List.of(threadId, opening)))
                    .body("items[0].post.id", equalTo(postId)).body("items[0].thread", nullValue())
                    .body("items[1].thread.title", equalTo("Welcome")).body("items[1].post", nullValue())
                    .body("items[1].thread.mentionedMembers[0].partnerId", equalTo(b.toString()))
                    .body("items[1].thread.bodyHtml", containsString("data-handle=\"" + bea + "\""));
        }
        given().auth().oauth2(adaToken).get(MINE).then().statusCode(200).body("items", hasSize(0));

        // The vendor sees every post that mentions it; a member that loses its tier sees fewer.
        String toManager = reply(adaToken, threadId, "thanks @manager").statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.manager()).queryParam("limit", 200).get(MINE).then().statusCode(200)
                .body("items.id", hasItem(toManager)).body("items.id", not(hasItem(inLounge)));
        Community.setTier(b, "PLATINUM", java.time.Instant.now());
        given().auth().oauth2(bobToken).queryParam("limit", 200).get(MINE).then()
                .body("items.id", equalTo(java.util.List.of(postId, opening, vip, inLounge)))
                .body("items.id", not(hasItem(hiddenThread))).body("items.id", not(hasItem(inHiddenThread)));

        // An edit replaces the post's mentions.
        given().auth().oauth2(adaToken).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"body\":\"Ask @" + bea + "\"}").put("/api/v1/threads/{t}/posts/{p}", threadId, postId).then()
                .statusCode(200).body("mentions", equalTo(java.util.List.of(bea)))
                .body("mentionedMembers", hasSize(1));
    }

    @Test
    void mentionsAreForPeopleWithAMembershipOrTheVendor() {
        given().get(MINE).then().statusCode(401);
        given().auth().oauth2(Tokens.roleless()).get(MINE).then().statusCode(403);
        UUID suspended = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        Community.suspend(suspended);
        given().auth().oauth2(Tokens.partnerUser(Community.word(), suspended)).get(MINE).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(Tokens.manager()).queryParam("limit", 0).get(MINE).then().statusCode(400)
                .contentType("application/problem+json");
    }

    static boolean memberListed(UUID partner) {
        return Boolean.TRUE.equals(given().auth().oauth2(Tokens.manager()).get("/api/v1/members/{id}", partner).then()
                .statusCode(200).extract().path("listedInDirectory"));
    }
}
