package io.consort.chassis.testhttp;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner-owned entity of the HTTP test app. */
@Entity
@Table(name = "test_widget")
public class Widget extends PartnerOwned {
    @Id
    public UUID id;
    public String name;
    public String code;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
