package io.consort.recruitment.training;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Narrowed to the caller's partners by the partner-scope filter on {@link Certification}. */
@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    public Optional<Certification> findByCompletion(UUID completionId) {
        return find("completionId", completionId).firstResultOptional();
    }
}
