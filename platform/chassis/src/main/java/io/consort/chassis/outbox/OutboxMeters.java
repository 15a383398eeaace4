package io.consort.chassis.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The relay's meters: what it published, what failed, what it parked, how long events took from insert
 * to acknowledgement, the lag and the parked rows it last saw, and whether this instance leads. The two
 * gauges are the publishing instance's figures and 0 on the others, so a sum over instances is the
 * service's.
 */
final class OutboxMeters {

    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final Timer delivery;
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();

    OutboxMeters(MeterRegistry registry, BooleanSupplier leader) {
        published = Counter.builder("consort.outbox.published").description("Outbox events acknowledged by Kafka")
                .register(registry);
        failures = Counter.builder("consort.outbox.failures")
                .description("Relay rounds that failed (broker or database trouble) and were retried")
                .register(registry);
        parked = Counter.builder("consort.outbox.parked")
                .description("Outbox rows set aside because Kafka refuses them for good or they cannot be read")
                .register(registry);
        delivery = Timer.builder("consort.outbox.delivery")
                .description("From the outbox insert to Kafka's acknowledgement").publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("consort.outbox.lag", lagMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row at the relay's last look").register(registry);
        Gauge.builder("consort.outbox.parked.rows", parkedRows, AtomicLong::get)
                .description("Parked outbox rows waiting for someone to fix or delete them, as the publishing instance"
                        + " last counted (0 on the others)")
                .register(registry);
        Gauge.builder("consort.outbox.leader", leader, l -> l.getAsBoolean() ? 1 : 0)
                .description("1 while this instance holds the relay lock").register(registry);
    }

    /** Events acknowledged; counted before their rows are marked sent. */
    void published(int events) {
        published.increment(events);
    }

    void delivered(long millis) {
        delivery.record(millis, TimeUnit.MILLISECONDS);
    }

    void failed() {
        failures.increment();
    }

    void parked() {
        parked.increment();
        parkedRows.incrementAndGet();
    }

    void parkedRows(long rows) {
        parkedRows.set(rows);
    }

    void lag(long millis) {
        lagMillis.set(millis);
    }

    /** Not leading any more: a stale figure here would double a sum over instances. */
    void resetGauges() {
        lagMillis.set(0);
        parkedRows.set(0);
    }
}
