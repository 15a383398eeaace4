package io.consort.recruitment.onboarding;

import io.consort.recruitment.partner.PartnerState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's onboarding checklist with each task's status and the progress towards activation. */
@Schema(name = "Onboarding", example = """
        {"partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "partnerState": "ONBOARDING", "planVersion": 2, "startedAt": "2026-01-06T10:00:00Z", "completedAt": null,
         "progress": {"requiredTasks": 2, "requiredTasksDone": 1, "totalTasks": 2, "tasksDone": 1,
                      "percentRequiredDone": 50},
         "tasks": [
           {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "kind": "ACCEPT_AGREEMENT",
            "title": "Accept the reseller agreement", "description": null, "required": true,
            "trainingModuleId": null, "status": "DONE", "completedAt": "2026-01-07T08:12:00Z",
            "completedBy": "dana"},
           {"id": "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a", "kind": "COMPLETE_TRAINING",
            "title": "Finish Product Basics", "description": null, "required": true,
            "trainingModuleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", "status": "OPEN",
            "completedAt": null, "completedBy": null}]}""")
public record OnboardingResponse(UUID partnerId, UUID programId, PartnerState partnerState,
        @Schema(nullable = true) Long planVersion,
        Instant startedAt, @Schema(nullable = true) Instant completedAt, Progress progress, List<Task> tasks) {

    static OnboardingResponse from(OnboardingChecklist c, PartnerState partnerState) {
        return new OnboardingResponse(c.partnerId(), c.programId(), partnerState, c.planVersion(), c.startedAt(),
                c.completedAt(), c.progress(), c.tasks().stream().map(Task::from).toList());
    }

    @Schema(name = "OnboardingTask", example = """
            {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "kind": "ACCEPT_AGREEMENT",
             "title": "Accept the reseller agreement", "description": null, "required": true,
             "trainingModuleId": null, "status": "DONE", "completedAt": "2026-01-07T08:12:00Z",
             "completedBy": "dana"}""")
    public record Task(UUID id, TaskKind kind, String title, @Schema(nullable = true) String description,
            boolean required,
            @Schema(nullable = true) UUID trainingModuleId, TaskStatus status,
                    @Schema(nullable = true) Instant completedAt, @Schema(nullable = true) String completedBy) {

        static Task from(ChecklistTask t) {
            return new Task(t.id(), t.kind(), t.title(), t.description(), t.required(), t.trainingModuleId(),
                    t.status(), t.completedAt(), t.completedBy());
        }
    }
}
