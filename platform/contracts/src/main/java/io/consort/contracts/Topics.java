package io.consort.contracts;

import java.util.List;

/** The Kafka topics of events.md: one writer each, keyed by partner id. */
public final class Topics {
    public static final String PARTNERS = "prm.partners";
    public static final String COMMUNITY = "prm.community";
    public static final String CAMPAIGNS = "prm.campaigns";
    public static final String PERFORMANCE = "prm.performance";

    public static final List<String> ALL = List.of(PARTNERS, COMMUNITY, CAMPAIGNS, PERFORMANCE);

    /** Services that consume topics; each has its own consumer group and dead-letter topics. */
    public static final List<String> CONSUMERS = List.of("recruitment", "community", "campaign", "performance", "integration");

    /** What {@link #deadLetter} puts between a topic and the consumer's name. */
    public static final String DEAD_LETTER_INFIX = ".dlq.";

    private Topics() {
    }

    /** Where a consumer group parks the records of {@code topic} it could not process. */
    public static String deadLetter(String topic, String service) {
        return topic + DEAD_LETTER_INFIX + service;
    }

    /**
     * Every topic the suite uses, dead-letter topics included, so they can be created up front
     * ({@link TopicLayout} says how).
     */
    public static List<String> allWithDeadLetters() {
        var names = new java.util.ArrayList<>(ALL);
        for (String topic : ALL) {
            for (String service : CONSUMERS) {
                names.add(deadLetter(topic, service));
            }
        }
        return List.copyOf(names);
    }
}
