package io.consort.community.discussion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A person a thread's opening text or a post mentions ({@code @handle}), with the partner the person belongs
 * to once the community knows it: the view {@code text_mention} over {@code thread_mention} and
 * {@code post_mention}, which {@link Mentions} writes. Mapped so that lists can select texts by who they mention.
 */
@Entity
@Immutable
@Table(name = "text_mention")
@IdClass(TextMention.Key.class)
public class TextMention extends PanacheEntityBase {

    /** The thread's id (its opening text) or the post's. */
    @Id
    @Column(name = "text_id")
    public UUID textId;

    @Id
    public String handle;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** The primary key (text, handle). */
    public static class Key implements Serializable {

        public UUID textId;
        public String handle;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(textId, k.textId) && Objects.equals(handle, k.handle);
        }

        @Override
        public int hashCode() {
            return Objects.hash(textId, handle);
        }
    }
}
