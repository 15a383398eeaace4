package io.consort.recruitment.partner;

import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.Problems;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.support.Websites;
import io.consort.recruitment.support.Codes;
import io.consort.recruitment.support.ExternalIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.time.Instant;

/**
 * A checked, normalised change to a partner: the fields a {@link PartnerRequest} set (a {@code null}
 * value clears the field) and the external ids it merges (a {@code null} id removes that system's).
 * Checked by hand, one set of rules for the single endpoints (a 400 problem) and the bulk upsert (a
 * FAILED line). What needs the database (the program exists, the parent makes no cycle) is the
 * service's to check.
 */
final class PartnerEdit {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_WEBSITE = 500;

    private final EnumMap<PartnerField, Object> values;
    private final Map<String, String> externalIds;

    private PartnerEdit(EnumMap<PartnerField, Object> values, Map<String, String> externalIds) {
        this.values = values;
        this.externalIds = externalIds;
    }

    record Result(PartnerEdit edit, List<FieldError> errors) {
        boolean valid() {
            return edit != null;
        }
    }

    /** Checks the fields of {@code request} named in {@code present} (the keys of the JSON object). */
    static Result of(PartnerRequest request, Set<String> present) {
        EnumMap<PartnerField, Object> values = new EnumMap<>(PartnerField.class);
        Map<String, String> externalIds = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>(2);
        for (String name : present) {
            PartnerField field = PartnerField.byJson(name).orElse(null);
            if (field == null) {
                continue; // Jackson refused unknown fields already; these are the bulk line's system and externalId
            }
            switch (field) {
                case NAME -> required(field, request.name(), errors, v -> {
                    String stripped = v.strip();
                    if (stripped.isEmpty()) {
                        errors.add(new FieldError(field.json, "must not be blank"));
                    } else if (stripped.length() > MAX_NAME) {
                        errors.add(new FieldError(field.json, "size must be between 1 and " + MAX_NAME));
                    } else {
                        values.put(field, stripped);
                    }
                });
                case TYPE -> required(field, request.type(), errors, v -> values.put(field, v));
                case PROGRAM_ID -> required(field, request.programId(), errors, v -> values.put(field, v));
                case PARENT_PARTNER_ID -> values.put(field, request.parentPartnerId());
                case REGION -> {
                    Codes.check(field.json, request.region(), errors);
                    values.put(field, request.region());
                }
                case DOMAIN -> required(field, request.domain(), errors, v -> Websites.domainOf(v).ifPresentOrElse(
                        domain -> values.put(field, domain),
                        () -> errors.add(new FieldError(field.json, "must be a domain name such as example.com"))));
                case WEBSITE -> values.put(field, website(request.website(), errors));
                case DESCRIPTION -> {
                    String d = request.description();
                    if (d != null && d.length() > MAX_DESCRIPTION) {
                        errors.add(new FieldError(field.json, "size must be at most " + MAX_DESCRIPTION));
                    }
                    values.put(field, d == null || d.isBlank() ? null : d.strip());
                }
                case SPECIALISATIONS -> values.put(field, codes(field, request.specialisations(), errors));
                case INDUSTRIES -> values.put(field, codes(field, request.industries(), errors));
                case LISTED_IN_DIRECTORY -> required(field, request.listedInDirectory(), errors,
                        v -> values.put(field, v));
                case EXTERNAL_IDS -> {
                    values.put(field, null);
                    externalIds(request.externalIds(), externalIds, errors);
                }
            }
        }
        return errors.isEmpty() ? new Result(new PartnerEdit(values, externalIds), List.of()) : new Result(null, errors);
    }

    boolean has(PartnerField field) {
        return values.containsKey(field);
    }

    @SuppressWarnings("unchecked")
    <T> T value(PartnerField field) {
        return (T) values.get(field);
    }

    Set<PartnerField> fields() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The ids to merge by system; a {@code null} id removes that system's. */
    Map<String, String> externalIds() {
        return Collections.unmodifiableMap(externalIds);
    }

    /** The API names of the fields set here that only the vendor side may set. */
    List<String> vendorOnlyFields() {
        return values.keySet().stream().filter(f -> f.vendorOnly).map(f -> f.json).toList();
    }

