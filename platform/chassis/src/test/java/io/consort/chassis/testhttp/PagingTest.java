package io.consort.chassis.testhttp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "admin", roles = "prm-admin")
class PagingTest {

    @Inject
    TestRows rows;

    @Test
    void pagesWalkAllRowsInCreationOrderWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID partner = UUID.randomUUID();
        List<UUID> sameInstant = new ArrayList<>(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        List<UUID> expected = new ArrayList<>();
        expected.add(rows.widget(partner, tag, base.minusSeconds(10)));
        // Three rows created at the same instant: only the id breaks the tie.
        for (UUID id : sameInstant) {
            rows.widget(id, partner, tag, base);
        }
        expected.addAll(sameInstant);
        expected.add(rows.widget(partner, tag, base.plusSeconds(10)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("name", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/test/widgets").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(3, pages);
        // The tie among equal timestamps is broken by PostgreSQL's uuid order (unsigned bytes), which
        // java.util.UUID.compareTo (signed) does not reproduce: take the expected order from the database.
        List<String> dbOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dbOrder.add(rows.string("select id::text from test_widget where name = ? order by created_at, id offset "
                    + i + " limit 1", tag));
        }
        assertEquals(dbOrder, seen);
        assertEquals(expected.stream().map(UUID::toString).sorted().toList(), seen.stream().sorted().toList());
        assertEquals(expected.get(0).toString(), seen.get(0));
        assertEquals(expected.get(4).toString(), seen.get(4));
    }

    @Test
    void lastPageHasNoCursorAndDefaultLimitApplies() {
        String tag = "page-" + UUID.randomUUID();
        rows.widget(UUID.randomUUID(), tag, Instant.now());
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        given().queryParam("name", tag).queryParam("limit", 1).get("/test/widgets").then().statusCode(200)
                .body("nextCursor", nullValue());
    }

    @Test
    void cursorOfAPageContinuesAfterItsLastItem() {
        String tag = "page-" + UUID.randomUUID();
        Instant t = Instant.now();
        rows.widget(UUID.randomUUID(), tag, t);
        UUID second = rows.widget(UUID.randomUUID(), tag, t.plusSeconds(1));
        String cursor = given().queryParam("name", tag).queryParam("limit", 1).get("/test/widgets").then()
                .statusCode(200).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("name", tag).queryParam("limit", 1).queryParam("cursor", cursor).get("/test/widgets")
                .then().statusCode(200).body("items[0].id", equalTo(second.toString())).body("nextCursor", nullValue());
    }

    @Test
    void badCursorAnswers400Problem() {
        given().queryParam("cursor", "definitely-not-ours").get("/test/widgets").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void limitOutsideOneToTwoHundredAnswers400Problem() {
        for (int limit : new int[] {0, 201, -5}) {
            given().queryParam("limit", limit).get("/test/widgets").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("limit", "many").get("/test/widgets").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 200).get("/test/widgets").then().statusCode(200);
    }
}
