package io.consort.community.space;

/** What a space is for; PROGRAM, REGION and TIER spaces must carry the matching part of their rule. */
public enum SpaceKind {
    GENERAL,
    PROGRAM,
    REGION,
    TIER
}
