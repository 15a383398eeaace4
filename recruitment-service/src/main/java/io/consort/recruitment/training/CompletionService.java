package io.consort.recruitment.training;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.TrainingCompleted;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CompletionService {

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    EnrolmentService enrolmentService;

    @Inject
    CompletionRepository completions;

    @Inject
    CertificationRepository certifications;

    @Inject
    TrainingModuleService modules;

    @Inject
    Trainees trainees;

    @Inject
    Outbox outbox;

    @Inject
    Event<TrainingPassed> passed;

    /** An attempt as recorded: the completion and the certification it earned, or {@code null}. */
    public record Recorded(Completion completion, Certification certification) {
    }

    /**
     * Records an attempt with {@code training.completed}; a pass of a certifying module earns its
     * certification ({@code certification.earned}), and a pass tells whoever waits for it
     * ({@link TrainingPassed}: onboarding's training tasks) in this same transaction.
     */
    @Transactional
    public Recorded record(CompletionRequest request, String by) {
        if ((request.enrolmentId() == null) == (request.moduleId() == null)) {
            throw Problems.invalidField("enrolmentId", "give either enrolmentId or moduleId");
        }
        Instant now = Timestamps.now();
        Enrolment enrolment;
        TrainingModule module;
        if (request.enrolmentId() != null) {
            if (request.partnerId() != null || request.userId() != null) {
                throw Problems.invalidField("enrolmentId", "names the person already; leave out partnerId and userId");
            }
            enrolment = enrolments.findForAttempt(request.enrolmentId())
                    .orElseThrow(() -> Problems.notFound("enrolment", request.enrolmentId()));
            trainees.requireSelfOrVendor(enrolment);
            trainees.requireInTraining(enrolment.partnerId());
            module = modules.get(enrolment.moduleId());
        } else {
            Trainees.Person person = trainees.named(request.partnerId(), request.userId());
            module = modules.requireNamed(request.moduleId());
            enrolment = enrolmentService.forAttempt(person, module, by, now);
        }

        Completion completion = Completion.record(UUID.randomUUID(), enrolment, module, request.score(), by, now);
        completions.persist(completion);
        outbox.emit(EventTypes.TRAINING_COMPLETED, completion.id(), completion.partnerId(), new TrainingCompleted(
                completion.id(), enrolment.id(), completion.partnerId(), completion.userId(), module.id(),
                completion.score(), completion.passingScore(), completion.passed(), now));

        Certification certification = Certification.earnedBy(UUID.randomUUID(), completion, module).orElse(null);
        if (certification != null) {
            certifications.persist(certification);
            outbox.emit(EventTypes.CERTIFICATION_EARNED, certification.id(), certification.partnerId(),
                    new CertificationEarned(certification.id(), certification.partnerId(), certification.userId(),
                            module.id(), completion.id(), certification.name(), certification.expiresAt(), now));
        }
        if (completion.passed()) {
            passed.fire(new TrainingPassed(completion.partnerId(), completion.userId(), module.id(), completion.id(), now));
        }
        return new Recorded(completion, certification);
    }

    /** The completion with the certification it earned, or 404 (also for another partner's). */
    public Recorded get(UUID id) {
        Completion completion = completions.findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("completion", id));
        return new Recorded(completion, certifications.findByCompletion(id).orElse(null));
    }
}
