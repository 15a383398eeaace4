package io.consort.recruitment.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /**
     * Loads the row with {@code SELECT ... FOR UPDATE}: two reviewers deciding at once then run one after
     * the other, and the second sees the first's decision (409) instead of failing at commit.
     */
    public Optional<Application> findForDecision(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
