package io.consort.performance.scorecard;

/** The partner tiers, lowest first. Every partner enters at {@link #ENTRY}. */
public enum Tier {
    REGISTERED, SILVER, GOLD, PLATINUM;

    public static final Tier ENTRY = REGISTERED;
}
