package io.consort.recruitment;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the Keycloak stand-in ({@link KeycloakAdminStub}) once for the whole module; being
 * unrestricted, it joins {@link RecruitmentInfrastructure} in the one Quarkus boot every test shares
 * (every approval, in any test, provisions a partner-admin login).
 */
@QuarkusTestResource(KeycloakAdminStub.class)
public final class KeycloakInfrastructure {

    private KeycloakInfrastructure() {
    }
}
