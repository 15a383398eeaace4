package io.consort.recruitment.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program's onboarding plan as the API shows it; {@code defaultPlan} when the program has not stored one. */
@Schema(name = "OnboardingPlan", example = """
        {"programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d", "defaultPlan": false,
         "tasks": [
           {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "kind": "ACCEPT_AGREEMENT",
            "title": "Accept the reseller agreement", "description": null, "required": true, "trainingModuleId": null},
           {"id": "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a", "kind": "COMPLETE_TRAINING",
            "title": "Finish Product Basics", "description": null, "required": true,
            "trainingModuleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"}],
         "version": 2, "updatedAt": "2026-01-05T09:30:00Z", "updatedBy": "manager"}""")
public record OnboardingPlanResponse(UUID programId, boolean defaultPlan, List<Task> tasks,
        @Schema(nullable = true) Long version,
        @Schema(nullable = true) Instant updatedAt, @Schema(nullable = true) String updatedBy) {

    static OnboardingPlanResponse from(OnboardingPlan plan) {
        return new OnboardingPlanResponse(plan.programId(), false, plan.tasks().stream().map(Task::from).toList(),
                plan.version(), plan.updatedAt(), plan.updatedBy());
    }

    static OnboardingPlanResponse defaultFor(UUID programId) {
        return new OnboardingPlanResponse(programId, true,
                OnboardingPlan.defaultTasks(programId).stream().map(Task::from).toList(), null, null, null);
    }

    @Schema(name = "OnboardingPlanTask", example = """
            {"id": "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a", "kind": "COMPLETE_TRAINING",
             "title": "Finish Product Basics", "description": null, "required": true,
             "trainingModuleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"}""")
    public record Task(UUID id, TaskKind kind, String title, @Schema(nullable = true) String description,
            boolean required,
            @Schema(nullable = true) UUID trainingModuleId) {

        static Task from(PlanTask t) {
            return new Task(t.id(), t.kind(), t.title(), t.description(), t.required(), t.trainingModuleId());
        }
    }
}
