package io.consort.integration.delivery;

import io.consort.chassis.persistence.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works the {@link DeliveryQueue}: one thread claims due deliveries whenever this instance has room for more
 * in flight (up to {@code max-in-flight}), hands each to the {@link WebhookSender} (non-blocking, so a slow
 * endpoint holds a slot, not a thread) and records the answers on a small pool: the 2xx ones that came in
 * meanwhile together in one transaction, each failure on its own (its retry, breaker and disable logic). It wakes when new deliveries
 * are queued here ({@link #wake()}) or an answer frees a slot, and polls every {@code poll-interval} for
 * retries coming due and for work other instances queued.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookSender sender;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "consort.integration.delivery.max-in-flight")
    int maxInFlight;

    @ConfigProperty(name = "consort.integration.delivery.poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "consort.integration.retention")
    Duration retention;

    @ConfigProperty(name = "consort.integration.purge-interval")
    Duration purgeInterval;

    @ConfigProperty(name = "consort.integration.delivery.enabled", defaultValue = "true")
    boolean enabled;

    /** The most 2xx answers recorded in one transaction. */
    private static final int MAX_RECORDED_AT_ONCE = 500;

    private final Semaphore signal = new Semaphore(0);
    private final ConcurrentLinkedQueue<DeliveryQueue.Success> successes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService recorders;
    private Counter delivered;
    private Counter failedAttempts;
    private Timer attemptTimer;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        delivered = registry.counter("consort.webhooks.delivered");
        failedAttempts = registry.counter("consort.webhooks.failed.attempts");
        attemptTimer = registry.timer("consort.webhooks.attempt");
        registry.gauge("consort.webhooks.in.flight", inFlight);
        AtomicInteger n = new AtomicInteger();
        recorders = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-outcome-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(2000);
            recorders.shutdown();
            // Answers still coming are recorded if they come soon; otherwise their lease runs out and another
            // instance (or the next start) sends them again: at least once.
            recorders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Wakes the loop once the current transaction has committed what it queued. */
    public void wakeAfterCommit() {
        AfterCommit.run(transactions, this::wake);
    }

    /** Something may be due now (a delivery was queued). */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void run() {
        long nextPurge = System.nanoTime();
        while (running) {
            try {
                int room = maxInFlight - inFlight.get();
                int claimed = 0;
                if (room > 0) {
                    List<DeliveryQueue.Claimed> batch = queue.claim(room);
                    claimed = batch.size();
                    batch.forEach(this::dispatch);
                }
                if (System.nanoTime() >= nextPurge) {
                    int purged = queue.purge(retention);
                    if (purged > 0) {
                        LOG.infof("purged %d webhook events older than %s", purged, retention);
                    }
                    nextPurge = System.nanoTime() + purgeInterval.toNanos();
                }
                if (claimed == 0 || claimed == room) {
                    // Nothing due, or no room: wait for a wake-up (new work, a freed slot) or the poll.
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "webhook dispatcher round failed; trying again in %s", pollInterval);
                sleep(pollInterval);
            }
        }
    }

    private void dispatch(DeliveryQueue.Claimed delivery) {
        inFlight.incrementAndGet();
        sender.send(delivery).whenComplete((outcome, failure) -> {
            Outcome result = outcome != null ? outcome : Outcome.noAnswer(0, "not sent: " + failure);
            attemptTimer.record(Duration.ofMillis(result.durationMillis()));
            if (result.succeeded()) {
                successes.add(new DeliveryQueue.Success(delivery, result));
                if (flushScheduled.compareAndSet(false, true)) {
                    recorders.execute(this::recordSuccesses);
                }
            } else {
                recorders.execute(() -> recordFailure(delivery, result));
            }
        });
    }

    /**
     * Records the 2xx answers that came in meanwhile, in one transaction (they come in much faster than one
     * commit each would allow); one more round is scheduled for those that arrive while this one runs.
     */
    private void recordSuccesses() {
        flushScheduled.set(false);
        List<DeliveryQueue.Success> batch = new ArrayList<>();
        for (DeliveryQueue.Success next; batch.size() < MAX_RECORDED_AT_ONCE && (next = successes.poll()) != null;) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            queue.delivered(batch);
            delivered.increment(batch.size());
        } catch (RuntimeException e) {
            // Their leases run out and they are sent again: at least once.
            LOG.warnf(e, "could not record %d delivered webhook(s)", batch.size());
        } finally {
            inFlight.addAndGet(-batch.size());
            wake();
            if (!successes.isEmpty() && flushScheduled.compareAndSet(false, true)) {
                recorders.execute(this::recordSuccesses);
            }
        }
    }

    private void recordFailure(DeliveryQueue.Claimed delivery, Outcome result) {
        try {
            queue.failed(delivery, result);
            failedAttempts.increment();
            LOG.debugf("delivery %s (attempt %d) to %s failed: %s", delivery.id(), delivery.attempts(),
                    delivery.url(), result.error());
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again.
            LOG.warnf(e, "could not record the answer to delivery %s", delivery.id());
        } finally {
            inFlight.decrementAndGet();
            wake();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
