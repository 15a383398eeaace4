package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.systemtests.SuiteStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keycloak down: a token issued before keeps working (the services verify it with the keys they
 * fetched already), a token signed with a key they do not know answers a 503 problem with Retry-After
 * (they cannot ask Keycloak for it) or 401, never a 500; public operations keep working; and once
 * Keycloak is back new tokens work again without restarting anything.
 */
class KeycloakDownIT {

    private static final List<String> READS = List.of("/api/v1/programs?limit=5", "/api/v1/partners?limit=5",
            "/api/v1/deal-registrations?limit=5", "/api/v1/mdf/budgets?limit=5");

    @Test
    void cachedKeysKeepWorkingAndTheRestAnswersProblems() throws Exception {
        SuiteStack stack = SuiteStack.get();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        String manager = stack.token("manager", "manager-pw");
        for (String path : READS) { // every service has fetched Keycloak's keys
            assertEquals(200, get(stack, path, manager).statusCode(), path);
        }
        String programId = FaultKit.program(stack, manager, "Faults keycloak " + UUID.randomUUID());
        long pidsBefore = FaultKit.SERVICES.stream().mapToLong(stack::pid).sum();

        List<String> unexpected = new ArrayList<>();
        int ok = 0;
        int unavailable = 0;
        int rounds = FaultKit.size(5, 30);
        Duration outage;
        stack.stopComponent("keycloak");
        long down = System.nanoTime();
        try {
            for (int round = 0; round < rounds; round++) {
                for (String path : READS) {
                    HttpResponse<String> answer = get(stack, path, manager);
                    if (answer.statusCode() == 200) {
                        ok++;
                    } else {
                        unexpected.add("cached key " + path + " -> " + answer.statusCode() + " " + answer.body());
                    }
                }
                HttpResponse<String> unknownKey = get(stack, "/api/v1/partners?limit=5", foreignToken(manager));
                if (unknownKey.statusCode() == 503 && unknownKey.headers().firstValue("Retry-After").isPresent()
                        && unknownKey.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    unavailable++;
                } else if (unknownKey.statusCode() != 401) {
                    unexpected.add("unknown key -> " + unknownKey.statusCode() + " " + unknownKey.headers().map() + " " + unknownKey.body());
                }
                // Public applications have a per-address rate limit (10 a minute) that earlier scenarios may have used
                // up: a 429 with Retry-After is waited out, as a client would.
                HttpResponse<String> application = FaultKit.sendRetrying(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/applications"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"programId\":\"" + programId + "\",\"companyName\":\"Offline Keys "
                                + round + " Ltd\",\"website\":\"https://offline-keys-" + round + ".example\",\"contactName\":\"Kim Key\","
                                + "\"contactEmail\":\"kim@offline-keys-" + round + ".example\",\"region\":\"EMEA\"}")).build(),
                        Duration.ofSeconds(90));
                if (application.statusCode() != 201) {
                    unexpected.add("public application -> " + application.statusCode() + " " + application.body());
                }
            }
        } finally {
            // Whatever failed above, the tests after this one get their Keycloak back.
            outage = Duration.ofNanos(System.nanoTime() - down);
            stack.restartMissing();
        }
        long restarted = System.nanoTime();
        String fresh = stack.token("manager", "manager-pw");
        int afterwards = get(stack, "/api/v1/partners?limit=5", fresh).statusCode();
        Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
        long pidsAfter = FaultKit.SERVICES.stream().mapToLong(stack::pid).sum();
        FaultKit.report("keycloak down", "cached-key answers 200: " + ok + ", unknown-key answers 503 problem: " + unavailable
                + " (else 401), unexpected answers " + unexpected.size() + ", outage " + FaultKit.seconds(outage)
                + ", Keycloak restart to a fresh token working " + FaultKit.seconds(recovery) + " (HTTP " + afterwards + ")");
        unexpected.forEach(u -> System.out.println("  unexpected: " + u));

        assertTrue(unexpected.isEmpty(), unexpected.toString());
        assertEquals(rounds * READS.size(), ok);
        assertEquals(200, afterwards);
        assertEquals(pidsBefore, pidsAfter, "no service was restarted");
    }

    private static HttpResponse<String> get(SuiteStack stack, String path, String token) throws Exception {
        return FaultKit.HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same claims under a key id Keycloak never issued: a verifier must fetch the keys again to judge it. */
    private static String foreignToken(String token) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceFirst("\"kid\"\\s*:\\s*\"[^\"]*\"", "\"kid\":\"faults-unknown-key\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }
}
