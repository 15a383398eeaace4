package io.consort.recruitment.user;

import io.consort.chassis.persistence.NativeQueries;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every query through it is narrowed to the caller's partners by the chassis scope filter on {@link PartnerUser}. */
@ApplicationScoped
public class PartnerUserRepository implements PanacheRepositoryBase<PartnerUser, UUID> {

    /** First key of the per-partner lock; the second is the hash of the partner id. */
    static final int PARTNER_USERS_LOCK_CLASS = 0x5255_0001;

    /**
     * The oldest due row with a pending Keycloak change, locked for this transaction; rows another
     * provisioner holds are skipped, so several instances share the work without a leader.
     */
    private static final String NEXT_DUE = """
            select id from partner_users
            where state in (%s) and next_attempt_at <= ?
            order by next_attempt_at
            limit 1
            for update skip locked""".formatted(pendingStates());

    private static final String EARLIEST_DUE = """
            select min(next_attempt_at) from partner_users where state in (%s)""".formatted(pendingStates());

    /**
     * Serialises changes to one partner's users until the transaction ends, so "is this address
     * taken" and "is this the last admin" stay true until the change they guard is committed.
     */
    public void lockUsersOf(UUID partnerId) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, PARTNER_USERS_LOCK_CLASS)
                .setParameter(2, partnerId.toString())
                .getSingleResult();
    }

    public Optional<PartnerUser> findInPartner(UUID partnerId, UUID userId, LockModeType lock) {
        return find("id = :id and partnerId = :partnerId", Parameters.with("id", userId).and("partnerId", partnerId))
                .withLock(lock).firstResultOptional();
    }

    /** The user of the partner with this address that is not deactivated, if any. */
    public Optional<PartnerUser> findLiveByEmail(UUID partnerId, String email) {
        return find("partnerId = :partnerId and email = :email and state <> :gone",
                Parameters.with("partnerId", partnerId).and("email", email).and("gone", PartnerUserState.DEACTIVATED))
                .firstResultOptional();
    }

    public long countActiveAdmins(UUID partnerId) {
        return count("partnerId = :partnerId and role = :role and state = :state",
                Parameters.with("partnerId", partnerId).and("role", PartnerUserRole.PARTNER_ADMIN)
                        .and("state", PartnerUserState.ACTIVE));
    }

    /** For the provisioner only: runs outside any request, where the partner-scope filter lets all rows through. */
    Optional<PartnerUser> lockNextDue(Instant now) {
        // The row is locked by this transaction from here on; find then loads it.
        return NativeQueries.column(getEntityManager(), UUID.class, NEXT_DUE, now).stream().findFirst()
                .map(id -> getEntityManager().find(PartnerUser.class, id));
    }

    /** {@link PartnerUserState#PENDING} as an SQL list, so the plain queries cannot drift from it. */
    private static String pendingStates() {
        return PartnerUserState.PENDING.stream().map(state -> "'" + state.name() + "'").sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * When the earliest pending row falls due, if any is pending. Plain SQL like {@link #NEXT_DUE}: the
     * provisioner asks this forever, also on an instance that serves no request, which then never has
     * to load Hibernate's query language engine (about 800 classes) just to idle.
     */
    Optional<Instant> earliestDue() {
        return NativeQueries.column(getEntityManager(), OffsetDateTime.class, EARLIEST_DUE).stream()
                .filter(Objects::nonNull).findFirst().map(OffsetDateTime::toInstant);
    }
}
