package io.consort.performance.domain;

/**
 * What performance measures per partner and day. Counts over a period are trailing: the window of
 * days ending on the day (365 by default); states (certified people, pipeline, onboarding) are as
 * of the end of the day. Amounts are in the base currency.
 */
public enum Kpi {
    ONBOARDING_PROGRESS("share of the required onboarding tasks done (1 once active)", true),
    CERTIFIED_PEOPLE("people holding at least one unexpired certification", true),
    CERTIFICATIONS("unexpired certifications held", true),
    LEADS_OFFERED("leads offered to the partner", true),
    LEADS_ACCEPTED("leads accepted", true),
    LEADS_DECLINED("leads declined", false),
    LEADS_TIMED_OUT("leads that timed out unanswered", false),
    LEADS_CONVERTED("accepted leads converted to a deal", true),
    LEAD_ACCEPTANCE_RATE("accepted ÷ (accepted + declined + timed out)", true),
    LEAD_CONVERSION_RATE("converted ÷ accepted", true),
    MEDIAN_LEAD_RESPONSE_HOURS("median hours from offer to acceptance", false),
    DEALS_REGISTERED("deals registered", true),
    DEALS_WON("deals won (and not lost since)", true),
    DEALS_LOST("deals lost", false),
    WON_REVENUE("won revenue, converted at each deal's close date", true),
    PIPELINE("open registered deals' amount, converted at registration", true),
    CAMPAIGN_ENROLMENTS("campaign enrolments", true),
    CAMPAIGN_ENGAGEMENTS("campaign engagements (clicks, form fills)", true),
    COMMUNITY_ACTIVITY("resources opened, threads, posts and accepted answers", true),
    MDF_PAID("MDF claims paid", true),
    MDF_RETURN("won revenue of MDF-funded campaigns ÷ MDF paid", true);

    private final String meaning;
    private final boolean higherIsBetter;

    Kpi(String meaning, boolean higherIsBetter) {
        this.meaning = meaning;
        this.higherIsBetter = higherIsBetter;
    }

    public String meaning() {
        return meaning;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
