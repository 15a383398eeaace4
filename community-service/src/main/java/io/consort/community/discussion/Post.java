package io.consort.community.discussion;

import io.consort.community.support.Items.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A reply in a thread. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Column(name = "thread_id", nullable = false)
    public UUID threadId;

    /** Markdown, exactly as written. */
    @Column(nullable = false)
    public String body;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_partner_id")
    public UUID authorPartnerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> mentions = new ArrayList<>();

    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Version
    public long version;

    @Override
    public long version() {
        return version;
    }
}
