package io.consort.recruitment.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret an applicant gets back on submission and shows to withdraw, since applicants have no
 * account. Only its SHA-256 is stored: the token is 256 random bits, so a plain hash suffices.
 */
final class WithdrawTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WithdrawTokens() {
    }

    static String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
