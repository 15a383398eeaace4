package io.consort.campaign.campaign;

import io.consort.campaign.partner.Partner;
import io.consort.campaign.partner.PartnerRepository;
import io.consort.campaign.support.Timestamps;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CampaignPublished;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Campaigns: the vendor's drafts and their lifecycle; what a partner may see of them. */
@ApplicationScoped
public class CampaignService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    PartnerRepository partners;

    @Transactional
    public Campaign create(CampaignRequest body) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.state = CampaignState.DRAFT;
        campaign.createdAt = Timestamps.now();
        campaign.createdBy = caller.origin();
        apply(campaign, body);
        campaign.persist();
        em.flush();
        return campaign;
    }

    @Transactional
    public Campaign replace(UUID id, String ifMatch, CampaignRequest body) {
        Campaign campaign = get(id);
        ETags.requireIfMatch(ifMatch, campaign.version);
        campaign.requireDraft("edited");
        apply(campaign, body);
        em.flush();
        return campaign;
    }

    private static void apply(Campaign campaign, CampaignRequest body) {
        if (body.startsAt() != null && body.endsAt() != null && !body.endsAt().isAfter(body.startsAt())) {
            throw Problems.invalidField("endsAt", "must be after startsAt");
        }
        campaign.name = body.name().strip();
        campaign.description = body.description();
        campaign.channels = new ArrayList<>(body.channels() == null ? List.of()
                : body.channels().stream().distinct().map(Enum::name).toList());
        campaign.startsAt = body.startsAt();
        campaign.endsAt = body.endsAt();
        CampaignRequest.Targeting t = body.targeting() == null
                ? new CampaignRequest.Targeting(null, null, null, null, null) : body.targeting();
        campaign.targetTiers = new ArrayList<>(orEmpty(t.tiers()));
        campaign.targetMinTierRank = t.minTierRank();
        campaign.targetProgramIds = new ArrayList<>(orEmpty(t.programIds()));
        campaign.targetRegions = new ArrayList<>(orEmpty(t.regions()));
        campaign.targetSpecialisations = new ArrayList<>(orEmpty(t.specialisations()));
        campaign.budgetAmount = body.budget() == null ? null : body.budget().amount();
        campaign.budgetCurrency = body.budget() == null ? null : body.budget().currency();
        campaign.landingUrl = body.landingUrl().strip();
        campaign.assets = new ArrayList<>(body.assets());
        campaign.updatedAt = Timestamps.now();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Any campaign, for the vendor side; 404 when unknown. */
    public Campaign get(UUID id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw Problems.notFound("campaign", id);
        }
        return campaign;
    }

    /** The campaign if the caller may see it: a partner sees published ones it may enrol in, and those it enrolled in. */
    public Campaign getVisible(UUID id) {
        Campaign campaign = get(id);
        if (caller.isRestricted() && !visibleToPartner(campaign)) {
            throw Problems.notFound("campaign", id);
        }
        return campaign;
    }

    private boolean visibleToPartner(Campaign campaign) {
        Optional<Partner> partner = callerPartner();
        if (partner.isEmpty()) {
            return false;
        }
        boolean enrolled = !NativeQueries.column(em, UUID.class,
                "select id from enrolments where campaign_id = ? and partner_id = ?", campaign.id, partner.get().id()).isEmpty();
        return enrolled || campaign.admits(fit(partner.get()), Timestamps.now());
    }

    /** The caller's own partner in the view (partner-side callers). */
    public Optional<Partner> callerPartner() {
        return caller.partnerId().flatMap(partners::findByIdOptional);
    }

    public static Campaign.PartnerFit fit(Partner partner) {
        return new Campaign.PartnerFit(partner.isActive(), partner.programId(), partner.region(), partner.tier(),
                partner.tierRank(), partner.specialisations());
    }

    public Page<Campaign> list(Set<CampaignState> states, PageRequest page) {
        if (!caller.isRestricted()) {
            return states.isEmpty() ? KeysetQuery.of(Campaign.class).fetch(page, c -> c.createdAt, c -> c.id)
                    : KeysetQuery.of(Campaign.class).where("state in :states", Parameters.with("states", states))
                            .fetch(page, c -> c.createdAt, c -> c.id);
        }
        // A partner: published campaigns its facts admit, and every campaign it enrolled in (a tier
        // downgrade closes new enrolments, not existing ones). Campaigns are few; the check is the entity's.
        Optional<Partner> partner = callerPartner();
        if (partner.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Set<UUID> enrolled = Set.copyOf(NativeQueries.column(em, UUID.class,
                "select campaign_id from enrolments where partner_id = ?", partner.get().id()));
        Campaign.PartnerFit fit = fit(partner.get());
        Instant now = Timestamps.now();
        List<UUID> visible = Campaign.<Campaign>list("state in ?1", Set.of(CampaignState.PUBLISHED, CampaignState.COMPLETED))
                .stream().filter(c -> enrolled.contains(c.id) || c.admits(fit, now))
                .filter(c -> states.isEmpty() || states.contains(c.state)).map(c -> c.id).toList();
        if (visible.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return KeysetQuery.of(Campaign.class).where("id in :ids", Parameters.with("ids", visible))
                .fetch(page, c -> c.createdAt, c -> c.id);
    }

    @Transactional
    public Campaign publish(UUID id, String ifMatch) {
        Campaign campaign = get(id);
        ETags.requireMatch(ifMatch, campaign.version);
        Instant now = Timestamps.now();
        campaign.publish(now);
        outbox.emit(EventTypes.CAMPAIGN_PUBLISHED, campaign.id, null, new CampaignPublished(campaign.id, campaign.name,
                List.copyOf(campaign.targetProgramIds), List.copyOf(campaign.targetTiers), List.copyOf(campaign.targetRegions),
                List.copyOf(campaign.targetSpecialisations),
                campaign.budgetAmount == null ? null : io.consort.campaign.support.MoneyAmount
                        .of(campaign.budgetAmount, campaign.budgetCurrency).toEvent(),
                campaign.startsAt, campaign.endsAt, now));
        em.flush();
        return campaign;
    }

    @Transactional
    public Campaign complete(UUID id, String ifMatch) {
        return transition(id, ifMatch, Campaign::complete);
    }

    @Transactional
    public Campaign archive(UUID id, String ifMatch) {
        return transition(id, ifMatch, Campaign::archive);
    }

    private Campaign transition(UUID id, String ifMatch, java.util.function.BiConsumer<Campaign, Instant> change) {
        Campaign campaign = get(id);
        ETags.requireMatch(ifMatch, campaign.version);
        change.accept(campaign, Timestamps.now());
        em.flush();
        return campaign;
    }
}
