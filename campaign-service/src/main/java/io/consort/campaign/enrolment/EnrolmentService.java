package io.consort.campaign.enrolment;

import io.consort.campaign.campaign.Campaign;
import io.consort.campaign.campaign.CampaignService;
import io.consort.campaign.campaign.MergeFields;
import io.consort.campaign.partner.Partner;
import io.consort.campaign.partner.PartnerRepository;
import io.consort.campaign.support.Timestamps;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CampaignEnrolled;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Enrolments: who may enrol (the campaign's targeting, now), co-branding, previews, tracked links. */
@ApplicationScoped
public class EnrolmentService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    CampaignService campaigns;

    @Inject
    PartnerRepository partners;

    @Inject
    MergeFields mergeFields;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    /** Where tracked links point: the gateway's public address. */
    @ConfigProperty(name = "consort.campaign.public-base-url")
    String publicBaseUrl;

    @Transactional
    public Enrolment enrol(UUID campaignId, EnrolmentRequest body) {
        Campaign campaign = campaigns.getVisible(campaignId);
        UUID partnerId = body.partnerId() != null ? body.partnerId() : caller.partnerId().orElse(null);
        if (partnerId == null) {
            throw Problems.invalidField("partnerId", "is required for a vendor-side caller");
        }
        caller.requirePartnerAccess(partnerId);
        Partner partner = partners.findByIdOptional(partnerId)
                .orElseThrow(() -> Problems.unprocessable("partner " + partnerId + " is not known to campaigns yet"));
        Instant now = Timestamps.now();
        if (!campaign.admits(CampaignService.fit(partner), now)) {
            throw Problems.unprocessable("partner " + partnerId + " is not eligible for campaign " + campaignId
                    + " (it must be published and running, and the partner active and in its tiers, programs, "
                    + "regions and specialisations)");
        }
        if (Enrolment.count("campaignId = ?1 and partnerId = ?2", campaignId, partnerId) > 0) {
            throw Problems.conflict("partner " + partnerId + " is enrolled in campaign " + campaignId + " already");
        }
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.campaignId = campaignId;
        enrolment.partnerId = partnerId;
        enrolment.token = newToken();
        enrolment.displayName = blankToNull(body.displayName());
        enrolment.logoUrl = blankToNull(body.logoUrl());
        enrolment.contactEmail = blankToNull(body.contactEmail());
        enrolment.createdAt = now;
        enrolment.createdBy = caller.origin();
        enrolment.persist();
        outbox.emit(EventTypes.CAMPAIGN_ENROLLED, enrolment.id, partnerId,
                new CampaignEnrolled(enrolment.id, campaignId, partnerId, now));
        em.flush();
        return enrolment;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 128 random bits, URL-safe: a tracked link cannot be guessed from another. */
    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Page<Enrolment> list(UUID campaignId, PageRequest page) {
        campaigns.getVisible(campaignId);
        return KeysetQuery.of(Enrolment.class).where("campaignId = :campaignId", Parameters.with("campaignId", campaignId))
                .fetch(page, e -> e.createdAt, e -> e.id);
    }

    /** The enrolment if the caller may see it (a partner: its own), else 404. */
    public Enrolment get(UUID campaignId, UUID id) {
        Enrolment enrolment = Enrolment.findById(id);
        if (enrolment == null || !enrolment.campaignId.equals(campaignId)) {
            throw Problems.notFound("enrolment", id);
        }
        return enrolment;
    }

    public String trackedLink(Enrolment enrolment) {
        return publicBaseUrl.replaceAll("/+$", "") + "/t/" + enrolment.token;
    }

    public PreviewResponse preview(UUID campaignId, UUID id) {
        Enrolment enrolment = get(campaignId, id);
        Campaign campaign = campaigns.get(campaignId);
        Partner partner = partners.findByIdOptional(enrolment.partnerId).orElse(null);
        MergeFields.Values values = new MergeFields.Values(
                enrolment.displayName != null ? enrolment.displayName : partner == null ? null : partner.name(),
                enrolment.contactEmail != null ? enrolment.contactEmail : partner == null ? null : partner.contactEmail(),
                enrolment.logoUrl, partner == null ? null : partner.website(), campaign.name, trackedLink(enrolment));
        List<PreviewResponse.RenderedAsset> rendered = campaign.assets.stream()
                .map(asset -> new PreviewResponse.RenderedAsset(asset.name(),
                        mergeFields.render(asset.subject(), false, values), mergeFields.render(asset.text(), false, values),
                        mergeFields.render(asset.html(), true, values)))
                .toList();
        return new PreviewResponse(enrolment.id, rendered);
    }

    /** Clicks and form fills per enrolment, for answers. */
    public Map<UUID, long[]> engagement(List<UUID> enrolmentIds) {
        Map<UUID, long[]> counts = new HashMap<>();
        if (enrolmentIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("""
                select e.enrolmentId, e.kind, count(e) from Engagement e where e.enrolmentId in :ids
                group by e.enrolmentId, e.kind""").setParameter("ids", enrolmentIds).getResultList();
        for (Object[] row : rows) {
            long[] c = counts.computeIfAbsent((UUID) row[0], k -> new long[2]);
            c["CLICK".equals(String.valueOf(row[1])) ? 0 : 1] = ((Number) row[2]).longValue();
        }
        return counts;
    }

    public EnrolmentResponse response(Enrolment e, long[] counts) {
        long[] c = counts == null ? new long[2] : counts;
        return new EnrolmentResponse(e.id, e.version, e.campaignId, e.partnerId, e.displayName, e.logoUrl,
                e.contactEmail, trackedLink(e), c[0], c[1], e.createdAt);
    }
}
