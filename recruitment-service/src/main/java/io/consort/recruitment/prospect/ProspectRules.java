package io.consort.recruitment.prospect;

import io.consort.chassis.problem.Problem.FieldError;
import io.consort.recruitment.support.Websites;
import io.consort.recruitment.support.Codes;
import io.consort.recruitment.support.ExternalIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid prospect is, checked by hand: one set of rules for the single endpoints (a 400 problem)
 * and the bulk import (a FAILED line), cheap enough for 100,000 lines per request.
 */
public final class ProspectRules {

    static final int MAX_EXTERNAL_IDS = ExternalIds.MAX_SYSTEMS;
    static final int MAX_EMPLOYEES = 10_000_000;
    static final Pattern SYSTEM = ExternalIds.SYSTEM;
    static final String SYSTEM_MESSAGE = ExternalIds.SYSTEM_MESSAGE;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private ProspectRules() {
    }

    /** A valid request, normalised (domain derived, lists never null), or the field errors. */
    public static Result check(ProspectRequest r) {
        List<FieldError> errors = new ArrayList<>(2);
        if (r == null) {
            errors.add(new FieldError("", "a prospect object is required"));
            return new Result(null, errors);
        }
        if (r.companyName() == null || r.companyName().isBlank()) {
            errors.add(new FieldError("companyName", "must not be blank"));
        } else if (r.companyName().length() > 200) {
            errors.add(new FieldError("companyName", "size must be between 1 and 200"));
        }
        String domain = null;
        if (r.domain() != null) {
            domain = r.domain().strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                errors.add(new FieldError("domain", "must be a domain name such as example.com"));
            }
        }
        if (r.website() != null) {
            Optional<String> fromWebsite = Websites.domainOf(r.website());
            if (fromWebsite.isEmpty()) {
                errors.add(new FieldError("website", "must be an http(s) URL of a public domain, at most 500 characters"));
            } else if (domain == null) {
                domain = fromWebsite.get();
            }
        }
        Codes.check("region", r.region(), errors);
        Codes.check("revenueBand", r.revenueBand(), errors);
        Codes.checkAll("industries", r.industries(), errors);
        Codes.checkAll("specialisations", r.specialisations(), errors);
        Codes.checkAll("certifications", r.certifications(), errors);
        if (r.employeeCount() != null && (r.employeeCount() < 0 || r.employeeCount() > MAX_EMPLOYEES)) {
            errors.add(new FieldError("employeeCount", "must be between 0 and " + MAX_EMPLOYEES));
        }
        if (r.externalIds() != null) {
            if (r.externalIds().size() > MAX_EXTERNAL_IDS) {
                errors.add(new FieldError("externalIds", "at most " + MAX_EXTERNAL_IDS + " systems"));
            }
            for (Map.Entry<String, String> e : r.externalIds().entrySet()) {
                if (!SYSTEM.matcher(e.getKey()).matches()) {
                    errors.add(new FieldError("externalIds." + e.getKey(), SYSTEM_MESSAGE));
                }
                String problem = externalIdProblem(e.getValue());
                if (problem != null) {
                    errors.add(new FieldError("externalIds." + e.getKey(), problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ValidProspect(r.companyName().strip(), r.website(), domain, r.region(),
                orEmpty(r.industries()), orEmpty(r.specialisations()), r.employeeCount(), r.revenueBand(),
                orEmpty(r.certifications()), r.externalIds() == null ? Map.of() : Map.copyOf(r.externalIds())), List.of());
    }

    /** Why an external id is unacceptable, or null. */
    public static String externalIdProblem(String id) {
        return ExternalIds.idProblem(id);
    }

    private static List<String> orEmpty(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> distinct = new ArrayList<>(values.size());
        for (String value : values) {
            if (!distinct.contains(value)) {
                distinct.add(value);
            }
        }
        return List.copyOf(distinct);
    }

    public record Result(ValidProspect prospect, List<FieldError> errors) {
        public boolean valid() {
            return prospect != null;
        }
    }

    /** A prospect that passed the rules; lists are never null and hold no duplicates. */
    public record ValidProspect(String companyName, String website, String domain, String region,
            List<String> industries, List<String> specialisations, Integer employeeCount, String revenueBand,
            List<String> certifications, Map<String, String> externalIds) {

        ValidProspect withExternalId(String system, String externalId) {
            Map<String, String> ids = new java.util.TreeMap<>(externalIds);
            ids.put(system, externalId);
            return new ValidProspect(companyName, website, domain, region, industries, specialisations,
                    employeeCount, revenueBand, certifications, Map.copyOf(ids));
        }
    }
}
