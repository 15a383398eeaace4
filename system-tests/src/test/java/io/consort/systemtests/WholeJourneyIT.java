package io.consort.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.journey.Api;
import io.consort.journey.Keycloak;
import io.consort.journey.Narrator;
import io.consort.journey.PartnerJourney;
import io.consort.journey.PartnerJourney.Outcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The partner journey of docs/architecture.md ("One partner's journey") end to end through the gateway
 * against the real stack — the same {@link PartnerJourney} that {@code ./prm demo} narrates — and then the
 * isolation matrix: a second partner's admin tries every operation of the gateway's merged OpenAPI document
 * on the first partner's resources and every list, and never gets anything of the first partner.
 */
@TestMethodOrder(OrderAnnotation.class)
class WholeJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SuiteStack stack;
    private static Keycloak keycloak;
    private static PartnerJourney journey;
    private static Outcome first;
    private static final StringBuilder transcript = new StringBuilder();

    @BeforeAll
    static void startStack() {
        stack = SuiteStack.get();
        keycloak = new Keycloak(stack.keycloak());
        journey = new PartnerJourney(stack.gateway(), keycloak, keycloak.login("manager", "manager-pw"),
                keycloak.login("admin", "admin-pw"), "services-secret", Narrator.recordingTo(transcript));
    }

    @Test
    @Order(1)
    void aPartnerGoesFromApplicationToGoldThroughEveryService() {
        try {
            first = journey.walk("Northwind Traders", "EMEA");
        } catch (RuntimeException e) {
            throw new AssertionError("the journey stopped: " + e.getMessage() + "\n--- so far ---\n" + transcript, e);
        }
        assertEquals("ACTIVE", first.partner.path("state").asText(), transcript::toString);
        assertEquals("GOLD", first.scorecard.path("tier").asText(), transcript::toString);
        assertTrue(first.scorecard.path("explanation").asText().contains("GOLD"), transcript::toString);
        JsonNode lead = first.partnerAdmin.get("/api/v1/leads/" + first.leadId);
        assertEquals("CONVERTED", lead.path("state").asText());
        assertEquals(first.dealId, lead.path("dealId").asText());
        assertFalse(lead.path("contactHidden").asBoolean());
        JsonNode deal = first.partnerAdmin.get("/api/v1/deal-registrations/" + first.dealId);
        assertEquals("WON", deal.path("state").asText());
        JsonNode budget = first.partnerAdmin.get("/api/v1/mdf/budgets/" + first.mdfBudgetId);
        assertEquals("5000.00", budget.path("paid").path("amount").asText());
        assertEquals("15000.00", budget.path("available").path("amount").asText());
        assertEquals("REBATE", first.rebate.path("kind").asText());
        assertTrue(first.rebate.path("amount").path("amount").asText().matches("[1-9][0-9]*\\.[0-9]{2}"), first.rebate::toString);
        // The partner 360 gathers what the services hold, with the partner's own token.
        JsonNode view = first.partnerAdmin.get("/api/v1/partners/" + first.partnerId + "/360");
        assertTrue(view.path("complete").asBoolean(), view::toString);
        assertEquals(first.partnerId, view.path("sections").path("profile").path("data").path("id").asText(), view::toString);
        assertEquals("GOLD", view.path("sections").path("scorecard").path("data").path("tier").asText(), view::toString);
        assertEquals("ACTIVE", view.path("sections").path("community").path("data").path("status").asText(), view::toString);
    }

    @Test
    @Order(2)
    void anotherPartnerNeverReachesTheFirstPartnersData() throws Exception {
        assertNotNull(first, "the journey ran first");
        // Another program of the same region: the first partner's campaign targets its own program only.
        Outcome second = journey.recruitInto(journey.openProgram("Distributors EMEA " + UUID.randomUUID(), "EMEA"),
                "Tailspin Toys", "EMEA");
        String password = "pw-user-" + UUID.randomUUID();
        keycloak.choosePassword(keycloak.clientToken("consort-services", "services-secret"), second.engineerEmail, password);
        Api user = second.partnerAdmin.as(keycloak.login(second.engineerEmail, password));

        JsonNode document = JSON.readTree(new Api(stack.gateway(), null, null).call("GET", "/q/openapi?format=json",
                null, Map.of("Accept", "application/json"), 200).body().toString());
        List<String> failures = new ArrayList<>();
        failures.addAll(sweep(document, second.partnerAdmin, "the second partner's admin"));
        failures.addAll(sweep(document, user, "the second partner's user"));
        assertTrue(failures.isEmpty(), failures.size() + " operations let the second partner reach the first's data:\n"
                + String.join("\n", failures));
    }

    /**
     * Every operation of the merged document on the first partner's resources (must be refused: 403 or 404
     * for reads; any 4xx but 401 for writes, whose body may fail validation first), every list and search
     * (must show nothing of the first partner), as one caller.
     */
    private static List<String> sweep(JsonNode document, Api intruder, String who) {
        Map<String, String> owned = ownedIds(first);
        List<String> failures = new ArrayList<>();
        int singles = 0;
        int lists = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method) || isPublic(op.getValue(), document)) {
                    continue;
                }
                String template = path.getKey();
                String filled = fill(template, owned);
                if (filled != null) {
                    singles++;
                    Api.Call answer = intruder.call(method, filled, body(method), writeHeaders(method), allStatuses());
                    boolean refused = answer.status() == 403 || answer.status() == 404
                            || (!method.equals("GET") && answer.status() / 100 == 4 && answer.status() != 401);
                    if (!refused || leaks(answer.body(), first, filled)) {
                        failures.add(who + ": " + method + " " + filled + " (" + template + ") answered "
                                + answer.status() + ": " + answer.body());
                    }
                } else if (method.equals("GET") && !template.contains("{") && !VENDOR_CONFIGURED.contains(template)) {
                    lists++;
                    Api.Call answer = intruder.call("GET", template, null, Map.of(), allStatuses());
                    if (answer.status() / 100 == 5 || leaks(answer.body(), first, template)) {
                        failures.add(who + ": GET " + template + " answered " + answer.status()
                                + " showing the first partner: " + answer.body());
                    }
                }
            }
        }
        // Search and the lists by the first partner's own words.
        for (String probe : List.of("/api/v1/community/search?q=firewall", "/api/v1/community/search?q=Northwind",
                "/api/v1/leads?limit=200", "/api/v1/deal-registrations?limit=200", "/api/v1/members?limit=200")) {
            Api.Call answer = intruder.call("GET", probe, null, Map.of(), allStatuses());
            if (answer.status() / 100 == 5 || leaks(answer.body(), first, probe)) {
                failures.add(who + ": GET " + probe + " answered " + answer.status() + ": " + answer.body());
            }
        }
        assertTrue(singles > 30, who + ": the sweep reached only " + singles + " operations on the first partner's resources");
        assertTrue(lists > 10, who + ": the sweep read only " + lists + " lists");
        return failures;
    }

    /** Lists whose contents across partners the vendor decides (the leaderboard's names or anonymous ranks). */
    private static final Set<String> VENDOR_CONFIGURED = Set.of("/api/v1/leaderboard", "/api/v1/partner-directory");

    private static Map<String, String> ownedIds(Outcome o) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("partners", o.partnerId);
        ids.put("scorecards", o.partnerId);
        ids.put("incentives", o.partnerId);
        ids.put("members", o.partnerId);
        ids.put("users", o.engineerUserId);
        ids.put("leads", o.leadId);
        ids.put("deal-registrations", o.dealId);
        ids.put("budgets", o.mdfBudgetId);
        ids.put("requests", o.mdfRequestId);
        ids.put("claims", o.mdfClaimId);
        ids.put("campaigns", o.campaignId);
        ids.put("enrolments", o.enrolmentId);
        ids.put("spaces", o.goldLoungeId);
        ids.put("threads", o.loungeThreadId);
        ids.put("completions", o.completionId);
        return ids;
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * The template with each parameter replaced by the first partner's resource of the collection named
     * before it, or null when a parameter names nothing the first partner owns (programs, modules, rules).
     */
    static String fill(String template, Map<String, String> owned) {
        String[] segments = template.split("/");
        boolean any = false;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = PARAM.matcher(segments[i]);
            if (!m.matches()) {
                continue;
            }
            String collection = i > 0 ? segments[i - 1] : "";
            String id = owned.get(collection);
            if (id == null) {
                // A sub-resource the first partner owns through its parent (a task of its onboarding).
                if (any) {
                    segments[i] = UUID.randomUUID().toString();
                    continue;
                }
                return null;
            }
            segments[i] = id;
            any = true;
        }
        return any ? String.join("/", segments) : null;
    }

    private static boolean isPublic(JsonNode operation, JsonNode document) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        return security.isArray() && security.isEmpty();
    }

    private static Object body(String method) {
        return method.equals("GET") || method.equals("DELETE") ? null : Map.of();
    }

    private static Map<String, String> writeHeaders(String method) {
        return method.equals("GET") ? Map.of()
                : Map.of("Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"0\"");
    }

    private static int[] allStatuses() {
        int[] all = new int[500];
        for (int i = 0; i < all.length; i++) {
            all[i] = 100 + i;
        }
        return all;
    }

    /**
     * Whether an answer shows anything of the first partner (its ids, its name, its customer's contact) that
     * the caller did not send itself: a problem that echoes the id asked for ("lead … not found") tells nothing.
     */
    private static boolean leaks(JsonNode body, Outcome o, String asked) {
        if (body == null || body.isMissingNode()) {
            return false;
        }
        JsonNode copy = body.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("instance");
        }
        String text = copy.toString();
        for (String secret : new String[] {o.partnerId, o.leadId, o.dealId, o.mdfBudgetId, o.mdfRequestId, o.mdfClaimId,
                o.enrolmentId, o.loungeThreadId, o.partnerAdminEmail, "Northwind Traders", "carla@contoso-pharma.example"}) {
            if (secret != null && !asked.contains(secret) && text.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
