package io.consort.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.Problem;
import io.consort.chassis.problem.ProblemException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    enum Colour { RED, GREEN, BLUE }

    @Test
    void aBlankOrMissingFilterIsNoFilter() {
        assertNull(QueryParams.uuid("partnerId", null));
        assertNull(QueryParams.uuid("partnerId", "  "));
        assertNull(QueryParams.enumValue("state", "", Colour.class));
        assertEquals(EnumSet.noneOf(Colour.class), QueryParams.enums("state", null, Colour.class));
        assertEquals(PageRequest.DEFAULT_LIMIT, QueryParams.limit(" "));
    }

    @Test
    void valuesAreReadWithSurroundingSpaceIgnored() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("partnerId", " " + id + " "));
        assertEquals(Colour.GREEN, QueryParams.enumValue("state", " GREEN", Colour.class));
        assertEquals(EnumSet.of(Colour.RED, Colour.GREEN, Colour.BLUE),
                QueryParams.enums("state", List.of("RED", "GREEN, BLUE,"), Colour.class));
        assertEquals(7, QueryParams.limit("7"));
    }

    @Test
    void aMalformedFilterIsA400NamingTheParameterAndTheChoices() {
        assertField(assertThrows(ProblemException.class, () -> QueryParams.uuid("partnerId", "42")),
                "partnerId", "must be a UUID");
        assertField(assertThrows(ProblemException.class, () -> QueryParams.enumValue("state", "red", Colour.class)),
                "state", "must be one of RED, GREEN, BLUE");
        assertField(assertThrows(ProblemException.class,
                () -> QueryParams.enums("state", List.of("RED,PURPLE"), Colour.class)), "state", "must be one of");
        assertField(assertThrows(ProblemException.class, () -> QueryParams.limit("many")), "limit", "between 1 and 200");
        assertEquals(400, assertThrows(ProblemException.class, () -> QueryParams.limit("201")).status());
    }

    private static void assertField(ProblemException e, String field, String message) {
        assertEquals(400, e.status());
        Problem.FieldError error = e.errors().get(0);
        assertEquals(field, error.field());
        assertTrue(error.message().contains(message), error.message());
    }
}
