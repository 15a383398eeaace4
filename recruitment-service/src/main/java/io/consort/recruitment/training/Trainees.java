package io.consort.recruitment.training;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.recruitment.partner.Partner;
import io.consort.recruitment.partner.PartnerRepository;
import io.consort.recruitment.partner.PartnerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Whose training a call is about. A partner's people act on their own training only: the person is the
 * caller (token subject) and the partner its {@code partner_id}. A vendor-side caller acts on someone's
 * behalf and names both. Partner users are not stored here yet, so a vendor-named user id is taken as given.
 */
@ApplicationScoped
public class Trainees {

    /** A partner's person. */
    public record Person(UUID partnerId, String userId) {
    }

    @Inject
    CallerScope caller;

    @Inject
    Learner learner;

    @Inject
    PartnerRepository partners;

    /**
     * The person a request means: the caller, or for a vendor-side caller the one it names. A partner-side
     * caller naming another partner gets 404 (it may not learn that partner exists), another person 403.
     */
    public Person named(UUID partnerId, String userId) {
        if (caller.isVendorSide()) {
            if (partnerId == null) {
                throw Problems.invalidField("partnerId", "is required when acting on a partner's person's behalf");
            }
            if (userId == null || userId.isBlank()) {
                throw Problems.invalidField("userId", "is required when acting on a partner's person's behalf");
            }
            Partner partner = partners.findByIdOptional(partnerId)
                    .orElseThrow(() -> Problems.unprocessable("partner " + partnerId + " does not exist"));
            requireInTraining(partner);
            return new Person(partner.id(), userId.strip());
        }
        UUID own = caller.partnerId()
                .orElseThrow(() -> Problems.forbidden("only people of a partner (a partner_id claim) take training"));
        if (partnerId != null && !partnerId.equals(own)) {
            throw Problems.notFound("partner", partnerId);
        }
        String self = learner.userId();
        if (userId != null && !userId.strip().equals(self)) {
            throw Problems.forbidden("a partner's people record only their own training");
        }
        Partner partner = partners.findByIdOptional(own).orElseThrow(() -> Problems.notFound("partner", own));
        requireInTraining(partner);
        return new Person(own, self);
    }

    /** Partner-side callers may act on their own enrolments only (they see their colleagues', but not for them). */
    public void requireSelfOrVendor(Enrolment enrolment) {
        if (!caller.isVendorSide() && !enrolment.userId().equals(learner.userId())) {
            throw Problems.forbidden("enrolment " + enrolment.id() + " is someone else's; record your own training");
        }
    }

    /** Enrolments and attempts belong to partners in the program: onboarding or active, not suspended or gone. */
    public void requireInTraining(UUID partnerId) {
        requireInTraining(partners.findByIdOptional(partnerId)
                .orElseThrow(() -> Problems.notFound("partner", partnerId)));
    }

    private static void requireInTraining(Partner partner) {
        if (partner.state() != PartnerState.ONBOARDING && partner.state() != PartnerState.ACTIVE) {
            throw Problems.conflict("partner " + partner.id() + " is " + partner.state() + "; its people cannot train");
        }
    }
}
