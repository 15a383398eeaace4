package io.consort.performance.incentive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.consort.performance.domain.Ledger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The digest of what the ledgers should hold is equal exactly when {@link Ledger#diff} against ledgers reconciled
 * to the other would append nothing: keys compared by their total (lines of a key summed, amounts by value), keys
 * adding up to zero the same as absent ones, and the two ledgers kept apart.
 */
class LedgerDigestTest {

    private static final UUID EVIDENCE = UUID.randomUUID();

    @Test
    void equalTotalsGiveEqualDigests() {
        String a = Ledgers.digest(List.of(line("certification:1", "250.00"), line("certification:1", "250")),
                List.of());
        String b = Ledgers.digest(List.of(line("certification:1", "500")), List.of());
        assertEquals(a, b);
    }

    @Test
    void aKeyAddingUpToZeroIsAsAbsent() {
        assertEquals(Ledgers.digest(List.of(line("first-deal", "1000")), List.of()),
                Ledgers.digest(List.of(line("first-deal", "1000"), line("rebate:x", "0.00")), List.of()));
    }

    @Test
    void anyChangedTotalNewKeyOrLedgerChangesTheDigest() {
        String base = Ledgers.digest(List.of(line("rebate:x", "400.00")), List.of(line("deal:x:SOURCED", "10000.00")));
        assertNotEquals(base, Ledgers.digest(List.of(line("rebate:x", "400.01")),
                List.of(line("deal:x:SOURCED", "10000.00"))));
        assertNotEquals(base, Ledgers.digest(List.of(line("rebate:x", "400.00"), line("certification:1", "250")),
                List.of(line("deal:x:SOURCED", "10000.00"))));
        assertNotEquals(base, Ledgers.digest(List.of(line("rebate:x", "400.00")),
                List.of(line("deal:x:INFLUENCED", "10000.00"))));
        assertNotEquals(Ledgers.digest(List.of(line("k", "1")), List.of()), Ledgers.digest(List.of(), List.of(line("k", "1"))));
    }

    private static Ledger.Line line(String key, String amount) {
        return new Ledger.Line(key, "BONUS", new BigDecimal(amount), "2026-Q1", LocalDate.parse("2026-03-01"), null,
                EVIDENCE, "consort.certification.earned.v1", "test");
    }
}
