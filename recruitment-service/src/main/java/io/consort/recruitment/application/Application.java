package io.consort.recruitment.application;

import io.consort.recruitment.program.PartnerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Somebody's request to join a program. The state machine lives in {@link ApplicationState}; this
 * class applies it and records who decided what, when.
 */
@Entity
@Table(name = "applications")
public class Application {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(nullable = false)
    private String website;

    @Column(nullable = false)
    private String domain;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    private String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_type", nullable = false)
    private PartnerType partnerType;

    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationState state;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "partner_id")
    private UUID partnerId;

    // Replaced, never changed in place, so Hibernate's dirty check on the JSON value sees every change.
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "info_requests", nullable = false)
    private List<InfoRequest> infoRequests = List.of();

    @Column(name = "withdraw_token_hash", nullable = false)
    private byte[] withdrawTokenHash;

    @Version
    private long version;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Application() {
        // for JPA
    }

    /** A new application in {@code SUBMITTED}; the inputs are already validated and normalised. */
    public static Application submit(UUID id, UUID programId, Applicant applicant, PartnerType partnerType,
            byte[] withdrawTokenHash, Instant now) {
        Application a = new Application();
        a.id = Objects.requireNonNull(id);
        a.programId = Objects.requireNonNull(programId);
        a.companyName = Objects.requireNonNull(applicant.companyName());
        a.website = Objects.requireNonNull(applicant.website());
        a.domain = Objects.requireNonNull(applicant.domain());
        a.contactName = applicant.contactName();
        a.contactEmail = Objects.requireNonNull(applicant.contactEmail());
        a.region = applicant.region();
        a.message = applicant.message();
        a.partnerType = Objects.requireNonNull(partnerType);
        a.withdrawTokenHash = withdrawTokenHash.clone();
        a.state = ApplicationState.SUBMITTED;
        a.submittedAt = Objects.requireNonNull(now);
        a.updatedAt = now;
        return a;
    }

    /** A reviewer takes it up; deciding does not require this first (see {@link ApplicationState}). */
    public void startReview(Instant now) {
        state = state.after(ApplicationAction.START_REVIEW);
        this.updatedAt = Objects.requireNonNull(now);
    }

    /** The reviewer needs to know more before deciding; the application waits for the applicant's answer. */
    public void requestInfo(String question, String reviewer, Instant now) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("an information request needs a question");
        }
        state = state.after(ApplicationAction.REQUEST_INFO);
        List<InfoRequest> requests = new ArrayList<>(infoRequests);
        requests.add(InfoRequest.ask(question.strip(), reviewer, now));
        infoRequests = List.copyOf(requests);
        this.updatedAt = now;
    }

    /**
     * The applicant (or somebody on their behalf, {@code by}) answers the open question, and the
     * application is back in review.
     */
    public void provideInfo(String answer, String by, Instant now) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("an answer needs a text");
        }
        state = state.after(ApplicationAction.PROVIDE_INFO);
        // INFO_REQUESTED is only ever entered by requestInfo, so the last request is the open one.
        int last = infoRequests.size() - 1;
        if (last < 0 || !infoRequests.get(last).isOpen()) {
            throw new IllegalStateException("application " + id + " is INFO_REQUESTED without an open request");
        }
        List<InfoRequest> requests = new ArrayList<>(infoRequests);
        requests.set(last, infoRequests.get(last).answer(answer.strip(), by, now));
        infoRequests = List.copyOf(requests);
        this.updatedAt = now;
    }

    /** Approves it for the partner about to be created as {@code partnerId}. */
    public void approve(UUID partnerId, String reviewer, Instant now) {
        state = state.after(ApplicationAction.APPROVE);
        this.partnerId = Objects.requireNonNull(partnerId);
        decide(null, reviewer, now);
    }

    public void reject(String reason, String reviewer, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        state = state.after(ApplicationAction.REJECT);
        decide(reason.strip(), reviewer, now);
    }

    /** The applicant (or somebody on their behalf, {@code by}) takes the application back. */
    public void withdraw(String by, Instant now) {
        state = state.after(ApplicationAction.WITHDRAW);
        decide(null, by, now);
    }

    /** Whether {@code tokenHash} is the hash of the token handed out at submission (constant time). */
    public boolean withdrawableWith(byte[] tokenHash) {
        return tokenHash != null && MessageDigest.isEqual(withdrawTokenHash, tokenHash);
    }

    private void decide(String reason, String by, Instant now) {
        this.decisionReason = reason;
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public String companyName() {
        return companyName;
    }

    public String website() {
        return website;
    }

    public String domain() {
        return domain;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String region() {
        return region;
    }

    public PartnerType partnerType() {
        return partnerType;
    }

    public String message() {
        return message;
    }

    public ApplicationState state() {
        return state;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public UUID partnerId() {
        return partnerId;
    }

    /** Questions put to the applicant and their answers, oldest first. */
    public List<InfoRequest> infoRequests() {
        return infoRequests;
    }

    public long version() {
        return version;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Who applied, as the domain keeps it. */
    public record Applicant(String companyName, String website, String domain, String contactName,
            String contactEmail, String region, String message) {
    }
}
