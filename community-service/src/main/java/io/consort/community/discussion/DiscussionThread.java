package io.consort.community.discussion;

import io.consort.community.support.Items.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

/** A thread in a space: its opening text, moderation flags and, for a question, the accepted answer. */
@Entity
@Table(name = "discussion_thread")
public class DiscussionThread extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThreadKind kind;

    @Column(nullable = false)
    public String title;

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

    @Column(nullable = false)
    public boolean locked;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "accepted_post_id")
    public UUID acceptedPostId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Version
    public long version;

    @Override
    public long version() {
        return version;
    }
}
