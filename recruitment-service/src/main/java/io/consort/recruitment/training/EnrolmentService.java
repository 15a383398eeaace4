package io.consort.recruitment.training;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class EnrolmentService {

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    TrainingModuleService modules;

    @Inject
    Trainees trainees;

    @Inject
    CallerScope caller;

    /** Enrols the person the request means (see {@link Trainees#named}); once per person and module (else 409). */
    @Transactional
    public Enrolment enrol(EnrolmentRequest request, String by) {
        Trainees.Person person = trainees.named(request.partnerId(), request.userId());
        TrainingModule module = modules.requireNamed(request.moduleId());
        if (enrolments.exists(person.partnerId(), person.userId(), module.id())) {
            throw Problems.conflict("user " + person.userId() + " is already enrolled in module " + module.id());
        }
        return enrol(person, module, by, Timestamps.now());
    }

    /** The person's enrolment in the module, row-locked, made now if there is none yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    Enrolment forAttempt(Trainees.Person person, TrainingModule module, String by, Instant now) {
        return enrolments.findForAttempt(person.partnerId(), person.userId(), module.id())
                .orElseGet(() -> enrol(person, module, by, now));
    }

    private Enrolment enrol(Trainees.Person person, TrainingModule module, String by, Instant now) {
        Enrolment enrolment = new Enrolment(UUID.randomUUID(), person.partnerId(), person.userId(), module.id(), by, now);
        enrolments.persist(enrolment);
        return enrolment;
    }

    /** The enrolment, or 404 when it does not exist or belongs to a partner the caller may not see. */
    public Enrolment get(UUID id) {
        return enrolments.findByIdOptional(id).orElseThrow(() -> Problems.notFound("enrolment", id));
    }

    public Page<Enrolment> list(PageRequest page, UUID partnerId, String userId, UUID moduleId, EnrolmentState state) {
        if (partnerId != null) {
            caller.requirePartnerAccess(partnerId);
        }
        return KeysetQuery.of(Enrolment.class).keys("enrolledAt", "id")
                .whereEqual("partnerId", partnerId)
                .whereEqual("userId", userId == null || userId.isBlank() ? null : userId.strip())
                .whereEqual("moduleId", moduleId)
                .whereEqual("state", state)
                .fetch(page, Enrolment::enrolledAt, Enrolment::id);
    }
}
