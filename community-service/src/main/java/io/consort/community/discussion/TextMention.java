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

/**
 * A person a post mentions ({@code @handle}), with the partner the person belongs to once the community
 * knows it. Written by {@link Mentions} only; mapped so that lists can select posts by who they mention.
 */
@Entity
@Table(name = "post_mention")
@IdClass(PostMention.Key.class)
public class PostMention extends PanacheEntityBase {

    @Id
    @Column(name = "post_id")
    public UUID postId;

    @Id
    public String handle;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** The primary key (post, handle). */
    public static class Key implements Serializable {

        public UUID postId;
        public String handle;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postId, k.postId) && Objects.equals(handle, k.handle);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, handle);
        }
    }
}
