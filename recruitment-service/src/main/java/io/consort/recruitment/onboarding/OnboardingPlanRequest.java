package io.consort.recruitment.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/programs/{id}/onboarding-plan}: the whole ordered checklist. */
@Schema(name = "OnboardingPlanRequest", example = """
        {"tasks": [
          {"kind": "ACCEPT_AGREEMENT", "title": "Accept the reseller agreement", "required": true},
          {"kind": "COMPLETE_PROFILE", "title": "Complete your profile", "required": true},
          {"kind": "COMPLETE_TRAINING", "title": "Finish Product Basics", "required": true,
           "trainingModuleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"},
          {"kind": "CUSTOM", "title": "Book a kick-off call", "description": "Pick a slot with your channel manager",
           "required": false}]}""")
public record OnboardingPlanRequest(
        @NotNull @Size(max = PlanRules.MAX_TASKS) List<@NotNull @Valid TaskBody> tasks) {

    @Schema(name = "OnboardingTaskRequest", description = "One task. Give the id read from the plan to keep a task's "
            + "identity across edits; a task without one gets a new id. required defaults to true.", example = """
            {"kind": "COMPLETE_TRAINING", "title": "Finish Product Basics", "required": true,
             "trainingModuleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"}""")
    public record TaskBody(
            UUID id,
            @NotNull TaskKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            Boolean required,
            @Schema(description = "The module a COMPLETE_TRAINING task asks to pass; only those tasks name one.")
            UUID trainingModuleId) {
    }
}
