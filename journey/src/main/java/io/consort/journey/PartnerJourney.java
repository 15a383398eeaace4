package io.consort.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One partner's journey through the suite (docs/domain.md, "One partner's journey"), every step a
 * call of the public API through the gateway with a real token, every effect that travels by event
 * awaited where it shows. The system tests run it, {@code ./prm demo} narrates it, and the demo data
 * replays it for a dozen partners.
 */
public final class PartnerJourney {

    static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final Api manager;
    private final Api admin;
    private final Keycloak keycloak;
    private final String servicesSecret;
    private final Narrator narrator;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** What the journey made, for the caller to look at afterwards. */
    public static final class Outcome {
        public String programId;
        public String partnerId;
        public String partnerName;
        public String partnerAdminEmail;
        public String partnerAdminPassword;
        public Api partnerAdmin;
        public JsonNode partner;
        public JsonNode scorecard;
    }

    public PartnerJourney(String gatewayUrl, Keycloak keycloak, String managerToken, String adminToken,
            String servicesSecret, Narrator narrator) {
        this.narrator = narrator;
        this.manager = new Api(gatewayUrl, managerToken, narrator::call);
        this.admin = manager.as(adminToken);
        this.keycloak = keycloak;
        this.servicesSecret = servicesSecret;
    }

    /** The journey up to an active partner: recruitment, onboarding and training. */
    public Outcome recruit(String company, String region) {
        Outcome o = new Outcome();
        String slug = company.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + run;
        o.partnerName = company;

        narrator.step("The channel manager opens a program with an ideal partner profile");
        o.programId = manager.post("/api/v1/programs", Map.of(
                "name", "Resellers " + region + " " + run,
                "description", "Value-added resellers of network security",
                "partnerTypes", List.of("RESELLER", "MSP"),
                "acceptingApplications", true,
                "idealProfile", Map.of(
                        "regions", Map.of("values", List.of(region), "weight", 40),
                        "specialisations", Map.of("values", List.of("CLOUD_SECURITY"), "weight", 40),
                        "companySize", Map.of("minEmployees", 10, "maxEmployees", 500, "weight", 20))),
                201).get("id").asText();
        narrator.changed("program " + o.programId);

        narrator.step("The manager imports prospects and asks which fit the program best");
        for (String[] p : List.of(new String[] {"Harbour IT", region, "CLOUD_SECURITY"},
                new String[] {"Granite Systems", region, "NETWORK"},
                new String[] {"Pampas Cloud", "LATAM", "CLOUD_SECURITY"})) {
            manager.post("/api/v1/prospects", Map.of("companyName", p[0] + " " + run,
                    "domain", p[0].toLowerCase().replace(' ', '-') + "-" + run + ".example", "region", p[1],
                    "specialisations", List.of(p[2]), "employeeCount", 120), 201);
        }
        JsonNode recommendations = manager.get("/api/v1/programs/" + o.programId + "/recommendations?limit=3");
        JsonNode best = recommendations.path("items").path(0);
        narrator.changed("best fit: " + best.path("companyName").asText() + " (" + best.path("score").asText()
                + "/100: " + best.path("explanation").findValuesAsText("reason") + ")");

        narrator.step(company + " applies through the public form, without a token");
        o.partnerAdminEmail = "admin@" + slug + ".example";
        String applicationId = manager.anonymous().post("/api/v1/applications", Map.of(
                "programId", o.programId, "companyName", company, "website", "https://" + slug + ".example",
                "contactName", "Ada Admin", "contactEmail", o.partnerAdminEmail, "region", region,
                "partnerType", "RESELLER", "message", "We resell cloud security in " + region + "."),
                201).get("id").asText();

        narrator.step("The manager reviews the vetting signals and approves");
        JsonNode application = manager.get("/api/v1/applications/" + applicationId);
        narrator.changed("fit score " + application.path("vetting").path("fitScore").asText("?")
                + ", free mail domain: " + application.path("vetting").path("freeMailDomain").asText());
        o.partnerId = manager.post("/api/v1/applications/" + applicationId + "/approve", null, 200)
                .get("partnerId").asText();
        narrator.changed("partner " + o.partnerId + " is ONBOARDING");

        narrator.step("Keycloak has the partner's admin login; the admin chooses a password and signs in");
        Await.until("the partner admin's login", EVENTUAL, () -> {
            JsonNode users = manager.get("/api/v1/partners/" + o.partnerId + "/users");
            return "ACTIVE".equals(users.path("items").path(0).path("state").asText())
                    ? Optional.of(users) : Optional.empty();
        });
        o.partnerAdminPassword = "pw-" + slug;
        keycloak.choosePassword(keycloak.clientToken("consort-services", servicesSecret), o.partnerAdminEmail,
                o.partnerAdminPassword);
        o.partnerAdmin = manager.as(keycloak.login(o.partnerAdminEmail, o.partnerAdminPassword));
        narrator.changed(o.partnerAdminEmail + " signed in with a token carrying partner_id " + o.partnerId);

        narrator.step("The partner accepts the agreement, completes its profile and passes the certification");
        String moduleId = manager.post("/api/v1/training/modules", Map.of("title", "Cloud security essentials " + run,
                "description", "The product line, positioning and deployment basics", "durationMinutes", 90,
                "passingScore", 70, "certification", Map.of("name", "Certified Cloud Security Seller",
                        "validityDays", 365)), 201).get("id").asText();
        JsonNode checklist = o.partnerAdmin.get("/api/v1/partners/" + o.partnerId + "/onboarding");
        for (JsonNode task : checklist.path("tasks")) {
            if ("OPEN".equals(task.path("status").asText())) {
                o.partnerAdmin.post("/api/v1/partners/" + o.partnerId + "/onboarding/tasks/"
                        + task.path("id").asText() + "/complete", null, 200);
            }
        }
        JsonNode completion = o.partnerAdmin.post("/api/v1/training/completions",
                Map.of("moduleId", moduleId, "score", 92), 201);
        narrator.changed("certification " + completion.path("certification").path("name").asText("earned"));
        o.partner = manager.get("/api/v1/partners/" + o.partnerId);
        narrator.changed("partner is " + o.partner.path("state").asText());

        narrator.step("Performance opened the partner's scorecard at the entry tier");
        o.scorecard = Await.until("the partner's scorecard", EVENTUAL, () -> Optional.of(
                o.partnerAdmin.get("/api/v1/scorecards/" + o.partnerId)));
        narrator.changed("tier " + o.scorecard.path("tier").asText() + ", score " + o.scorecard.path("score").asText());
        return o;
    }
}
