package io.consort.campaign.deal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A program's deal protection: an approved registration protects its partner for {@code window} from approval,
 * extendable once by {@code extension}; a registration still pending review claims its customer for
 * {@code window} from submission.
 */
public record ProtectionPolicy(Duration window, Duration extension) {

    public ProtectionPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(extension, "extension");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the protection window must be positive");
        }
        if (extension.isNegative() || extension.isZero()) {
            throw new IllegalArgumentException("the protection extension must be positive");
        }
    }

    public static ProtectionPolicy ofDays(int windowDays, int extensionDays) {
        return new ProtectionPolicy(Duration.ofDays(windowDays), Duration.ofDays(extensionDays));
    }

    /** The end of the protection an approval at {@code approvedAt} gives. */
    public Instant protectedUntil(Instant approvedAt) {
        return approvedAt.plus(window);
    }

    /** Until when a registration submitted at {@code submittedAt} claims its customer while pending. */
    public Instant claimEndsAt(Instant submittedAt) {
        return submittedAt.plus(window);
    }

    /** The protection after its one extension. */
    public Instant extended(Instant protectedUntil) {
        return protectedUntil.plus(extension);
    }

    /** Whether a protection ending at {@code protectedUntil} still holds at {@code now} (the end is exclusive). */
    public static boolean holds(Instant protectedUntil, Instant now) {
        return protectedUntil != null && now.isBefore(protectedUntil);
    }
}
