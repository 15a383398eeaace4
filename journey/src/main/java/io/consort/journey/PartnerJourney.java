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
        public String campaignId;
        public String leadId;
        public String dealId;
        public String mdfBudgetId;
        public String goldLoungeId;
    }

    public PartnerJourney(String gatewayUrl, Keycloak keycloak, String managerToken, String adminToken,
            String servicesSecret, Narrator narrator) {
        this.narrator = narrator;
        this.manager = new Api(gatewayUrl, managerToken, narrator::call);
        this.admin = manager.as(adminToken);
        this.keycloak = keycloak;
        this.servicesSecret = servicesSecret;
    }

    /** The whole journey of docs/domain.md for one partner, step by step. */
    public Outcome walk(String company, String region) {
        Outcome o = recruit(company, region);
        openCommunitySpaces(o);
        awaitMembership(o);
        registerAndWinDeal(o, "Contoso Pharma", "250000.00");
        fundMarketing(o, "20000.00", "5000.00");
        return o;
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

    /** The partner registers the deal, the manager approves it, the partner wins it. */
    public void registerAndWinDeal(Outcome o, String customer, String amount) {
        narrator.step("The partner registers the deal; the channel-conflict check finds no rival");
        String domain = customer.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + run + ".example";
        Map<String, Object> registration = new java.util.LinkedHashMap<>();
        registration.put("customerName", customer);
        registration.put("customerDomain", "https://www." + domain);
        registration.put("products", List.of("FIREWALL-ENTERPRISE", "CLOUD-GUARD"));
        registration.put("amount", Map.of("amount", amount, "currency", "EUR"));
        registration.put("expectedCloseDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
        registration.put("leadId", o.leadId);
        registration.put("campaignId", o.campaignId);
        JsonNode deal = o.partnerAdmin.post("/api/v1/deal-registrations", registration, 201);
        o.dealId = deal.path("id").asText();
        narrator.changed("deal " + o.dealId + " " + deal.path("state").asText() + " for " + domain);

        narrator.step("The manager reviews and approves it: the partner's claim on the customer is protected");
        String path = "/api/v1/deal-registrations/" + o.dealId;
        manager.act(path, "start-review", null, 200);
        JsonNode approved = manager.act(path, "approve", Map.of(), 200);
        narrator.changed(approved.path("state").asText() + ", protected until " + approved.path("protectedUntil").asText());

        narrator.step("The partner wins the deal");
        JsonNode won = o.partnerAdmin.act(path, "win", Map.of("closedOn",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()), 200);
        narrator.changed(won.path("state").asText() + ": " + won.path("amount").path("amount").asText() + " "
                + won.path("amount").path("currency").asText());
    }

    /** The vendor funds the partner's marketing; the partner asks, proves it and is paid. */
    public void fundMarketing(Outcome o, String allocated, String requested) {
        narrator.step("The manager gives the partner a market development fund for this quarter");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        JsonNode budget = manager.post("/api/v1/mdf/budgets", Map.of("partnerId", o.partnerId, "programId", o.programId,
                "period", period, "allocated", Map.of("amount", allocated, "currency", "EUR")), 201);
        o.mdfBudgetId = budget.path("id").asText();
        narrator.changed("budget " + period + ": " + allocated + " EUR available");

        narrator.step("The partner asks for funds for a joint webinar; the manager approves");
        Map<String, Object> ask = new java.util.LinkedHashMap<>();
        ask.put("budgetId", o.mdfBudgetId);
        ask.put("campaignId", o.campaignId);
        ask.put("activity", "Joint webinar: cloud security for mid-size companies");
        ask.put("plannedDate", today.plusDays(7).toString());
        ask.put("amount", Map.of("amount", requested, "currency", "EUR"));
        String requestId = o.partnerAdmin.post("/api/v1/mdf/requests", ask, 201).path("id").asText();
        manager.act("/api/v1/mdf/requests/" + requestId, "approve", Map.of(), 200);

        narrator.step("The partner claims with its proof; the manager approves and pays");
        String claimId = o.partnerAdmin.post("/api/v1/mdf/claims", Map.of("requestId", requestId,
                "amount", Map.of("amount", requested, "currency", "EUR"), "invoiceNumber", "INV-" + run,
                "proofLinks", List.of("https://files.example/webinar-" + run + ".pdf")), 201).path("id").asText();
        manager.act("/api/v1/mdf/claims/" + claimId, "approve", Map.of(), 200);
        manager.act("/api/v1/mdf/claims/" + claimId, "pay", Map.of("paymentReference", "SEPA-" + run), 200);
        JsonNode balance = manager.get("/api/v1/mdf/budgets/" + o.mdfBudgetId);
        narrator.changed("paid " + balance.path("paid").path("amount").asText() + " EUR; available "
                + balance.path("available").path("amount").asText() + " EUR");
    }

    /** The vendor opens a general space and a lounge only Gold partners and above see. */
    public void openCommunitySpaces(Outcome o) {
        narrator.step("The vendor opens the community: a general space and a Gold lounge");
        o.goldLoungeId = manager.post("/api/v1/spaces", Map.of("name", "Gold lounge " + run,
                "description", "Roadmap previews for Gold partners and above", "kind", "TIER",
                "visibility", Map.of("minimumTier", "GOLD")), 201).path("id").asText();
        narrator.changed("Gold lounge " + o.goldLoungeId + " (minimum tier GOLD)");
    }

    /** The active partner is a member from its activation on, and finds what its tier opens to it. */
    public JsonNode awaitMembership(Outcome o) {
        narrator.step("The community made the active partner a member");
        JsonNode member = Await.until("the partner's community membership", EVENTUAL, () -> {
            JsonNode m = o.partnerAdmin.get("/api/v1/members/" + o.partnerId);
            return "ACTIVE".equals(m.path("status").asText()) ? Optional.of(m) : Optional.empty();
        });
        narrator.changed("member since " + member.path("joinedAt").asText() + ", tier " + member.path("tier").asText());
        int lounge = o.partnerAdmin.call("GET", "/api/v1/spaces/" + o.goldLoungeId, null, Map.of(), 200, 404).status();
        narrator.changed("the Gold lounge " + (lounge == 200 ? "is open to it" : "is not visible to it yet (404)"));
        return member;
    }

    /** Once its tier reaches Gold, the lounge opens without anyone touching the space. */
    public void enterGoldLounge(Outcome o) {
        narrator.step("The Gold lounge opens to the partner, and it posts there");
        Await.until("the Gold lounge to open to the partner", EVENTUAL, () -> Optional.of(
                o.partnerAdmin.get("/api/v1/spaces/" + o.goldLoungeId)));
        String threadId = o.partnerAdmin.post("/api/v1/threads", Map.of("spaceId", o.goldLoungeId,
                "kind", "QUESTION", "title", "When does the next firewall release reach EMEA?",
                "body", "We have two customers **waiting** for it."), 201).path("id").asText();
        narrator.changed("question " + threadId + " in the Gold lounge");
    }
}
