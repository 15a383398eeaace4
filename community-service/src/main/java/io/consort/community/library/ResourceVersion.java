package io.consort.community.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One version of a resource's content; never changed once written. */
@Entity
@Table(name = "resource_version")
public class ResourceVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    public String url;

    @Column(name = "text_body")
    public String textBody;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    static Optional<ResourceVersion> of(UUID resourceId, int number) {
        return find("resourceId = ?1 and number = ?2", resourceId, number).firstResultOptional();
    }
}
