package io.consort.integration.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscription patterns over the catalogue. */
class EventTypePatternTest {

    @Test
    void anExactNameMatchesEveryVersionOfThatTypeOnly() {
        EventTypePattern won = EventTypePattern.parse("deal.won");
        assertTrue(won.matches("consort.deal.won.v1"));
        assertTrue(won.matches("consort.deal.won.v2"));
        assertFalse(won.matches("consort.deal.lost.v1"));
        assertFalse(won.matches("consort.deal.won-big.v1"));
    }

    @Test
    void aWildcardMatchesAnEntitysTypes() {
        EventTypePattern deals = EventTypePattern.parse("deal.*");
        assertTrue(deals.matches("consort.deal.won.v1"));
        assertTrue(deals.matches("consort.deal.registered.v1"));
        assertFalse(deals.matches("consort.lead.accepted.v1"));
        assertFalse(deals.matches("consort.dealer.won.v1"));
    }

    @Test
    void aStarMatchesEveryCatalogueTypeButNeverThePing() {
        EventTypePattern all = EventTypePattern.parse("*");
        EventCatalogue.types().forEach(type -> assertTrue(all.matches(type), type));
        assertFalse(all.matches(EventTypePattern.PING_TYPE));
    }

    @Test
    void theRegexMeansTheSameToPostgresqlAsToJava() {
        // The replay runs it in PostgreSQL (~): plain anchors, classes and quantifiers only.
        String regex = EventTypePattern.parse("deal.*").regex();
        assertTrue(Pattern.matches("[\\^$a-z0-9\\\\.\\[\\]*+-]+", regex), regex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "deal", "deal.", ".won", "deal.won.v1", "consort.deal.won.v1", "Deal.won", "deal.w*n",
            "**", "deal.*.*", "deal.won;drop", "deal.(won)", "webhook.ping", "deal.wonn", "nothing.*"})
    void anythingElseIsRefusedWithTheReason(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EventTypePattern.parse(text));
        assertFalse(refused.getMessage().isBlank());
    }

    @Test
    void theCatalogueIsEventsMdsWholeList() {
        assertTrue(EventCatalogue.types().contains("consort.partner.activated.v1"));
        assertTrue(EventCatalogue.types().contains("consort.deal.won.v1"));
        assertTrue(EventCatalogue.types().contains("consort.incentive.accrued.v1"));
        assertTrue(EventCatalogue.types().size() >= 40, "catalogue: " + EventCatalogue.types().size());
    }
}
