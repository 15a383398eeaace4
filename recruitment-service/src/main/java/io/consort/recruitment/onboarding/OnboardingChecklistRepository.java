package io.consort.recruitment.onboarding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Narrowed to the caller's partners by the partner-scope filter on {@link OnboardingChecklist}. */
@ApplicationScoped
public class OnboardingChecklistRepository implements PanacheRepositoryBase<OnboardingChecklist, UUID> {

    /**
     * The checklist row-locked, so two completions run one after the other and the one that completes the
     * last required task sees all the others (and activates the partner exactly once).
     */
    public Optional<OnboardingChecklist> findForUpdate(UUID partnerId) {
        return findByIdOptional(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }
}
