package io.consort.recruitment.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The public face of a partner: a read-only view of the {@code partners} table with only what the
 * directory may show. Its own entity rather than the partner's, so the directory cannot leak a field by
 * accident and is not narrowed by the partner-scope filter: it looks the same to every caller, logged in
 * or not.
 */
@Entity(name = "DirectoryListing")
@Table(name = "partners")
@Immutable
public class DirectoryListing {

    @Id
    private UUID id;

    private String name;

    private String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> specialisations;

    private String tier;

    private String website;

    private String state;

    @Column(name = "listed_in_directory")
    private boolean listedInDirectory;

    @Column(name = "created_at")
    private Instant createdAt;

    protected DirectoryListing() {
        // for JPA
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public List<String> specialisations() {
        return List.copyOf(specialisations);
    }

    public String tier() {
        return tier;
    }

    public String website() {
        return website;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
