package io.consort.recruitment.partner;

import io.consort.chassis.persistence.Audited;
import io.consort.chassis.security.PartnerScope;
import io.consort.recruitment.partner.PartnerState.Action;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.support.IllegalTransitionException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner organisation. Its own id is its partner id, so the chassis partner-scope filter applies
 * on {@code id}: a partner-side caller cannot load any other partner, whichever query asks.
 *
 * <p>Every change goes through {@link #touched}, which records who made it: the change feed and the
 * events carry that origin so an integrator can skip the echo of its own writes.
 */
@Entity
@Table(name = "partners")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION_ON_ID)
public class Partner extends Audited {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "parent_partner_id")
    private UUID parentPartnerId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_type", nullable = false)
    private PartnerType type;

    private String region;

    @Column(nullable = false)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerState state;

    private String tier;

    @Column(name = "tier_changed_at")
    private Instant tierChangedAt;

    private String website;

    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> specialisations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> industries = new ArrayList<>();

    @Column(name = "listed_in_directory", nullable = false)
    private boolean listedInDirectory;

    @Column(name = "state_reason")
    private String stateReason;

    @Column(name = "state_changed_at")
    private Instant stateChangedAt;

    // Batched: a list page or a feed page of partners loads their ids in a few queries, not one each.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(name = "partner_external_ids", joinColumns = @JoinColumn(name = "partner_id"))
    @MapKeyColumn(name = "system")
    @Column(name = "external_id", nullable = false)
    private Map<String, String> externalIds = new TreeMap<>();

    @Column(nullable = false)
    private String origin;

    protected Partner() {
        // for JPA
    }

    /** A partner that was just accepted into a program; it starts {@code ONBOARDING}. */
    public static Partner onboard(NewPartner p, String by, Instant now) {
        Partner partner = new Partner();
        partner.id = Objects.requireNonNull(p.id());
        partner.programId = Objects.requireNonNull(p.programId());
        partner.applicationId = p.applicationId();
        partner.name = Objects.requireNonNull(p.name());
        partner.type = Objects.requireNonNull(p.type());
        partner.region = p.region();
        partner.domain = Objects.requireNonNull(p.domain());
        partner.website = p.website();
        partner.state = PartnerState.ONBOARDING;
        partner.stateChangedAt = now;
        partner.created(by, now);
        partner.origin = by;
        return partner;
    }

    /**
     * Takes the tier performance decided at {@code decidedAt}, unless a tier decided later is already
     * here: events of one partner normally arrive in order, but a replay or a redelivery after a
     * rebalance can bring an older one back. {@code by} and {@code now} record the change itself.
     *
     * @return whether the tier was taken
     */
    public boolean changeTier(String newTier, Instant decidedAt, String by, Instant now) {
        if (newTier == null || newTier.isBlank() || newTier.length() > 40) {
            throw new IllegalArgumentException("a tier is a name of 1–40 characters, not '" + newTier + "'");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (tierChangedAt != null && !decidedAt.isAfter(tierChangedAt)) {
            return false;
        }
        tier = newTier;
        tierChangedAt = decidedAt;
        touched(by, now);
        return true;
    }

    /** Onboarding is complete: {@code ONBOARDING → ACTIVE}. */
    public void activate(String by, Instant now) {
        transition(Action.ACTIVATE, null, by, now);
    }

    public void suspend(String reason, String by, Instant now) {
        transition(Action.SUSPEND, Objects.requireNonNull(reason), by, now);
    }

    public void reinstate(String by, Instant now) {
        transition(Action.REINSTATE, null, by, now);
    }

    public void terminate(String reason, String by, Instant now) {
        transition(Action.TERMINATE, Objects.requireNonNull(reason), by, now);
    }

    private void transition(Action action, String reason, String by, Instant now) {
        state = state.after(action);
        // The reason explains the state the partner is in; an ACTIVE partner has none to explain.
        stateReason = reason;
        stateChangedAt = now;
        touched(by, now);
    }

    /** Refuses any change to a terminated partner: the record stays as it was when the partnership ended. */
    void requireChangeable() {
        if (state == PartnerState.TERMINATED) {
            throw new IllegalTransitionException("a TERMINATED partner cannot be changed");
        }
    }

    /**
     * Applies a checked edit and answers the API names of the fields whose value it changed (none: nothing
     * was touched, the version stays). Whether the program, type and parent are acceptable is the
     * service's to check first; who may set which field, the resource's.
     */
    List<String> edit(PartnerEdit edit, String by, Instant now) {
        requireChangeable();
        List<String> changed = new ArrayList<>();
        for (PartnerField field : edit.fields()) {
            if (field == PartnerField.EXTERNAL_IDS) {
                if (mergeExternalIds(edit.externalIds())) {
                    changed.add(field.json);
                }
            } else if (!Objects.equals(current(field), edit.value(field))) {
                assign(field, edit.value(field));
                changed.add(field.json);
            }
        }
        if (!changed.isEmpty()) {
            touched(by, now);
        }
        return changed;
    }

    private Object current(PartnerField field) {
        return switch (field) {
            case NAME -> name;
            case TYPE -> type;
            case REGION -> region;
            case DOMAIN -> domain;
            case WEBSITE -> website;
            case DESCRIPTION -> description;
            case SPECIALISATIONS -> specialisations;
            case INDUSTRIES -> industries;
            case LISTED_IN_DIRECTORY -> listedInDirectory;
            case PROGRAM_ID -> programId;
            case PARENT_PARTNER_ID -> parentPartnerId;
            case EXTERNAL_IDS -> externalIds;
        };
    }

    @SuppressWarnings("unchecked")
    private void assign(PartnerField field, Object value) {
        switch (field) {
            case NAME -> name = (String) value;
            case TYPE -> type = (PartnerType) value;
            case REGION -> region = (String) value;
            case DOMAIN -> domain = (String) value;
            case WEBSITE -> website = (String) value;
            case DESCRIPTION -> description = (String) value;
            case SPECIALISATIONS -> specialisations = new ArrayList<>((List<String>) value);
            case INDUSTRIES -> industries = new ArrayList<>((List<String>) value);
            case LISTED_IN_DIRECTORY -> listedInDirectory = (Boolean) value;
            case PROGRAM_ID -> programId = (UUID) value;
            case PARENT_PARTNER_ID -> parentPartnerId = (UUID) value;
            case EXTERNAL_IDS -> throw new IllegalArgumentException("external ids are merged, not assigned");
        }
    }

    /** Sets or (for a null id) removes each system's id, keeping the other systems' ids. */
    private boolean mergeExternalIds(Map<String, String> ids) {
        Map<String, String> merged = new TreeMap<>(externalIds);
        ids.forEach((system, id) -> {
            if (id == null) {
                merged.remove(system);
            } else {
                merged.put(system, id);
            }
        });
        if (merged.equals(externalIds)) {
            return false;
        }
        externalIds.clear();
        externalIds.putAll(merged);
        return true;
    }

    private void touched(String by, Instant now) {
        changed(by, now);
        origin = by;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public UUID parentPartnerId() {
        return parentPartnerId;
    }

    public String name() {
        return name;
    }

    public PartnerType type() {
        return type;
    }

    public String region() {
        return region;
    }

    public String domain() {
        return domain;
    }

    public PartnerState state() {
        return state;
    }

    public String tier() {
        return tier;
    }

    public Instant tierChangedAt() {
        return tierChangedAt;
    }

    public String website() {
        return website;
    }

    public String description() {
        return description;
    }

    public List<String> specialisations() {
        return List.copyOf(specialisations);
    }

    public List<String> industries() {
        return List.copyOf(industries);
    }

    public boolean listedInDirectory() {
        return listedInDirectory;
    }

    public String stateReason() {
        return stateReason;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public Map<String, String> externalIds() {
        return new TreeMap<>(externalIds);
    }

    public String origin() {
        return origin;
    }
}
