package io.consort.chassis.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An aggregate of the test app: each event about it carries the counter value it was written with. */
@Entity
@Table(name = "test_aggregate")
public class ProbeAggregate {
    @Id
    public UUID id;
    public int counter;
}
