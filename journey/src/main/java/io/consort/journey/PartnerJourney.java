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
    /** How long an effect that travels by event may take to show (EVENTUAL unless the caller allows more). */
    private final Duration eventual;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String servicesToken;
    private long servicesTokenExpiry;
    /** The client a company applies with (its own public form session): the manager's client without a token unless told. */
    private java.util.function.Function<String, Api> applicants;

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
        public String routingRuleId;
        public String enrolmentId;
        public String mdfRequestId;
        public String mdfClaimId;
        public String loungeThreadId;
        public String engineerUserId;
        public String engineerEmail;
        public String completionId;
        public String moduleId;
        public JsonNode rebate;
    }

    public PartnerJourney(String gatewayUrl, Keycloak keycloak, String managerToken, String adminToken,
            String servicesSecret, Narrator narrator) {
        this(gatewayUrl, keycloak, managerToken, adminToken, servicesSecret, narrator, EVENTUAL);
    }

    /**
     * With its own patience for effects that travel by event: the demo data walks a dozen partners at once, whose
     * logins Keycloak makes one after another, so on a busy machine the last may take longer than a test allows.
     */
    public PartnerJourney(String gatewayUrl, Keycloak keycloak, String managerToken, String adminToken,
            String servicesSecret, Narrator narrator, Duration eventual) {
        this.eventual = eventual;
        this.narrator = narrator;
        this.manager = new Api(gatewayUrl, managerToken, narrator::call);
        this.admin = manager.as(adminToken);
        this.keycloak = keycloak;
        this.servicesSecret = servicesSecret;
        this.applicants = company -> manager.anonymous();
    }

    /**
     * Each company applies from the address of this machine {@code address} gives for its name (the demo data: each
     * from its own, as a dozen companies applying at once would; the public endpoints limit each client address, to
     * 10 applications a minute). See {@link Api#from} for where that cannot be done.
     */
    public PartnerJourney applyingFrom(java.util.function.Function<String, java.net.InetAddress> address) {
        this.applicants = company -> manager.anonymous().from(address.apply(company));
        return this;
    }

    /**
     * The services' client token for Keycloak's Admin API, fetched once and reused until shortly before it expires
     * (partners walked at once share it), rather than one token request per partner.
     */
    private synchronized String servicesToken() {
        if (servicesToken == null || System.currentTimeMillis() / 1000 > servicesTokenExpiry - 30) {
            servicesToken = keycloak.clientToken("consort-services", servicesSecret);
            servicesTokenExpiry = Keycloak.expiry(servicesToken);
        }
        return servicesToken;
    }

    /** The whole journey of docs/domain.md for one partner, step by step. */
    public Outcome walk(String company, String region) {
        String programId = openProgram("Resellers " + region + " " + run, region);
        return walkInto(programId, openGoldLounge(), company, region, "250000.00");
    }

    /** The whole journey for one partner of an existing program and Gold lounge. */
    public Outcome walkInto(String programId, String goldLoungeId, String company, String region, String dealAmount) {
        Outcome o = recruitInto(programId, company, region);
        o.goldLoungeId = goldLoungeId;
        awaitMembership(o);
        marketThroughPartner(o, region);
        registerAndWinDeal(o, "Contoso Pharma", dealAmount);
        fundMarketing(o, "20000.00", "5000.00");
        riseToGold(o);
        enterGoldLounge(o);
        routeWithGoldWeight(o, region);
        return o;
    }

    /** The journey up to an active partner of a program of its own: recruitment, onboarding and training. */
    public Outcome recruit(String company, String region) {
        return recruitInto(openProgram("Resellers " + region + " " + run, region), company, region);
    }

    /**
     * A program with an ideal partner profile for the region and a scorecard a partner reaches with a won
     * deal, two certified people and its onboarding done.
     */
    public String openProgram(String name, String region) {
        String programId = createProgram(name, region);
        recommendProspects(programId, name, region);
        return programId;
    }

    /** The program and its scorecard: all a partner needs to apply and be scored. */
    public String createProgram(String name, String region) {
        narrator.step("The channel manager opens a program with an ideal partner profile");
        String programId = manager.post("/api/v1/programs", Map.of(
                "name", name,
                "description", "Value-added resellers of network security",
                "partnerTypes", List.of("RESELLER", "MSP"),
                "acceptingApplications", true,
                "idealProfile", Map.of(
                        "regions", Map.of("values", List.of(region), "weight", 40),
                        "specialisations", Map.of("values", List.of("CLOUD_SECURITY"), "weight", 40),
                        "companySize", Map.of("minEmployees", 10, "maxEmployees", 500, "weight", 20))),
                201).get("id").asText();
        narrator.changed("program " + programId);
        manager.call("PUT", "/api/v1/scorecard-definitions/" + programId, Map.of("kpis", List.of(
                Map.of("kpi", "WON_REVENUE", "weight", 40, "target", 200000),
                Map.of("kpi", "DEALS_WON", "weight", 20, "target", 1),
                Map.of("kpi", "CERTIFIED_PEOPLE", "weight", 20, "target", 2),
                Map.of("kpi", "ONBOARDING_PROGRESS", "weight", 20, "target", 1))),
                Map.of("If-Match", "\"0\""), 200);
        narrator.changed("its scorecard: won revenue 40, deals won 20, certified people 20, onboarding 20");
        return programId;
    }

    /** A few prospects for the program's region, and the ones that fit the program best. */
    public void recommendProspects(String programId, String name, String region) {
        narrator.step("The manager imports prospects and asks which fit the program best");
        for (String[] p : List.of(new String[] {"Harbour IT", region, "CLOUD_SECURITY"},
                new String[] {"Granite Systems", region, "NETWORK"},
                new String[] {"Pampas Cloud", "LATAM", "CLOUD_SECURITY"})) {
            manager.post("/api/v1/prospects", Map.of("companyName", p[0] + " " + name,
                    "domain", p[0].toLowerCase().replace(' ', '-') + "-" + Integer.toHexString(name.hashCode()) + ".example", "region", p[1],
                    "specialisations", List.of(p[2]), "employeeCount", 120), 201);
        }
        JsonNode recommendations = manager.get("/api/v1/programs/" + programId + "/recommendations?limit=3");
        JsonNode best = recommendations.path("items").path(0);
        narrator.changed("best fit: " + best.path("companyName").asText() + " (" + best.path("score").asText()
                + "/100: " + best.path("explanation").findValuesAsText("reason") + ")");
    }

    /** A partner of the program from its public application to active: onboarding and training. */
    public Outcome recruitInto(String programId, String company, String region) {
        Outcome o = new Outcome();
        o.programId = programId;
        String slug = company.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + run;
        o.partnerName = company;

        narrator.step(company + " applies through the public form, without a token");
        o.partnerAdminEmail = "admin@" + slug + ".example";
        String applicationId = applicants.apply(company).post("/api/v1/applications", Map.of(
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
        Await.until("the partner admin's login", eventual, () -> {
            JsonNode users = manager.get("/api/v1/partners/" + o.partnerId + "/users");
            return "ACTIVE".equals(users.path("items").path(0).path("state").asText())
                    ? Optional.of(users) : Optional.empty();
        });
        o.partnerAdminPassword = "pw-" + slug;
        keycloak.choosePassword(servicesToken(), o.partnerAdminEmail, o.partnerAdminPassword);
        o.partnerAdmin = manager.as(keycloak.login(o.partnerAdminEmail, o.partnerAdminPassword));
        narrator.changed(o.partnerAdminEmail + " signed in with a token carrying partner_id " + o.partnerId);

        narrator.step("The partner accepts the agreement, completes its profile and passes the certification");
        String moduleId = o.moduleId = manager.post("/api/v1/training/modules", Map.of("title", "Cloud security essentials " + slug,
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
        o.completionId = completion.path("id").asText();
        narrator.changed("certification " + completion.path("certification").path("name").asText("earned"));

        narrator.step("The partner admin invites a sales engineer, who passes the certification too");
        String colleague = o.engineerUserId = o.partnerAdmin.post("/api/v1/partners/" + o.partnerId + "/users", Map.of(
                "email", o.engineerEmail = "engineer@" + slug + ".example", "firstName", "Grace", "lastName", "Engineer",
                "role", "PARTNER_USER"), 201).path("id").asText();
        JsonNode engineer = Await.until("the engineer's login", eventual, () -> {
            JsonNode u = o.partnerAdmin.get("/api/v1/partners/" + o.partnerId + "/users/" + colleague);
            return "ACTIVE".equals(u.path("state").asText()) ? Optional.of(u) : Optional.empty();
        });
        manager.post("/api/v1/training/completions", Map.of("moduleId", moduleId, "score", 81,
                "partnerId", o.partnerId, "userId", engineer.path("keycloakUserId").asText()), 201);
        narrator.changed("two certified people at " + company);
        o.partner = manager.get("/api/v1/partners/" + o.partnerId);
        narrator.changed("partner is " + o.partner.path("state").asText());

        narrator.step("Performance opened the partner's scorecard at the entry tier");
        o.scorecard = Await.until("the partner's scorecard", eventual, () -> Optional.of(
                o.partnerAdmin.get("/api/v1/scorecards/" + o.partnerId)));
        narrator.changed("tier " + o.scorecard.path("tier").asText() + ", score " + o.scorecard.path("score").asText());
        return o;
    }

    /** The partner registers the deal, the manager approves it, the partner wins it. */
    public void registerAndWinDeal(Outcome o, String customer, String amount) {
        narrator.step("The partner registers the deal; the channel-conflict check finds no rival");
        // The customer's domain is this partner's own, so partners of one run never collide in the conflict check.
        String domain = customer.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + o.partnerId.substring(0, 8) + ".example";
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
        if (o.leadId != null) {
            JsonNode converted = o.partnerAdmin.act("/api/v1/leads/" + o.leadId, "convert", Map.of("dealId", o.dealId), 200);
            narrator.changed("lead " + o.leadId + " " + converted.path("state").asText() + " into the deal");
        }

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
        String requestId = o.mdfRequestId = o.partnerAdmin.post("/api/v1/mdf/requests", ask, 201).path("id").asText();
        manager.act("/api/v1/mdf/requests/" + requestId, "approve", Map.of(), 200);

        narrator.step("The partner claims with its proof; the manager approves and pays");
        String claimId = o.partnerAdmin.post("/api/v1/mdf/claims", Map.of("requestId", requestId,
                "amount", Map.of("amount", requested, "currency", "EUR"), "invoiceNumber", "INV-" + run,
                "proofLinks", List.of("https://files.example/webinar-" + run + ".pdf")), 201).path("id").asText();
        o.mdfClaimId = claimId;
        manager.act("/api/v1/mdf/claims/" + claimId, "approve", Map.of(), 200);
        manager.act("/api/v1/mdf/claims/" + claimId, "pay", Map.of("paymentReference", "SEPA-" + run), 200);
        JsonNode balance = manager.get("/api/v1/mdf/budgets/" + o.mdfBudgetId);
        narrator.changed("paid " + balance.path("paid").path("amount").asText() + " EUR; available "
                + balance.path("available").path("amount").asText() + " EUR");
    }

    /**
     * The vendor markets through the partner: a co-branded campaign the partner enrols in, a prospect
     * following the partner's tracked link and sending the form, the lead routed to the partner, who
     * accepts it and only then sees the contact.
     */
    public void marketThroughPartner(Outcome o, String region) {
        narrator.step("The manager sets a routing rule and publishes a co-branded campaign for the program");
        o.routingRuleId = manager.post("/api/v1/routing-rules", Map.ofEntries(Map.entry("name", "Leads of " + o.partnerName + " " + run),
                Map.entry("priority", 5), Map.entry("active", true), Map.entry("leadRegions", List.of(region)),
                Map.entry("leadSpecialisations", List.of()), Map.entry("programIds", List.of(o.programId)),
                Map.entry("matchRegion", true), Map.entry("matchSpecialisation", false), Map.entry("minTierRank", 0),
                Map.entry("tierWeights", Map.of("REGISTERED", 1, "SILVER", 2, "GOLD", 3, "PLATINUM", 4)),
                Map.entry("defaultWeight", 1), Map.entry("capacity", 5), Map.entry("acceptanceSla", "PT48H")), 201)
                .path("id").asText();
        Map<String, Object> campaign = new java.util.LinkedHashMap<>();
        campaign.put("name", "Cloud Security Day with " + o.partnerName + " " + run);
        campaign.put("description", "Invite your customers to our cloud security day");
        campaign.put("channels", List.of("EMAIL", "WEB"));
        campaign.put("targeting", Map.of("regions", List.of(region), "tiers", List.of(), "programIds", List.of(o.programId),
                "specialisations", List.of()));
        campaign.put("budget", Map.of("amount", "25000.00", "currency", "EUR"));
        campaign.put("landingUrl", "https://www.example.com/cloud-security-day");
        campaign.put("assets", List.of(Map.of("name", "Invitation e-mail",
                "subject", "{{partner.name}} invites you to Cloud Security Day",
                "text", "Register at {{trackedLink}}. Questions? {{partner.contactEmail}}",
                "html", "<p><a href=\"{{trackedLink}}\">Register</a> with {{partner.name}}</p>")));
        o.campaignId = manager.post("/api/v1/campaigns", campaign, 201).path("id").asText();
        manager.act("/api/v1/campaigns/" + o.campaignId, "publish", null, 200);
        narrator.changed("campaign " + o.campaignId + " PUBLISHED for " + region + " partners of the program");

        narrator.step("The partner finds the campaign, enrols with its co-branding and previews the e-mail");
        Await.until("the campaign to be offered to the partner", eventual, () -> {
            JsonNode page = o.partnerAdmin.get("/api/v1/campaigns?limit=200");
            for (JsonNode c : page.path("items")) {
                if (o.campaignId.equals(c.path("id").asText())) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        });
        JsonNode enrolment = o.partnerAdmin.post("/api/v1/campaigns/" + o.campaignId + "/enrolments", Map.of(
                "displayName", o.partnerName, "logoUrl", "https://cdn.example/logos/" + run + ".png"), 201);
        o.enrolmentId = enrolment.path("id").asText();
        String enrolmentPath = "/api/v1/campaigns/" + o.campaignId + "/enrolments/" + o.enrolmentId;
        JsonNode preview = o.partnerAdmin.get(enrolmentPath + "/preview");
        narrator.changed("preview: \"" + preview.path("assets").path(0).path("subject").asText() + "\"");
        String trackedLink = enrolment.path("trackedLink").asText();
        String token = trackedLink.substring(trackedLink.lastIndexOf('/') + 1);

        narrator.step("A prospect follows the partner's link and sends the campaign's form");
        Api.Call click = manager.anonymous().call("GET", "/t/" + token, null, Map.of(), 302);
        narrator.changed("redirected to " + click.header("Location"));
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("company", "Contoso Pharma");
        form.put("contactName", "Carla Contoso");
        form.put("email", "carla@contoso-pharma.example");
        form.put("region", region);
        form.put("specialisation", "CLOUD_SECURITY");
        form.put("need", "Firewalls for 12 plants");
        form.put("consent", true);
        form.put("ref", token);
        o.leadId = manager.anonymous().post("/api/v1/forms/" + o.campaignId, form, 201).path("leadId").asText();

        narrator.step("The lead is routed to the partner, who sees the company and need, accepts, then sees the contact");
        JsonNode offered = Await.until("the lead to be offered to the partner", eventual, () -> {
            JsonNode lead = o.partnerAdmin.call("GET", "/api/v1/leads/" + o.leadId, null, Map.of(), 200, 404).body();
            return "OFFERED".equals(lead.path("state").asText()) ? Optional.of(lead) : Optional.empty();
        });
        narrator.changed("OFFERED until " + offered.path("acceptBy").asText() + ", contact hidden: "
                + offered.path("contactHidden").asBoolean());
        JsonNode history = manager.get("/api/v1/leads/" + o.leadId + "/routing-history");
        narrator.changed("why: " + history.findValuesAsText("reason"));
        JsonNode accepted = o.partnerAdmin.act("/api/v1/leads/" + o.leadId, "accept", null, 200);
        narrator.changed("ACCEPTED; contact " + accepted.path("contact").path("name").asText() + " <"
                + accepted.path("contact").path("email").asText() + ">");
    }

    /** The won deal and the certifications lift the partner's score and tier; the rebate accrues. */
    public void riseToGold(Outcome o) {
        narrator.step("Performance scores the won deal: the partner reaches Gold and a rebate accrues");
        o.scorecard = Await.until("the partner to reach GOLD", eventual, () -> {
            JsonNode card = o.partnerAdmin.get("/api/v1/scorecards/" + o.partnerId);
            return "GOLD".equals(card.path("tier").asText()) ? Optional.of(card) : Optional.empty();
        });
        narrator.changed("score " + o.scorecard.path("score").asText() + ", tier GOLD: "
                + o.scorecard.path("explanation").asText());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        JsonNode rebate = Await.until("the rebate to accrue", eventual, () -> {
            JsonNode st = o.partnerAdmin.get("/api/v1/incentives/" + o.partnerId + "/statement" + Api.query("period", period));
            for (JsonNode line : st.path("lines")) {
                if ("REBATE".equals(line.path("kind").asText()) && o.dealId.equals(line.path("dealId").asText())) {
                    return Optional.of(line);
                }
            }
            return Optional.empty();
        });
        o.rebate = rebate;
        narrator.changed("rebate " + rebate.path("amount").path("amount").asText() + " "
                + rebate.path("amount").path("currency").asText() + ": " + rebate.path("reason").asText());
    }

    /** A new lead of the program's region goes to the partner with its Gold weight. */
    public void routeWithGoldWeight(Outcome o, String region) {
        narrator.step("Routing now weighs the partner as Gold");
        String leadId = manager.post("/api/v1/leads", Map.of("company", "Fabrikam Logistics " + run,
                "contactName", "Frank Fabrikam", "contactEmail", "frank@fabrikam-" + run + ".example", "region", region,
                "specialisation", "CLOUD_SECURITY", "need", "Zero-trust access for 300 drivers"), 201).path("id").asText();
        JsonNode history = Await.until("the lead to be routed", eventual, () -> {
            JsonNode h = manager.get("/api/v1/leads/" + leadId + "/routing-history");
            return h.findValuesAsText("reason").isEmpty() ? Optional.empty() : Optional.of(h);
        });
        narrator.changed("why: " + history.findValuesAsText("reason"));
    }

    /** The vendor opens a general space and a lounge only Gold partners and above see. */
    public void openCommunitySpaces(Outcome o) {
        o.goldLoungeId = openGoldLounge();
    }

    /** A community space only Gold partners and above see; its id. */
    public String openGoldLounge() {
        narrator.step("The vendor opens a lounge in the community that only Gold partners and above see");
        String id = manager.post("/api/v1/spaces", Map.of("name", "Gold lounge " + run,
                "description", "Roadmap previews for Gold partners and above", "kind", "TIER",
                "visibility", Map.of("minimumTier", "GOLD")), 201).path("id").asText();
        narrator.changed("Gold lounge " + id + " (minimum tier GOLD)");
        return id;
    }

    /** The active partner is a member from its activation on, and finds what its tier opens to it. */
    public JsonNode awaitMembership(Outcome o) {
        narrator.step("The community made the active partner a member");
        JsonNode member = Await.until("the partner's community membership", eventual, () -> {
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
        Await.until("the Gold lounge to open to the partner", eventual, () -> Optional.of(
                o.partnerAdmin.get("/api/v1/spaces/" + o.goldLoungeId)));
        String threadId = o.loungeThreadId = o.partnerAdmin.post("/api/v1/threads", Map.of("spaceId", o.goldLoungeId,
                "kind", "QUESTION", "title", "When does the next firewall release reach EMEA?",
                "body", "We have two customers **waiting** for it."), 201).path("id").asText();
        narrator.changed("question " + threadId + " in the Gold lounge");
    }
}
