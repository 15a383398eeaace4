package io.consort.performance.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Builds a partner's facts with the payload field names of docs/events.md. */
final class Facts {

    final UUID partner = UUID.randomUUID();
    private final List<Fact> facts = new ArrayList<>();

    ObjectNode add(String type, String at) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("partnerId", partner.toString()).put("occurredAt", at);
        facts.add(new Fact(UUID.randomUUID(), type, partner, Instant.parse(at), data));
        return data;
    }

    ObjectNode won(UUID deal, String amount, String currency, String closedOn, String at) {
        ObjectNode data = add(EventNames.DEAL_WON, at).put("dealId", deal.toString()).put("closedOn", closedOn);
        data.putObject("amount").put("amount", amount).put("currency", currency);
        return data;
    }

    ObjectNode certification(String userId, String at, String expiresAt) {
        ObjectNode data = add(EventNames.CERTIFICATION_EARNED, at).put("certificationId", UUID.randomUUID().toString())
                .put("userId", userId);
        if (expiresAt != null) {
            data.put("expiresAt", expiresAt);
        }
        return data;
    }

    /** Sorted by time, as the service hands them to the domain. */
    List<Fact> sorted() {
        return facts.stream().sorted(Comparator.comparing(Fact::occurredAt).thenComparing(Fact::eventId)).toList();
    }
}
