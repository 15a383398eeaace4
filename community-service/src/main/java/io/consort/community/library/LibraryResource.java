package io.consort.community.library;

import io.consort.community.access.Visibility;
import io.consort.community.support.Items.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A resource of the library; its content lives in its {@link ResourceVersion}s. */
@Entity
@Table(name = "library_resource")
public class LibraryResource extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResourceKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Column(name = "tags_text", nullable = false)
    public String tagsText = "";

    @Embedded
    public Visibility visibility;

    /** Terms a person accepts before opening it; null when none are needed. */
    public String terms;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public long version() {
        return version;
    }

    void tags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags.stream().map(String::strip).distinct().toList());
        this.tagsText = String.join(" ", this.tags);
    }
}
