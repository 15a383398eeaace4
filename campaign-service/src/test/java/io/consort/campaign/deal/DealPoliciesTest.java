package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealPoliciesTest {

    static final UUID SHORT_PROGRAM = UUID.randomUUID();

    static final DealsConfig CONFIG = new DealsConfig() {
        @Override
        public int protectionDays() {
            return 90;
        }

        @Override
        public int extensionDays() {
            return 30;
        }

        @Override
        public Map<String, Program> programs() {
            return Map.of(SHORT_PROGRAM.toString(), new Program() {
                @Override
                public int protectionDays() {
                    return 45;
                }

                @Override
                public int extensionDays() {
                    return 15;
                }
            });
        }

        @Override
        public int expiryBatchSize() {
            return 200;
        }
    };

    @Test
    void aProgramWithItsOwnWindowGetsItOthersTheDefault() {
        ProtectionPolicy own = DealPolicies.of(CONFIG, Optional.of(SHORT_PROGRAM));
        assertEquals(Duration.ofDays(45), own.window());
        assertEquals(Duration.ofDays(15), own.extension());
        assertEquals(Duration.ofDays(90), DealPolicies.of(CONFIG, Optional.of(UUID.randomUUID())).window());
        assertEquals(Duration.ofDays(30), DealPolicies.of(CONFIG, Optional.empty()).extension());
    }

    @Test
    void aPolicyNeedsPositiveDurations() {
        assertThrows(IllegalArgumentException.class, () -> ProtectionPolicy.ofDays(0, 30));
        assertThrows(IllegalArgumentException.class, () -> ProtectionPolicy.ofDays(90, -1));
    }
}
