package io.consort.recruitment.program;

import io.consort.chassis.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.consort.chassis.problem.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner program, e.g. "Resellers EMEA". */
@Entity
@Table(name = "programs")
public class Program extends Audited {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "partner_types", nullable = false)
    private List<PartnerType> partnerTypes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ideal_profile")
    private IdealProfile idealProfile;

    @Column(name = "accepting_applications", nullable = false)
    private boolean acceptingApplications;


    protected Program() {
        // for JPA
    }

    public Program(UUID id, String name, String description, List<PartnerType> partnerTypes,
            IdealProfile idealProfile, boolean acceptingApplications, String createdBy, Instant now) {
        if (partnerTypes == null || partnerTypes.isEmpty()) {
            throw new IllegalArgumentException("a program recruits at least one partner type");
        }
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.partnerTypes = List.copyOf(partnerTypes);
        this.idealProfile = idealProfile;
        this.acceptingApplications = acceptingApplications;
        created(createdBy, now);
    }

    /** Replaces what the vendor describes; the version (the recommendations' profile version) moves on. */
    public void revise(String newName, String newDescription, List<PartnerType> newTypes, IdealProfile newProfile,
            boolean accepting, String by, Instant now) {
        if (newTypes == null || newTypes.isEmpty()) {
            throw new IllegalArgumentException("a program recruits at least one partner type");
        }
        name = Objects.requireNonNull(newName);
        description = newDescription;
        partnerTypes = List.copyOf(newTypes);
        idealProfile = newProfile;
        acceptingApplications = accepting;
        changed(by, now);
    }

    public boolean offers(PartnerType type) {
        return partnerTypes.contains(type);
    }

    /**
     * The partner type a partner of this program takes: the requested one if the program recruits it, the
     * program's only type when none is requested; otherwise 422 naming the types it recruits ({@code field}
     * is what the caller calls the type: an application's {@code partnerType}, a partner's {@code type}).
     */
    public PartnerType typeFor(PartnerType requested, String field) {
        if (requested == null && partnerTypes.size() == 1) {
            return partnerTypes.get(0);
        }
        String recruited = String.join(", ", partnerTypes.stream().map(Enum::name).toList());
        if (requested == null) {
            throw Problems.unprocessable("program '" + name + "' recruits " + recruited + "; say which with " + field);
        }
        if (!offers(requested)) {
            throw Problems.unprocessable("program '" + name + "' does not recruit " + requested
                    + " partners; it recruits " + recruited);
        }
        return requested;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<PartnerType> partnerTypes() {
        return List.copyOf(partnerTypes);
    }

    public IdealProfile idealProfile() {
        return idealProfile;
    }

    public boolean acceptingApplications() {
        return acceptingApplications;
    }

}
