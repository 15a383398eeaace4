package io.consort.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion} field of a test class
 * that {@link ConsortInfrastructure} fills with a companion bound to the shared broker.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafkaCompanion {
}
