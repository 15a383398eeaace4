package io.consort.recruitment.onboarding;

import io.consort.recruitment.training.ModuleReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Plans and open checklist tasks that name a module keep it from being deleted. */
@ApplicationScoped
public class OnboardingModuleReferences implements ModuleReferences {

    // jsonb containment: an element of the tasks array with these fields (what PlanTask/ChecklistTask write).
    private static final String IN_PLANS = "select count(*) from onboarding_plans where tasks @> cast(?1 as jsonb)";
    private static final String IN_CHECKLISTS =
            "select count(*) from onboarding_checklists where tasks @> cast(?1 as jsonb)";

    @Inject
    EntityManager em;

    @Override
    public Optional<String> useOf(UUID moduleId) {
        long plans = count(IN_PLANS, "[{\"trainingModuleId\": \"" + moduleId + "\"}]");
        if (plans > 0) {
            return Optional.of(plans + " onboarding plan(s) ask partners to pass it");
        }
        long checklists = count(IN_CHECKLISTS,
                "[{\"trainingModuleId\": \"" + moduleId + "\", \"status\": \"OPEN\"}]");
        if (checklists > 0) {
            return Optional.of(checklists + " partner(s) still have to pass it to finish onboarding");
        }
        return Optional.empty();
    }

    private long count(String sql, String element) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, element).getSingleResult()).longValue();
    }
}
