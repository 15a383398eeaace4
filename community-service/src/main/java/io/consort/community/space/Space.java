package io.consort.community.space;

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
import java.util.UUID;

/** An area of the community; who sees it (and may post in it) is its {@link Visibility}. */
@Entity
@Table(name = "space")
public class Space extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SpaceKind kind;

    @Embedded
    public Visibility visibility;

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
}
