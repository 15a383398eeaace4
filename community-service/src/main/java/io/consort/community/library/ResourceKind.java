package io.consort.community.library;

/** What a library resource holds: TEXT carries its body, every other kind a link. */
public enum ResourceKind {
    DOCUMENT,
    VIDEO,
    LINK,
    KIT,
    TEXT
}
