package io.consort.recruitment.training;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Narrowed to the caller's partners by the partner-scope filter on {@link Completion}. */
@ApplicationScoped
public class CompletionRepository implements PanacheRepositoryBase<Completion, UUID> {
}
