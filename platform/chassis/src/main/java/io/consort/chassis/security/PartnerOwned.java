package io.consort.chassis.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * Base of every entity that belongs to one partner (column {@code partner_id}). Extending it is the
 * whole job: partner-side callers then only ever load their own partners' rows, through lists and
 * find-by-id alike (see {@link PartnerScope}). Native SQL and bulk HQL updates/deletes are not filtered.
 */
@MappedSuperclass
@FilterDef(name = PartnerScope.FILTER, autoEnabled = true, applyToLoadByKey = true,
        defaultCondition = PartnerScope.CONDITION,
        parameters = {
                @ParamDef(name = PartnerScope.PARAM_ALL, type = Boolean.class, resolver = PartnerScope.AllResolver.class),
                @ParamDef(name = PartnerScope.PARAM_PARTNERS, type = UUID.class, resolver = PartnerScope.PartnersResolver.class)
        })
@Filter(name = PartnerScope.FILTER)
public abstract class PartnerOwned extends PanacheEntityBase {

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
}
