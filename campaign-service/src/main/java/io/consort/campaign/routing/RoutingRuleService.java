package io.consort.campaign.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.campaign.support.Timestamps;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Routing rules: create, replace (a new version each time, the old kept), read. */
@ApplicationScoped
public class RoutingRuleService {

    static final Duration MIN_SLA = Duration.ofSeconds(1);
    static final Duration MAX_SLA = Duration.ofDays(30);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional
    public RoutingRule create(RoutingRuleRequest body, String origin) {
        RoutingRule rule = new RoutingRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = Timestamps.now();
        apply(rule, body, origin);
        rule.persist();
        em.flush();
        snapshot(rule, origin);
        return rule;
    }

    @Transactional
    public RoutingRule replace(UUID id, String ifMatch, RoutingRuleRequest body, String origin) {
        RoutingRule rule = get(id);
        ETags.requireIfMatch(ifMatch, rule.version);
        apply(rule, body, origin);
        em.flush();
        snapshot(rule, origin);
        return rule;
    }

    public RoutingRule get(UUID id) {
        RoutingRule rule = RoutingRule.findById(id);
        if (rule == null) {
            throw Problems.notFound("routing rule", id);
        }
        return rule;
    }

    public Page<RoutingRule> list(PageRequest page) {
        return KeysetQuery.of(RoutingRule.class).fetch(page, r -> r.createdAt, r -> r.id);
    }

    public List<RoutingRuleVersionResponse> versions(UUID id) {
        get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, changed_by, changed_at, body::text from routing_rule_versions
                where rule_id = ?1 order by version""").setParameter(1, id).getResultList();
        List<RoutingRuleVersionResponse> versions = new ArrayList<>();
        for (Object[] row : rows) {
            try {
                versions.add(new RoutingRuleVersionResponse(((Number) row[0]).longValue(), (String) row[1],
                        instant(row[2]), json.readTree((String) row[3])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("routing rule version is not JSON", e);
            }
        }
        return versions;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private void snapshot(RoutingRule rule, String origin) {
        String body;
        try {
            body = json.writeValueAsString(RoutingRuleResponse.from(rule));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into routing_rule_versions (rule_id, version, body, changed_by, changed_at)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5)""")
                .setParameter(1, rule.id).setParameter(2, rule.version).setParameter(3, body)
                .setParameter(4, origin).setParameter(5, rule.updatedAt).executeUpdate();
    }

    private static void apply(RoutingRule rule, RoutingRuleRequest body, String origin) {
        rule.name = body.name().strip();
        rule.priority = body.priority();
        rule.active = body.active();
        rule.leadRegions = new ArrayList<>(body.leadRegions() == null ? List.of() : body.leadRegions());
        rule.leadSpecialisations = new ArrayList<>(body.leadSpecialisations() == null ? List.of() : body.leadSpecialisations());
        rule.programIds = new ArrayList<>(body.programIds() == null ? List.of() : body.programIds());
        rule.matchRegion = body.matchRegion();
        rule.matchSpecialisation = body.matchSpecialisation();
        rule.minTierRank = body.minTierRank();
        rule.tierWeights = RoutingRule.normalised(body.tierWeights());
        rule.defaultWeight = body.defaultWeight();
        rule.capacity = body.capacity();
        rule.acceptanceSlaSeconds = sla(body.acceptanceSla()).toSeconds();
        rule.updatedAt = Timestamps.now();
        rule.updatedBy = origin;
    }

    static Duration sla(String value) {
        Duration sla;
        try {
            sla = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("acceptanceSla", "must be an ISO-8601 duration such as PT48H");
        }
        if (sla.compareTo(MIN_SLA) < 0 || sla.compareTo(MAX_SLA) > 0) {
            throw Problems.invalidField("acceptanceSla", "must be between PT1S and P30D");
        }
        return sla;
    }
}
