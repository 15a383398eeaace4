package io.consort.recruitment.onboarding;

import io.consort.chassis.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A program's onboarding plan: the ordered tasks every partner of the program gets when it starts. */
@Entity
@Table(name = "onboarding_plans")
public class OnboardingPlan extends Audited {

    @Id
    @Column(name = "program_id")
    private UUID programId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<PlanTask> tasks;

    protected OnboardingPlan() {
        // for JPA
    }

    public OnboardingPlan(UUID programId, List<PlanTask> tasks, String by, Instant now) {
        this.programId = Objects.requireNonNull(programId);
        this.tasks = List.copyOf(tasks);
        created(by, now);
    }

    public void replace(List<PlanTask> tasks, String by, Instant now) {
        this.tasks = List.copyOf(tasks);
        changed(by, now);
    }

    /**
     * The plan of a program that has not stored one: accept the partner agreement and complete the profile,
     * both required. A partner therefore never becomes ACTIVE without anyone having acted, and never stays
     * ONBOARDING with nothing it could do about it. The ids are derived from the program, so the default
     * plan reads the same every time.
     */
    public static List<PlanTask> defaultTasks(UUID programId) {
        return List.of(
                new PlanTask(defaultId(programId, "accept-agreement"), TaskKind.ACCEPT_AGREEMENT,
                        "Accept the partner agreement", "Read and accept the program's partner agreement.", true,
                        null),
                new PlanTask(defaultId(programId, "complete-profile"), TaskKind.COMPLETE_PROFILE,
                        "Complete the partner profile",
                        "Give your regions, specialisations and contact details so customers and leads find you.",
                        true, null));
    }

    private static UUID defaultId(UUID programId, String task) {
        return UUID.nameUUIDFromBytes((programId + "/default-onboarding/" + task).getBytes(StandardCharsets.UTF_8));
    }

    public UUID programId() {
        return programId;
    }

    public List<PlanTask> tasks() {
        return tasks;
    }
}
