package io.consort.recruitment.recommendation;

import java.util.List;
import java.util.UUID;

/** What the fit score looks at of a prospect (and the name to show beside it). */
public record ProspectFacts(UUID id, String companyName, String region, List<String> industries,
        List<String> specialisations, Integer employeeCount, String revenueBand, List<String> certifications) {
}
