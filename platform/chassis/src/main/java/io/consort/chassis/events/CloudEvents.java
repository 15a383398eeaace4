package io.consort.chassis.events;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding in binary mode, as events.md fixes
 * them: the event's attributes travel as {@code ce_*} headers, the value is the bare JSON payload.
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    /** The binding maps {@code datacontenttype} to the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Prefix of every service's {@code ce_source}: {@code /consort/<service>}. */
    public static final String SOURCE_PREFIX = "/consort/";

    private CloudEvents() {
    }

    public static String sourceOf(String serviceName) {
        return SOURCE_PREFIX + serviceName;
    }
}
