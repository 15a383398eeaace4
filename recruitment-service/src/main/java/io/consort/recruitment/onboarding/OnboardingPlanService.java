package io.consort.recruitment.onboarding;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problem;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.recruitment.partner.PartnerRepository;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.Timestamps;
import io.consort.recruitment.training.TrainingModule;
import io.consort.recruitment.training.TrainingModuleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class OnboardingPlanService {

    @Inject
    OnboardingPlanRepository plans;

    @Inject
    ProgramService programs;

    @Inject
    PartnerRepository partners;

    @Inject
    TrainingModuleService modules;

    @Inject
    CallerScope caller;

    /** A plan as read: the stored one, or the default of a program that has none. */
    public record Plan(UUID programId, Optional<OnboardingPlan> stored) {
    }

    /** A plan as written, and whether this write created it. */
    public record Saved(OnboardingPlan plan, boolean created) {
    }

    /**
     * The program's plan. Partner-side callers read only the plan of a program one of their partners is in;
     * any other program answers 404, as if it did not exist.
     */
    public Plan get(UUID programId) {
        Program program = programs.get(programId);
        // The partner-scope filter narrows this count to the caller's own partners.
        if (caller.isRestricted() && partners.count("programId", program.id()) == 0) {
            throw Problems.notFound("program", programId);
        }
        return new Plan(program.id(), plans.findByIdOptional(program.id()));
    }

    /**
     * Replaces the program's plan (creating it the first time). Partners already onboarding keep the
     * checklist they started with. {@code If-Match} must name the stored version; on a program without a
     * stored plan any {@code If-Match} fails, since there is no version it could name.
     */
    @Transactional
    public Saved put(UUID programId, String ifMatch, OnboardingPlanRequest request, String by) {
        Program program = programs.get(programId);
        List<Problem.FieldError> errors = PlanRules.check(request.tasks());
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        Optional<OnboardingPlan> stored = plans.findByIdOptional(program.id(), LockModeType.PESSIMISTIC_WRITE);
        if (stored.isPresent()) {
            ETags.requireMatch(ifMatch, stored.get().version());
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw Problems.preconditionFailed("program " + programId + " has no stored onboarding plan for If-Match "
                    + ifMatch.trim() + " to match");
        }
        requireModulesExist(request);

        List<PlanTask> tasks = PlanRules.toTasks(request.tasks());
        Instant now = Timestamps.now();
        if (stored.isPresent()) {
            stored.get().replace(tasks, by, now);
            return new Saved(stored.get(), false);
        }
        OnboardingPlan plan = new OnboardingPlan(program.id(), tasks, by, now);
        plans.persist(plan);
        return new Saved(plan, true);
    }

    private void requireModulesExist(OnboardingPlanRequest request) {
        Set<UUID> named = request.tasks().stream().map(OnboardingPlanRequest.TaskBody::trainingModuleId)
                .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> found = modules.lockForReference(named).stream().map(TrainingModule::id).collect(Collectors.toSet());
        List<String> missing = named.stream().filter(id -> !found.contains(id)).map(UUID::toString).toList();
        if (!missing.isEmpty()) {
            throw Problems.unprocessable("training module(s) " + String.join(", ", missing) + " do not exist");
        }
    }
}
