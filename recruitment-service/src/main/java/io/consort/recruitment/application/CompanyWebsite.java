package io.consort.recruitment.application;

import io.consort.recruitment.support.Websites;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A company's website or bare domain, as {@link Websites#domainOf(String)} accepts it; null passes. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CompanyWebsite.Validator.class)
public @interface CompanyWebsite {

    String message() default "must be the company's website or domain, e.g. https://acme.example";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CompanyWebsite, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Websites.domainOf(value).isPresent();
        }
    }
}
