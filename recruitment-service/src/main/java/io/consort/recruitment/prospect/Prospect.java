package io.consort.recruitment.prospect;

import io.consort.chassis.persistence.Audited;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A company that could become a partner. Not partner-owned: only vendor-side callers see prospects. */
@Entity
@Table(name = "prospects")
public class Prospect extends Audited {

    @Id
    private UUID id;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    private String website;

    private String domain;

    private String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> industries;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> specialisations;

    @Column(name = "employee_count")
    private Integer employeeCount;

    @Column(name = "revenue_band")
    private String revenueBand;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> certifications;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "prospect_external_ids", joinColumns = @JoinColumn(name = "prospect_id"))
    @MapKeyColumn(name = "system")
    @Column(name = "external_id", nullable = false)
    private Map<String, String> externalIds = new TreeMap<>();


    protected Prospect() {
        // for JPA
    }

    public Prospect(UUID id, ValidProspect values, String by, Instant now) {
        this.id = Objects.requireNonNull(id);
        created(by, now);
        apply(values, by, now);
    }

    /**
     * Replaces the profile with {@code values}. External ids are merged (a system's id replaced, others
     * kept), so an upsert from one CRM never drops the ids another system registered.
     */
    public void apply(ValidProspect values, String by, Instant now) {
        this.companyName = values.companyName();
        this.website = values.website();
        this.domain = values.domain();
        this.region = values.region();
        this.industries = new ArrayList<>(values.industries());
        this.specialisations = new ArrayList<>(values.specialisations());
        this.employeeCount = values.employeeCount();
        this.revenueBand = values.revenueBand();
        this.certifications = new ArrayList<>(values.certifications());
        this.externalIds.putAll(values.externalIds());
        changed(by, now);
    }

    public UUID id() { return id; }
    public String companyName() { return companyName; }
    public String website() { return website; }
    public String domain() { return domain; }
    public String region() { return region; }
    public List<String> industries() { return List.copyOf(industries); }
    public List<String> specialisations() { return List.copyOf(specialisations); }
    public Integer employeeCount() { return employeeCount; }
    public String revenueBand() { return revenueBand; }
    public List<String> certifications() { return List.copyOf(certifications); }
    public Map<String, String> externalIds() { return new TreeMap<>(externalIds); }
}
