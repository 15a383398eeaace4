package io.consort.chassis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * What every aggregate a caller can change carries: the version behind its {@code ETag} and
 * {@code If-Match}, and who created and last changed it when (the origin an integrator uses to
 * ignore the echo of its own writes). Columns {@code version}, {@code created_at},
 * {@code updated_at}, {@code created_by}, {@code updated_by}.
 */
@MappedSuperclass
public abstract class Audited {

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    /** Records the creation, which is also the first change. */
    protected final void created(String by, Instant at) {
        this.createdBy = Objects.requireNonNull(by, "by");
        this.createdAt = Objects.requireNonNull(at, "at");
        changed(by, at);
    }

    protected final void changed(String by, Instant at) {
        this.updatedBy = Objects.requireNonNull(by, "by");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
