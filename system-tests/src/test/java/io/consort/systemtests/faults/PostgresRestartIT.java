package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.consort.bench.load.LoadGenerator;
import io.consort.systemtests.SuiteStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for a while and started again under traffic: meanwhile every answer is a success
 * or a 503 problem with Retry-After (never a 500, never a hang past the client's timeout), and the
 * services recover by themselves, without a restart. Runs only when the stack has a PostgreSQL of its
 * own (./prm's private cluster: -Dconsort.stack.private-postgres=true, or bench/faults/run.sh against a
 * stack with one); the machine's shared server is everyone's, and stopping it would fail their tests.
 */
class PostgresRestartIT {

    @Test
    void servicesAnswer503MeanwhileAndRecoverWithoutARestart() throws Exception {
        SuiteStack stack = SuiteStack.get();
        assumeTrue(stack.privatePostgres(), "the stack uses a shared PostgreSQL; set -Dconsort.stack.private-postgres=true");
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        Duration outage = Duration.ofSeconds(FaultKit.size(15, 30));
        LoadGenerator load = new LoadGenerator(BrokerDownIT.Traffic.config(stack, FaultKit.size(4, 10), outage,
                BrokerDownIT.Traffic.kafkaFreeMix()));
        load.setUp();
        List<Long> pids = FaultKit.SERVICES.stream().map(stack::pid).toList();

        CompletableFuture<LoadGenerator.Report> traffic = CompletableFuture.supplyAsync(
                () -> BrokerDownIT.Traffic.run(load, outage.plusSeconds(25)));
        Thread.sleep(5_000);
        pgCtl(stack, "stop", "-m", "fast");
        long down = System.nanoTime();
        Thread.sleep(outage.toMillis());
        stack.restartMissing(); // ./prm starts the private cluster again; everything else is running
        long up = System.nanoTime();
        String manager = stack.token("manager", "manager-pw");
        int status = 0;
        while (System.nanoTime() - up < Duration.ofMinutes(3).toNanos()) {
            status = FaultKit.HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/programs?limit=1"))
                    .header("Authorization", "Bearer " + manager).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200 && FaultKit.status(stack.service("recruitment") + "/q/health/ready") == 200) {
                break;
            }
            Thread.sleep(250);
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - up);
        LoadGenerator.Report report = traffic.get();
        load.close();
        Duration ready = FaultKit.awaitReady(stack, Duration.ofMinutes(2));
        List<LoadGenerator.Failure> wrong = new ArrayList<>();
        long problems503 = 0;
        for (LoadGenerator.Failure f : report.failures()) {
            if (f.status() == 503 && f.retryAfter() && f.detail().contains("\"status\"")) {
                problems503++;
            } else {
                wrong.add(f);
            }
        }
        List<Long> pidsAfter = FaultKit.SERVICES.stream().map(stack::pid).toList();
        report.print(System.out);
        FaultKit.report("postgres restarted", "requests " + report.requests() + ", 503 problems with Retry-After " + problems503
                + ", other error answers (500s, hangs, ...) " + wrong.size() + ", database down " + FaultKit.seconds(Duration.ofNanos(up - down))
                + ", recovery (database back to the first 200) " + FaultKit.seconds(recovery) + ", services restarted: "
                + (!pids.equals(pidsAfter)));

        assertEquals(200, status, "the suite answers again after the database is back");
        assertTrue(wrong.isEmpty(), "only 2xx or 503 problems with Retry-After: " + wrong);
        assertEquals(pids, pidsAfter, "recovered without a restart");
        assertTrue(ready.toSeconds() < 120);
    }

    /** pg_ctl on the stack's private cluster, as its owner (postgres when the tests run as root). */
    private static void pgCtl(SuiteStack stack, String... args) throws Exception {
        Path home = Path.of(stack.environment().get("PRM_HOME"));
        String bin = Files.readString(home.resolve("run/postgres.private")).trim();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(bin + "/pg_ctl", "-D", home.resolve("pg/data").toString(), "-w", "-t", "60"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "pg_ctl " + String.join(" ", args) + " did not finish");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), "pg_ctl " + String.join(" ", args) + ": " + output);
    }
}
