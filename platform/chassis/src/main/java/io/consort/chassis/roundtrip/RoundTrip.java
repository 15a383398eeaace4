package io.consort.chassis.roundtrip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a JSON {@code PUT} take back what a GET of the same resource answered: the
 * resource's read-only fields, which its request schema does not have and which would otherwise be unknown
 * fields (a 400, since {@code quarkus.jackson.fail-on-unknown-properties=true}), are taken out of the body
 * by {@link RoundTripFilter} before it is read:
 * <ul>
 * <li>{@link #idField()} must name the resource of the path parameter {@link #idParam()} (else 400
 * {@code validation} naming the field);</li>
 * <li>{@code version} must be a whole number; without {@code If-Match} it becomes the request's
 * {@code If-Match} (so a stale copy is a 412, as with the header), with one it must agree (else 400);</li>
 * <li>the other {@link #readOnly()} fields are accepted; the resource compares them with its current
 * representation through {@link ReadOnlyFields#requireMatch} (changed: 400 naming each), since only it knows
 * that representation;</li>
 * <li>any other unknown field is still a 400.</li>
 * </ul>
 * The values taken out stay readable through the request-scoped {@link ReadOnlyFields} for checks only the
 * service can make.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RoundTrip {

    /** The path parameter holding the resource's id; empty when the path has none (e.g. a by-external-id PUT). */
    String idParam() default "id";

    /** The body field holding the resource's id. */
    String idField() default "id";

    /** Read-only fields of the resource's representation besides {@link #idField()} and {@code version}. */
    String[] readOnly() default { "createdAt", "updatedAt", "createdBy", "updatedBy", "origin" };
}
