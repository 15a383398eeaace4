package io.consort.recruitment.training;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingModuleRepository implements PanacheRepositoryBase<TrainingModule, UUID> {

    /**
     * The modules among {@code ids} that exist, share-locked until commit: a plan naming them commits
     * before any of them can be deleted, and a delete that came first makes them missing here.
     */
    public List<TrainingModule> lockForReference(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_READ).list();
    }
}
