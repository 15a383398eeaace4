package io.consort.recruitment.partner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Every query through it is narrowed to the caller's partners by the chassis scope filter on {@link Partner}. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {
}
