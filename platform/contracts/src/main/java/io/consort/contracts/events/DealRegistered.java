package io.consort.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A partner registered a deal; {@code customerDomain} is the normalised domain the conflict rules compare. */
public record DealRegistered(UUID dealId, UUID partnerId, String customerName, String customerDomain, List<String> products,
        Money amount, LocalDate expectedCloseDate, UUID leadId, UUID campaignId, Instant occurredAt) {
}
