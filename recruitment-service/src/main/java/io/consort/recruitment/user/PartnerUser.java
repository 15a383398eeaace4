package io.consort.recruitment.user;

import io.consort.chassis.persistence.Audited;
import io.consort.chassis.security.PartnerScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.Filter;

/**
 * A person of a partner and the state of their Keycloak login. The row changes first, in the
 * transaction of the decision; {@link Provisioner} then brings Keycloak in line and records each
 * attempt here ({@link #retryLater}), so a pending change survives a Keycloak outage and a restart.
 */
@Entity
@Table(name = "partner_users")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class PartnerUser extends Audited {

    /** Longer Keycloak answers are cut: the column holds a diagnosis, not a transcript. */
    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerUserRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerUserState state;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    protected PartnerUser() {
        // for JPA
    }

    /** A person who is to get a login; the provisioner creates it in Keycloak as soon as it can. */
    public static PartnerUser invite(UUID id, UUID partnerId, Person person, PartnerUserRole role, String by,
            Instant now) {
        PartnerUser user = new PartnerUser();
        user.id = Objects.requireNonNull(id);
        user.partnerId = Objects.requireNonNull(partnerId);
        user.email = normaliseEmail(person.email());
        user.firstName = person.firstName();
        user.lastName = person.lastName();
        user.role = Objects.requireNonNull(role);
        user.state = PartnerUserState.PROVISIONING;
        user.nextAttemptAt = now;
        user.created(by, now);
        return user;
    }

    /** Keycloak matches logins case-insensitively and stores them in lower case; so does this table. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether deactivating this user would leave the partner without an active administrator, given
     * how many active administrators it has now (this user included, if it is one).
     */
    public boolean isLastActiveAdmin(long activeAdmins) {
        return role == PartnerUserRole.PARTNER_ADMIN && state == PartnerUserState.ACTIVE && activeAdmins <= 1;
    }

    /** Asks for the login to be disabled; the provisioner does it. */
    public void deactivate(String by, Instant now) {
        state = state.after(PartnerUserState.Action.DEACTIVATE);
        schedule(now);
        changed(by, now);
    }

    /** The Keycloak user this row stands for, once created or adopted; kept even if a later step fails. */
    void linkTo(String keycloakUserId) {
        this.keycloakUserId = Objects.requireNonNull(keycloakUserId);
    }

    void provisioned(String by, Instant now) {
        if (keycloakUserId == null) {
            throw new IllegalStateException("partner user " + id + " is provisioned without a Keycloak user");
        }
        state = state.after(PartnerUserState.Action.PROVISIONED);
        settle(by, now);
    }

    void disabled(String by, Instant now) {
        state = state.after(PartnerUserState.Action.DISABLED);
        settle(by, now);
    }

    /** Keycloak refused for a reason retrying cannot fix; the reason stays for whoever looks. */
    void refused(String reason, String by, Instant now) {
        state = state.after(PartnerUserState.Action.REFUSED);
        nextAttemptAt = null;
        lastError = truncate(reason);
        changed(by, now);
    }

    /** One more failed attempt; the next is due at {@code next}. */
    void retryLater(String error, Instant next, String by, Instant now) {
        if (!state.isPending()) {
            throw new IllegalStateException("partner user " + id + " has nothing to retry in state " + state);
        }
        attempts++;
        nextAttemptAt = Objects.requireNonNull(next);
        lastError = truncate(error);
        changed(by, now);
    }

    private void schedule(Instant now) {
        attempts = 0;
        nextAttemptAt = now;
        lastError = null;
    }

    private void settle(String by, Instant now) {
        nextAttemptAt = null;
        lastError = null;
        changed(by, now);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public PartnerUserRole role() {
        return role;
    }

    public PartnerUserState state() {
        return state;
    }

    public String keycloakUserId() {
        return keycloakUserId;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    /** The person as the partner named them; names may be absent (an application's contact may have none). */
    public record Person(String email, String firstName, String lastName) {

        /** What realm prm's person-name validator (Keycloak's default) refuses in a name, as a regex character class body. */
        public static final String NAME_PROHIBITED = "<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}";
        private static final Pattern PROHIBITED = Pattern.compile("[" + NAME_PROHIBITED + "]");

        public Person {
            Objects.requireNonNull(email, "email");
        }

        /**
         * An application's single, free-text contact name made into Keycloak's first and last name: what
         * Keycloak would refuse (a login refused for a "&" would leave the partner without its admin)
         * becomes a space, then the first word is the first name and the rest the last name.
         */
        public static Person fromContact(String email, String contactName) {
            String name = contactName == null ? ""
                    : PROHIBITED.matcher(contactName).replaceAll(" ").strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                return new Person(email, null, null);
            }
            String[] parts = name.split(" ", 2);
            return new Person(email, parts[0], parts.length > 1 ? parts[1] : null);
        }
    }
}