    /**
     * Refuses (400 naming each) an edit that cannot create a partner: it needs a program, a name, and a
     * domain or a website to take one from.
     */
    void requireCreatable() {
        List<FieldError> missing = new ArrayList<>(2);
        if (!has(PartnerField.PROGRAM_ID)) {
            missing.add(new FieldError(PartnerField.PROGRAM_ID.json, "is required to create a partner"));
        }
        if (!has(PartnerField.NAME)) {
            missing.add(new FieldError(PartnerField.NAME.json, "is required to create a partner"));
        }
        if (!has(PartnerField.DOMAIN) && value(PartnerField.WEBSITE) == null) {
            missing.add(new FieldError(PartnerField.DOMAIN.json, "or a website is required to create a partner"));
        }
        if (!missing.isEmpty()) {
            throw Problems.invalid("no partner is known by this external id, and creating one needs more fields",
                    missing);
        }
    }

    /**
     * The new partner this (creatable) edit describes in {@code program}, {@code ONBOARDING}, not stored:
     * like one from an approved application. Its parent and external ids are the caller's to check first.
     */
    Partner newPartner(Program program, String by, Instant now) {
        PartnerType type = program.typeFor(value(PartnerField.TYPE), PartnerField.TYPE.json);
        String website = value(PartnerField.WEBSITE);
        String domain = has(PartnerField.DOMAIN) ? value(PartnerField.DOMAIN) : Websites.domainOf(website).orElseThrow();
        Partner partner = Partner.onboard(new NewPartner(UUID.randomUUID(), program.id(), null,
                value(PartnerField.NAME), type, value(PartnerField.REGION), domain, website), by, now);
        partner.edit(this, by, now);
        return partner;
    }

    /** This edit with {@code system}'s id set too (the upsert's path names it). */
    PartnerEdit withExternalId(String system, String externalId) {
        EnumMap<PartnerField, Object> withIds = new EnumMap<>(values);
        withIds.put(PartnerField.EXTERNAL_IDS, null);
        Map<String, String> ids = new LinkedHashMap<>(externalIds);
        ids.put(system, externalId);
        return new PartnerEdit(withIds, ids);
    }

    private interface Setter<T> {
        void set(T value);
    }

    private static <T> void required(PartnerField field, T value, List<FieldError> errors, Setter<T> then) {
        if (value == null) {
            errors.add(new FieldError(field.json, "must not be null"));
        } else {
            then.set(value);
        }
    }

    /** The website as a link (scheme added when typed without one), or null. */
    private static String website(String website, List<FieldError> errors) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String text = website.strip();
        if (text.length() > MAX_WEBSITE || Websites.domainOf(text).isEmpty()) {
            errors.add(new FieldError(PartnerField.WEBSITE.json,
                    "must be an http(s) URL of a public domain, at most " + MAX_WEBSITE + " characters"));
            return null;
        }
        return text.contains("://") ? text : "https://" + text;
    }

    private static List<String> codes(PartnerField field, List<String> codes, List<FieldError> errors) {
        if (codes == null) {
            return List.of();
        }
        Codes.checkAll(field.json, codes, errors);
        return codes.stream().distinct().toList();
    }

    private static void externalIds(Map<String, String> given, Map<String, String> into, List<FieldError> errors) {
        String field = PartnerField.EXTERNAL_IDS.json;
        if (given == null) {
            errors.add(new FieldError(field, "must be an object; set one system's id to null to remove it"));
            return;
        }
        if (given.size() > ExternalIds.MAX_SYSTEMS) {
            errors.add(new FieldError(field, "at most " + ExternalIds.MAX_SYSTEMS + " systems"));
            return;
        }
        given.forEach((system, id) -> {
            if (!ExternalIds.SYSTEM.matcher(system).matches()) {
                errors.add(new FieldError(field + "." + system, ExternalIds.SYSTEM_MESSAGE));
            } else if (id != null && ExternalIds.idProblem(id) != null) {
                errors.add(new FieldError(field + "." + system, ExternalIds.idProblem(id)));
            } else {
                into.put(system, id);
            }
        });
    }
}
