package io.consort.journey;

import java.io.PrintStream;

/**
 * {@code ./prm demo}: walks one partner's journey against a running {@code ./prm up}, printing each
 * step, the calls it made and what changed.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        String gateway = env("PRM_GATEWAY_URL", "http://127.0.0.1:" + env("PRM_GATEWAY_PORT", "8080"));
        Keycloak keycloak = new Keycloak(env("PRM_KEYCLOAK_URL", "http://127.0.0.1:8180"));
        long started = System.nanoTime();
        try {
            PartnerJourney journey = new PartnerJourney(gateway, keycloak, keycloak.login("manager", "manager-pw"),
                    keycloak.login("admin", "admin-pw"), env("PRM_SERVICES_SECRET", "services-secret"),
                    Narrator.printingTo(out));
            journey.walk("Northwind Traders", "EMEA");
        } catch (RuntimeException e) {
            out.printf("%nThe journey stopped: %s%n", e.getMessage());
            System.exit(1);
        }
        out.printf("%nThe journey took %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
