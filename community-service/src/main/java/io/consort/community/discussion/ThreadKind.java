package io.consort.community.discussion;

/** A discussion, or a question that can have one accepted answer. */
public enum ThreadKind {
    DISCUSSION,
    QUESTION
}
