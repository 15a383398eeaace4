package io.consort.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An approved deal was won: the revenue performance credits to the partner that registered it. */
public record DealWon(UUID dealId, UUID partnerId, String customerName, String customerDomain, List<String> products,
        Money amount, LocalDate closedOn, UUID leadId, UUID campaignId, Instant occurredAt) {
}
