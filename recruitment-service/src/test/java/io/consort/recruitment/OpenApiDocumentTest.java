package io.consort.recruitment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryApiSchemaAnExample() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);

        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (String path : List.of("/api/v1/programs", "/api/v1/programs/{id}", "/api/v1/applications",
                "/api/v1/applications/{id}/approve", "/api/v1/applications/{id}/reject",
                "/api/v1/applications/{id}/withdraw", "/api/v1/partners", "/api/v1/partners/{id}",
                "/api/v1/programs/{id}/onboarding-plan", "/api/v1/partners/{id}/onboarding",
                "/api/v1/partners/{id}/onboarding/tasks/{taskId}/complete", "/api/v1/training/modules",
                "/api/v1/training/modules/{id}", "/api/v1/training/enrolments", "/api/v1/training/enrolments/{id}",
                "/api/v1/training/completions", "/api/v1/training/completions/{id}",
                "/api/v1/training/certifications", "/api/v1/training/certifications/{id}",
                "/api/v1/partners/{id}/suspend", "/api/v1/partners/{id}/reinstate", "/api/v1/partners/{id}/terminate",
                "/api/v1/partners/{id}/children", "/api/v1/partners/by-external-id/{system}/{externalId}",
                "/api/v1/partners/bulk", "/api/v1/partners/changes", "/api/v1/partner-directory")) {
            assertTrue(paths.containsKey(path), "documented: " + path);
        }
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && path.startsWith("/api/") && op.get("summary") == null) {
                missing.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), missing, "operations without a summary");

        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        List<String> withoutExample = new ArrayList<>();
        for (String name : List.of("ProgramRequest", "Program", "IdealProfile", "Criterion", "SizeCriterion",
                "ApplicationRequest", "ApplicationReceipt", "Application", "RejectRequest", "WithdrawRequest",
                "Partner", "OnboardingPlanRequest", "OnboardingTaskRequest", "OnboardingPlan", "OnboardingPlanTask",
                "Onboarding", "OnboardingTask", "OnboardingProgress", "TrainingModuleRequest",
                "TrainingCertificationTerms", "TrainingModule", "TrainingCertificationTermsView", "EnrolmentRequest",
                "Enrolment", "CompletionRequest", "Completion", "Certification",
                "Partner", "PartnerRequest", "PartnerReasonRequest", "PartnerChange", "PartnerChangePage",
                "BulkLineResult", "DirectoryEntry")) {
            Map<String, Object> schema = schemas.get(name);
            // OpenAPI 3.1 (what SmallRye writes) lists examples; 3.0 had a single example.
            if (schema == null || schema.get("examples") == null && schema.get("example") == null) {
                withoutExample.add(name);
            }
        }
        assertEquals(List.of(), withoutExample, "API schemas without an example");
    }
}
