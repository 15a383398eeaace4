package io.consort.recruitment.onboarding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OnboardingPlanRepository implements PanacheRepositoryBase<OnboardingPlan, UUID> {
}
