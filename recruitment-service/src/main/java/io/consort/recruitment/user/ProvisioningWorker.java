package io.consort.recruitment.user;

import io.consort.chassis.retry.RetrySchedule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The background threads that work off pending partner users ({@link Provisioner}). One is woken right
 * after a transaction that queued a login change commits, and otherwise each looks every
 * {@code poll-interval} (or sooner, when a retry falls due), which also picks up changes queued by other
 * instances or before a restart. Instances and threads need no leader: each attempt locks its row with
 * {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>{@code workers} threads (4 unless told otherwise): an attempt is a chain of blocking Keycloak calls
 * (create, roles, the invitation mail), so one thread alone queued a burst of approvals one login after
 * another (the demo data's dozen partners and their engineers, 24 logins at ~1-3 s each on a busy
 * machine: the last waited 40 s), where a few overlap their waits on Keycloak. Each holds a database
 * connection for its attempt, so they count against the pool.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);

    @ConfigProperty(name = "consort.recruitment.users.provisioning.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.poll-interval", defaultValue = "10s")
    Duration pollInterval;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.initial-backoff", defaultValue = "1s")
    Duration initialBackoff;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.max-backoff", defaultValue = "5m")
    Duration maxBackoff;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.workers", defaultValue = "4")
    int workers;

    @Inject
    Provisioner provisioner;

    private static final Duration MIN_PAUSE = Duration.ofMillis(100);

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Called once the transaction that queued the change has committed; a rolled-back one wakes nobody. Wakes one
     * more thread per change, up to all of them: a burst of changes is worked on by every thread at once.
     */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) LoginChangeQueued queued) {
        if (wake.availablePermits() < Math.max(1, workers)) {
            wake.release();
        }
    }

    synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        if (!enabled) {
            LOG.info("Partner login provisioning disabled (consort.recruitment.users.provisioning.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, workers); i++) {
            Thread thread = new Thread(this::run, "consort-login-provisioner-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    private void run() {
        // Failures of the database itself (Keycloak's are recorded per row by the provisioner).
        RetrySchedule.Run trouble = new RetrySchedule(initialBackoff, maxBackoff).run();
        while (running) {
            try {
                while (running && provisioner.attemptNext()) {
                    // Drain what is due before sleeping.
                }
                trouble.succeeded();
                sleep(untilNextLook());
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                Duration wait = trouble.failed();
                LOG.warnf("Partner login provisioning failed (%s); looking again in %d ms", e.getMessage(),
                        wait.toMillis());
                sleep(wait);
            }
        }
    }

    /**
     * Until the next retry falls due, at most the poll interval. A row already due after a drain is one
     * another instance holds; it is looked at again shortly, not in a busy loop.
     */
    private Duration untilNextLook() {
        Duration floor = pollInterval.compareTo(MIN_PAUSE) < 0 ? pollInterval : MIN_PAUSE;
        return provisioner.nextDue()
                .map(due -> Duration.between(Instant.now(), due))
                .filter(untilDue -> untilDue.compareTo(pollInterval) < 0)
                .map(untilDue -> untilDue.compareTo(floor) < 0 ? floor : untilDue)
                .orElse(pollInterval);
    }

    private void sleep(Duration duration) {
        try {
            // One permit wakes one thread, which drains what is due; the others sleep on unless woken too.
            wake.tryAcquire(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Only stop() interrupts; the loop checks running.
            Thread.currentThread().interrupt();
        }
        Thread.interrupted();
    }
}
