package io.consort.campaign.campaign;

/** domain.md: {@code DRAFT → PUBLISHED → COMPLETED | ARCHIVED}; only drafts are edited. */
public enum CampaignState {
    DRAFT,
    PUBLISHED,
    COMPLETED,
    ARCHIVED
}
