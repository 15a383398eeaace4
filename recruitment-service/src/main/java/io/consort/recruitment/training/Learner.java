package io.consort.recruitment.training;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person behind the current call, as training records people: the subject of their token (Keycloak's
 * user id), which, unlike the user name, never changes; the principal name when a token has no subject.
 */
@RequestScoped
public class Learner {

    @Inject
    SecurityIdentity identity;

    public String userId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                && !jwt.getSubject().isBlank()) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
