package io.consort.contracts;

import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.ApplicationRejected;
import io.consort.contracts.events.ApplicationSubmitted;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.PartnerUserAdded;
import io.consort.contracts.events.ProgramCreated;
import io.consort.contracts.events.ProspectImported;
import java.util.List;
import java.util.Optional;

/** The event types in use, by topic. Add a type here together with its payload record and schema. */
public final class EventTypes {

    public static final EventType<ProgramCreated> PROGRAM_CREATED =
            new EventType<>(Topics.PARTNERS, "program", "consort.program.created.v1", ProgramCreated.class);
    public static final EventType<ProspectImported> PROSPECT_IMPORTED =
            new EventType<>(Topics.PARTNERS, "prospect", "consort.prospect.imported.v1", ProspectImported.class);
    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.submitted.v1", ApplicationSubmitted.class);
    public static final EventType<ApplicationApproved> APPLICATION_APPROVED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.approved.v1", ApplicationApproved.class);
    public static final EventType<ApplicationRejected> APPLICATION_REJECTED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.rejected.v1", ApplicationRejected.class);
    public static final EventType<PartnerOnboardingStarted> PARTNER_ONBOARDING_STARTED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.onboarding-started.v1", PartnerOnboardingStarted.class);
    public static final EventType<PartnerUserAdded> PARTNER_USER_ADDED =
            new EventType<>(Topics.PARTNERS, "partner-user", "consort.partner.user-added.v1", PartnerUserAdded.class);

    public static final List<EventType<?>> ALL = List.of(
            PROGRAM_CREATED, PROSPECT_IMPORTED, APPLICATION_SUBMITTED, APPLICATION_APPROVED, APPLICATION_REJECTED,
            PARTNER_ONBOARDING_STARTED, PARTNER_USER_ADDED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return ALL.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
