package io.consort.recruitment.partner;

import java.time.Instant;

/**
 * Fired (CDI, synchronously, inside the creating transaction) when a partner starts onboarding, after its
 * {@code partner.onboarding-started} event: onboarding gives it its checklist in the same commit (and may
 * activate it at once). Partners thus need not know onboarding; a bulk upsert starts many partners with
 * {@link io.consort.recruitment.onboarding.OnboardingStarts} instead.
 */
public record PartnerStarted(Partner partner, String by, Instant at) {
}
