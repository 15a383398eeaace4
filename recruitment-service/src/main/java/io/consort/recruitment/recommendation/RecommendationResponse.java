package io.consort.recruitment.recommendation;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Recommendations", example = """
        {"programId": "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b", "profileVersion": 2, "prospectsScored": 1200,
         "items": [{"prospectId": "6a1f0c3e-9b2d-4e5f-8a7b-1c2d3e4f5a6b", "companyName": "Northwind Security",
                    "score": 80.0, "explanation": [
                      {"criterion": "regions", "points": 40.0, "maxPoints": 40, "reason": "+40 region EMEA matches"},
                      {"criterion": "specialisations", "points": 20.0, "maxPoints": 40,
                       "reason": "+20 specialisations: 1 of 2 wanted (CLOUD_SECURITY)"},
                      {"criterion": "companySize", "points": 20.0, "maxPoints": 20,
                       "reason": "+20 employee count 120 within 10–500"}]}]}""")
public record RecommendationResponse(UUID programId, long profileVersion, int prospectsScored, List<Item> items) {

    @Schema(name = "Recommendation", example = """
            {"prospectId": "6a1f0c3e-9b2d-4e5f-8a7b-1c2d3e4f5a6b", "companyName": "Northwind Security", "score": 60.0,
             "explanation": [{"criterion": "regions", "points": 40.0, "maxPoints": 40, "reason": "+40 region EMEA matches"},
                             {"criterion": "companySize", "points": 20.0, "maxPoints": 20,
                              "reason": "+20 employee count 120 within 10–500"}]}""")
    public record Item(UUID prospectId, String companyName, double score, List<Criterion> explanation) {
    }

    @Schema(name = "RecommendationCriterion", example = """
            {"criterion": "regions", "points": 40.0, "maxPoints": 40, "reason": "+40 region EMEA matches"}""")
    public record Criterion(String criterion, double points, int maxPoints, String reason) {
    }

    static RecommendationResponse of(UUID programId, long profileVersion, int scored,
            List<FitScorer.Recommendation> ranked) {
        return new RecommendationResponse(programId, profileVersion, scored, ranked.stream()
                .map(r -> new Item(r.prospectId(), r.companyName(), r.score(), r.explanation().stream()
                        .map(c -> new Criterion(c.criterion(), c.points(), c.maxPoints(), c.reason())).toList()))
                .toList());
    }
}
