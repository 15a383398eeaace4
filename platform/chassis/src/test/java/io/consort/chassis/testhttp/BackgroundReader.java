package io.consort.chassis.testhttp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads like a Kafka consumer or a scheduled job: a request context without any HTTP caller. */
@ApplicationScoped
public class BackgroundReader {

    @jakarta.enterprise.context.control.ActivateRequestContext
    @Transactional
    public long countByName(String name) {
        return Widget.count("name", name);
    }

    @Transactional
    public long countByNameWithoutRequestContext(String name) {
        return Widget.count("name", name);
    }
}
