package io.consort.recruitment.onboarding;

import io.consort.chassis.security.PartnerScope;
import io.consort.recruitment.support.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One partner's onboarding checklist: a copy of its program's plan taken when the partner started
 * onboarding, so editing the plan later never moves a partner's goalposts. It is complete once every
 * required task is done, which is what activates the partner; a plan without required tasks is complete
 * from the start. Tasks are one small jsonb value, always read and written whole under the row's lock.
 */
@Entity
@Table(name = "onboarding_checklists")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class OnboardingChecklist {

    @Id
    @Column(name = "partner_id")
    private UUID partnerId;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "plan_version")
    private Long planVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<ChecklistTask> tasks;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected OnboardingChecklist() {
        // for JPA
    }

    /**
     * The checklist of a partner that starts onboarding now with {@code plan}; {@code planVersion} is the
     * version of the program's stored plan, {@code null} for the default plan.
     */
    public static OnboardingChecklist start(UUID partnerId, UUID programId, Long planVersion, List<PlanTask> plan,
            Instant now) {
        OnboardingChecklist c = new OnboardingChecklist();
        c.partnerId = Objects.requireNonNull(partnerId);
        c.programId = Objects.requireNonNull(programId);
        c.planVersion = planVersion;
        c.tasks = plan.stream().map(ChecklistTask::open).toList();
        c.startedAt = Objects.requireNonNull(now);
        if (c.progress().requiredAllDone()) {
            c.completedAt = now;
        }
        return c;
    }

    /** What one completion did: the task as it is now, and whether it completed the checklist. */
    public record Completion(ChecklistTask task, boolean completedChecklist) {
    }

    /**
     * Marks a task done by hand. Who may do it is the caller's business ({@link TaskKind#mayBeCompletedBy});
     * this refuses what nobody may: a training task (done by passing the module) and a task already done.
     *
     * @throws java.util.NoSuchElementException when the checklist has no such task
     */
    public Completion completeByHand(UUID taskId, String by, Instant now) {
        ChecklistTask task = task(taskId).orElseThrow();
        if (!task.kind().completableByHand()) {
            throw new IllegalTransitionException("task " + taskId + " is done when the training module "
                    + task.trainingModuleId() + " is passed; it cannot be completed by hand");
        }
        if (task.isDone()) {
            throw new IllegalTransitionException("task " + taskId + " was already completed at " + task.completedAt());
        }
        return complete(task, by, now);
    }

    /** Completes the open training task for {@code moduleId}, if the checklist has one. */
    public Optional<Completion> completeTraining(UUID moduleId, String by, Instant now) {
        return tasks.stream()
                .filter(t -> !t.isDone() && moduleId.equals(t.trainingModuleId()))
                .findFirst()
                .map(t -> complete(t, by, now));
    }

    private Completion complete(ChecklistTask task, String by, Instant now) {
        ChecklistTask done = task.done(by, now);
        List<ChecklistTask> next = new ArrayList<>(tasks);
        next.set(tasks.indexOf(task), done);
        // A new list, so the change of a jsonb value is seen however Hibernate compares it.
        tasks = List.copyOf(next);
        boolean completes = completedAt == null && progress().requiredAllDone();
        if (completes) {
            completedAt = now;
        }
        return new Completion(done, completes);
    }

    public Optional<ChecklistTask> task(UUID taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    public Progress progress() {
        return Progress.of(tasks);
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public UUID programId() {
        return programId;
    }

    public Long planVersion() {
        return planVersion;
    }

    public List<ChecklistTask> tasks() {
        return tasks;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public long version() {
        return version;
    }
}
