package io.consort.recruitment.partner;

import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.PartnerProfileUpdated;
import java.time.Instant;
import java.util.List;

/** The payloads of the partner events that carry the profile, built the same way by every writer. */
final class PartnerEvents {

    private PartnerEvents() {
    }

    static PartnerOnboardingStarted onboardingStarted(Partner p, Instant now) {
        return new PartnerOnboardingStarted(p.id(), p.programId(), p.name(), p.type().name(), p.region(),
                p.specialisations(), p.industries(), p.website(), p.domain(), p.parentPartnerId(),
                p.listedInDirectory(), now);
    }

    static PartnerActivated activated(Partner p, String by, Instant now) {
        return new PartnerActivated(p.id(), p.programId(), p.name(), p.type().name(), p.region(),
                p.specialisations(), p.industries(), p.website(), p.domain(), p.parentPartnerId(),
                p.listedInDirectory(), by, now);
    }

    static PartnerProfileUpdated profileUpdated(Partner p, List<String> changed, String by, Instant now) {
        return new PartnerProfileUpdated(p.id(), p.programId(), changed, p.name(), p.type().name(), p.region(),
                p.website(), p.specialisations(), p.industries(), p.parentPartnerId(), p.listedInDirectory(), by, now);
    }
}
