package io.consort.recruitment.user;

import java.util.UUID;

/** A partner user's login has a change for Keycloak waiting; observed after commit to wake the provisioner. */
record LoginChangeQueued(UUID userId) {
}
