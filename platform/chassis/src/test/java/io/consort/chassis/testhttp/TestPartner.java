package io.consort.chassis.testhttp;

import io.consort.chassis.security.PartnerScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** An entity that IS a partner: scoped on its id, without extending PartnerOwned. */
@Entity
@Table(name = "test_partner")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION_ON_ID)
public class TestPartner extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
}
