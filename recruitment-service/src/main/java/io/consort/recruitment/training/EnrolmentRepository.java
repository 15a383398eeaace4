package io.consort.recruitment.training;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Narrowed to the caller's partners by the partner-scope filter on {@link Enrolment}. */
@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

    /** The person's enrolment in the module, row-locked so attempts of one enrolment are recorded one at a time. */
    public Optional<Enrolment> findForAttempt(UUID partnerId, String userId, UUID moduleId) {
        return find("partnerId = ?1 and userId = ?2 and moduleId = ?3", partnerId, userId, moduleId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Enrolment> findForAttempt(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(UUID partnerId, String userId, UUID moduleId) {
        return count("partnerId = ?1 and userId = ?2 and moduleId = ?3", partnerId, userId, moduleId) > 0;
    }

    public boolean anyFor(UUID moduleId) {
        return count("moduleId", moduleId) > 0;
    }
}
