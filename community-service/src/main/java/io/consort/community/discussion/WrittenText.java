package io.consort.community.discussion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A text that can mention someone, as far as listing it needs, read-only: a thread's opening text
 * ({@code THREAD}, id and thread id are the thread's, hidden is the thread's flag) or a post ({@code POST},
 * hidden is the post's own flag). The view {@code written_text}.
 */
@Entity
@Immutable
@Table(name = "written_text")
public class WrittenText extends PanacheEntityBase {

    /** {@code THREAD} or {@code POST}. */
    public enum Kind { THREAD, POST }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "thread_id")
    public UUID threadId;

    public boolean hidden;

    @Column(name = "created_at")
    public Instant createdAt;
}
