package io.consort.community.announcement;

import io.consort.community.access.Visibility;
import io.consort.community.support.Items.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A message from the vendor to the members its rule targets, current between publishAt and expiresAt. */
@Entity
@Table(name = "announcement")
public class Announcement extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    /** Markdown, exactly as written. */
    @Column(nullable = false)
    public String body;

    @Embedded
    public Visibility visibility;

    @Column(name = "publish_at", nullable = false)
    public Instant publishAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    @Override
    public long version() {
        return version;
    }

    public boolean currentAt(Instant now) {
        return !publishAt.isAfter(now) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
