package io.consort.recruitment.application;

import io.consort.recruitment.support.Websites;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.ApplicationRejected;
import io.consort.contracts.events.ApplicationSubmitted;
import io.consort.recruitment.partner.NewPartner;
import io.consort.recruitment.partner.PartnerLifecycle;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.Timestamps;
import io.consort.recruitment.user.PartnerUserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ApplicationService {

    /** Who an applicant's own actions are recorded as: applicants have no account. */
    static final String APPLICANT = "applicant";

    @Inject
    ApplicationRepository applications;

    @Inject
    ProgramService programs;

    @Inject
    PartnerLifecycle partners;

    @Inject
    Outbox outbox;

    @Inject
    PartnerUserService partnerUsers;

    /** A stored application and the withdraw token, which exists only in this answer. */
    public record Submission(Application application, String withdrawToken) {
    }

    @Transactional
    public Submission submit(ApplicationRequest request) {
        Program program = programs.require(request.programId());
        if (!program.acceptingApplications()) {
            throw Problems.unprocessable("program '" + program.name() + "' is not accepting applications");
        }
        PartnerType type = program.typeFor(request.partnerType(), "partnerType");
        String domain = Websites.domainOf(request.website())
                .orElseThrow(() -> Problems.invalidField("website", "must be the company's website or domain"));
        String token = WithdrawTokens.issue();
        Instant now = Timestamps.now();
        Application application = Application.submit(UUID.randomUUID(), program.id(),
                new Application.Applicant(request.companyName().strip(), request.website().strip(), domain,
                        blankToNull(request.contactName()), request.contactEmail().strip(), request.region(),
                        blankToNull(request.message())),
                type, WithdrawTokens.hash(token), now);
        applications.persist(application);
        outbox.emit(EventTypes.APPLICATION_SUBMITTED, application.id(), null, new ApplicationSubmitted(
                application.id(), program.id(), application.companyName(), application.region(), now));
        return new Submission(application, token);
    }

    /**
     * Approves the application and creates its partner in {@code ONBOARDING}, in one transaction with
     * both events, so no partner exists without its events and no event without its partner.
     */
    @Transactional
    public Application approve(UUID id, String ifMatch, String reviewer) {
        Application application = forDecision(id, ifMatch);
        UUID partnerId = UUID.randomUUID();
        Instant now = Timestamps.now();
        application.approve(partnerId, reviewer, now);
        // The program may have stopped recruiting the type since the application came in: the type rule
        // (the program's) is asked again, so approval never makes a partner of a type its program refuses
        // (422; the transaction, the approval with it, rolls back). The program's row stays share-locked until
        // the partner is in, so a revision cannot drop the type in between.
        PartnerType type = programs.requireForReference(application.programId())
                .typeFor(application.partnerType(), "partnerType");
        outbox.emit(EventTypes.APPLICATION_APPROVED, application.id(), partnerId, new ApplicationApproved(
                application.id(), application.programId(), partnerId, reviewer, now));
        partners.onboard(new NewPartner(partnerId, application.programId(), application.id(),
                application.companyName(), type, application.region(), application.domain(),
                application.website()),
                reviewer, now);
        partnerUsers.addFirstAdmin(partnerId, application.contactName(), application.contactEmail(), reviewer, now);
        return application;
    }

    @Transactional
    public Application reject(UUID id, String ifMatch, String reason, String reviewer) {
        Application application = forDecision(id, ifMatch);
        Instant now = Timestamps.now();
        application.reject(reason, reviewer, now);
        outbox.emit(EventTypes.APPLICATION_REJECTED, application.id(), null, new ApplicationRejected(
                application.id(), application.programId(), application.decisionReason(), reviewer, now));
        return application;
    }

    /**
     * Withdraws on behalf of the applicant ({@code onBehalfBy} a vendor-side caller) or for whoever holds
     * the withdraw token; anyone else learns nothing, not even that the application exists.
     */
    @Transactional
    public Application withdraw(UUID id, String ifMatch, String withdrawToken, String onBehalfBy) {
        Application application = forApplicant(id, ifMatch, withdrawToken, onBehalfBy);
        application.withdraw(onBehalfBy == null ? APPLICANT : onBehalfBy, Timestamps.now());
        return application;
    }

    @Transactional
    public Application startReview(UUID id, String ifMatch) {
        Application application = forDecision(id, ifMatch);
        application.startReview(Timestamps.now());
        return application;
    }

    @Transactional
    public Application requestInfo(UUID id, String ifMatch, String question, String reviewer) {
        Application application = forDecision(id, ifMatch);
        application.requestInfo(question, reviewer, Timestamps.now());
        return application;
    }

    /** The applicant's answer, authorised like {@link #withdraw}: its token, or a vendor-side caller on its behalf. */
    @Transactional
    public Application provideInfo(UUID id, String ifMatch, String answer, String withdrawToken, String onBehalfBy) {
        Application application = forApplicant(id, ifMatch, withdrawToken, onBehalfBy);
        application.provideInfo(answer, onBehalfBy == null ? APPLICANT : onBehalfBy, Timestamps.now());
        return application;
    }

    public Application get(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> Problems.notFound("application", id));
    }

    /** Applications in {@code sort} order; {@code signal}, when given, keeps those that raise it now. */
    public Page<Application> list(PageRequest page, Sort sort, UUID programId, ApplicationState state,
            VettingSignal signal) {
        KeysetQuery<Application> query = KeysetQuery.of(Application.class).keys("submittedAt", "id").sort(sort)
                .whereEqual("programId", programId)
                .whereEqual("state", state);
        if (signal != null) {
            query.where(signal.condition(), signal.parameters());
        }
        return query.fetch(page, Application::submittedAt, Application::id);
    }

    private Application forDecision(UUID id, String ifMatch) {
        Application application = applications.findForDecision(id)
                .orElseThrow(() -> Problems.notFound("application", id));
        ETags.requireMatch(ifMatch, application.version());
        return application;
    }

    /**
     * The application for an action of the applicant's: without {@code onBehalfBy}, only the holder of
     * its withdraw token gets it; anyone else learns nothing, not even that it exists.
     */
    private Application forApplicant(UUID id, String ifMatch, String withdrawToken, String onBehalfBy) {
        Application application = applications.findForDecision(id)
                .orElseThrow(() -> Problems.notFound("application", id));
        if (onBehalfBy == null
                && (withdrawToken == null || !application.withdrawableWith(WithdrawTokens.hash(withdrawToken)))) {
            throw Problems.notFound("application", id);
        }
        ETags.requireMatch(ifMatch, application.version());
        return application;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
