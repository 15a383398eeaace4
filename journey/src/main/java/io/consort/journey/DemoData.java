package io.consort.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code ./prm up}'s demo partners: three programs, a few hundred prospects and a dozen partners with real
 * event histories, made by replaying the partner journey through the gateway (so every score, tier,
 * membership and ledger line is computed by the services from real events, none is written in directly).
 * Four partners walk the whole journey to GOLD, four win a smaller deal, four are active and certified.
 * Loaded once: a second run finds the programs and stops.
 */
public final class DemoData {

    static final String MARKER_PROGRAM = "Managed Security EMEA";

    private record Program(String name, String region) {
    }

    private static final List<Program> PROGRAMS = List.of(new Program(MARKER_PROGRAM, "EMEA"),
            new Program("Cloud Resellers AMER", "AMER"), new Program("Alliances APAC", "APAC"));

    private static final List<String> COMPANIES = List.of("Northwind Traders", "Contoso Security", "Fabrikam Networks",
            "Adventure Works IT", "Tailspin Systems", "Wingtip Cloud", "Litware Labs", "Proseware Partners",
            "Lucerne Consulting", "Margie's Integrators", "Trey Research", "Woodgrove Services");

    private DemoData() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String gateway = Demo.env("PRM_GATEWAY_URL", "http://127.0.0.1:" + Demo.env("PRM_GATEWAY_PORT", "8080"));
        Keycloak keycloak = new Keycloak(Demo.env("PRM_KEYCLOAK_URL", "http://127.0.0.1:8180"));
        String managerToken = keycloak.login("manager", "manager-pw");
        Api manager = new Api(gateway, managerToken, null);
        for (JsonNode program : manager.get("/api/v1/programs?limit=200").path("items")) {
            if (MARKER_PROGRAM.equals(program.path("name").asText())) {
                out.println("demo partners: already loaded (program \"" + MARKER_PROGRAM + "\" exists)");
                return;
            }
        }
        long started = System.nanoTime();
        // Every partner walks at once: a journey spends most of its time waiting for events to land in another
        // service, and twelve waits overlap, where three at a time queued them up four deep.
        ExecutorService pool = Executors.newFixedThreadPool(COMPANIES.size() + 2 * PROGRAMS.size() + 3);
        Timings timings = new Timings();
        Await.observer = timings::waited;
        try {
            PartnerJourney journey = new PartnerJourney(gateway, keycloak, managerToken, keycloak.login("admin", "admin-pw"),
                    Demo.env("PRM_SERVICES_SECRET", "services-secret"), timings, java.time.Duration.ofSeconds(120));
            // A dozen companies apply at once, each from an address of its own (127.0.0.10 on: loopback on Linux), not a
            // dozen applications from one address, which the gateway's limit of 10 a minute per address would hold back
            // (the 11th by 6 s, the 12th by 12 s).
            journey.applyingFrom(company -> loopback(10 + COMPANIES.indexOf(company)));
            // The programs, the prospects and the lounge do not depend on each other: made at once. A partner needs only
            // its program (and its scorecard) and the lounge: it starts as soon as they are there, while the prospects are
            // imported and recommended.
            Map<Program, Future<String>> created = new LinkedHashMap<>();
            for (Program p : PROGRAMS) {
                created.put(p, pool.submit(() -> journey.createProgram(p.name(), p.region())));
            }
            Future<Long> imported = pool.submit(() -> manager.postNdjson("/api/v1/prospects/bulk", prospects(300)).stream()
                    .filter(r -> !"FAILED".equals(r.path("status").asText())).count());
            Future<String> opened = pool.submit(journey::openGoldLounge);
            List<Future<?>> recommended = new ArrayList<>();
            for (Program p : PROGRAMS) {
                recommended.add(pool.submit(() -> {
                    journey.recommendProspects(created.get(p).get(), p.name(), p.region());
                    return null;
                }));
            }
            Future<String> opening = pool.submit(() -> {
                for (Future<?> f : recommended) {
                    f.get();
                }
                return String.format("3 programs, %d prospects imported and recommended, the Gold lounge opened in %.1f s",
                        imported.get(), (System.nanoTime() - started) / 1e9);
            });

            List<Future<String>> partners = new ArrayList<>();
            for (int i = 0; i < COMPANIES.size(); i++) {
                Program program = PROGRAMS.get(i % PROGRAMS.size());
                String company = COMPANIES.get(i);
                int depth = i / 4; // 0: the whole journey, 1: a smaller won deal, 2: active and certified
                Function<PartnerJourney.Outcome, String> tier = o -> manager.get("/api/v1/scorecards/" + o.partnerId)
                        .path("tier").asText();
                partners.add(pool.submit(() -> {
                    String programId = created.get(program).get();
                    String lounge = opened.get();
                    timings.drain(); // what this thread did before: the program or the lounge, not this partner
                    long began = System.nanoTime();
                    PartnerJourney.Outcome o;
                    if (depth == 0) {
                        o = journey.walkInto(programId, lounge, company, program.region(), "250000.00");
                    } else {
                        o = journey.recruitInto(programId, company, program.region());
                        if (depth == 1) {
                            o.goldLoungeId = lounge;
                            journey.marketThroughPartner(o, program.region());
                            journey.registerAndWinDeal(o, "Globex " + program.region(), "45000.00");
                        }
                    }
                    String reached = tier.apply(o);
                    // Its steps and waits go to the log (./prm logs demo-partners), above the summary line.
                    String steps = timings.drain();
                    return String.format("%s (%s): %s, %.1f s%n%s", company, program.name(), reached, (System.nanoTime() - began) / 1e9,
                            steps);
                }));
            }
            int failed = 0;
            boolean prospectsFailed = false;
            try {
                out.println("demo partners: " + opening.get());
            } catch (java.util.concurrent.ExecutionException e) {
                prospectsFailed = true;
                out.println("demo partners: the prospects stopped: " + e.getCause().getMessage());
            }
            for (Future<String> partner : partners) {
                try {
                    out.println("demo partners: " + partner.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    out.println("demo partners: one journey stopped: " + e.getCause().getMessage());
                }
            }
            out.printf("demo partners: %d of %d loaded in %.1f s%n", partners.size() - failed, partners.size(),
                    (System.nanoTime() - started) / 1e9);
            if (failed > 0 || prospectsFailed) {
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.net.InetAddress loopback(int host) {
        try {
            return java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Prospects spread over regions, specialisations, industries and sizes, the same every time. */
    static List<Map<String, Object>> prospects(int count) {
        Random random = new Random(7);
        String[] regions = {"EMEA", "AMER", "APAC", "LATAM"};
        String[] specialisations = {"CLOUD_SECURITY", "NETWORK", "ENDPOINT", "IDENTITY", "MANAGED_SERVICES"};
        String[] industries = {"FINANCE", "HEALTHCARE", "RETAIL", "MANUFACTURING", "PUBLIC_SECTOR"};
        String[] words = {"Blue", "North", "Iron", "Silver", "Quantum", "Harbour", "Summit", "Cedar", "Granite", "Nimbus"};
        String[] kinds = {"Systems", "Networks", "IT", "Cloud", "Consulting", "Solutions"};
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = words[random.nextInt(words.length)] + " " + kinds[random.nextInt(kinds.length)] + " " + (i + 1);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("companyName", name);
            line.put("domain", name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example");
            line.put("region", regions[random.nextInt(regions.length)]);
            line.put("specialisations", List.of(specialisations[random.nextInt(specialisations.length)]));
            line.put("industries", List.of(industries[random.nextInt(industries.length)]));
            line.put("employeeCount", 5 + random.nextInt(2000));
            line.put("externalIds", Map.of("crm", "demo-prospect-" + (i + 1)));
            lines.add(line);
        }
        return lines;
    }
}
