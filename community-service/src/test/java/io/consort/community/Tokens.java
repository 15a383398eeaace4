package io.consort.community;

import io.consort.testkit.TestTokens;
import java.util.UUID;

/** Real signed tokens for the roles the tests act as. */
public final class Tokens {

    private Tokens() {
    }

    public static String admin() {
        return TestTokens.user("admin", "prm-admin").sign();
    }

    public static String manager() {
        return TestTokens.user("manager", "channel-manager").sign();
    }

    public static String partnerUser(String name, UUID partnerId) {
        return TestTokens.user(name, "partner-user").partner(partnerId).sign();
    }

    public static String partnerAdmin(String name, UUID partnerId) {
        return TestTokens.user(name, "partner-admin").partner(partnerId).sign();
    }

    /** Authenticated, but with no role community admits. */
    public static String roleless() {
        return TestTokens.user("nobody").sign();
    }
}
