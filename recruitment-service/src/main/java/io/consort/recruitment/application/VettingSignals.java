package io.consort.recruitment.application;

import io.consort.recruitment.partner.PartnerState;
import io.consort.recruitment.program.Program;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What the reviewer is shown about an application beyond what the applicant wrote: hints that it is
 * not what it claims to be (free mail, a contact outside the company's domain), that the company is
 * already known (a partner or another open application with the same domain), and how well it fits
 * the program. Signals only: nothing is approved or rejected on them (domain.md).
 */
public record VettingSignals(String emailDomain, boolean freeMailDomain, boolean domainMismatch,
        PartnerMatch duplicatePartner, List<UUID> duplicateApplications, ApplicantFit fit) {

    /** More would not tell a reviewer more; a domain with this many open applications is a flood. */
    static final int MAX_DUPLICATE_APPLICATIONS = 20;

    /** A partner with the application's domain; {@code applicationId} is the one that created it, if any. */
    public record PartnerMatch(UUID partnerId, String name, PartnerState state, String domain, UUID applicationId) {
    }

    /**
     * The signals of {@code application}, from the partners and open applications sharing its domain
     * (oldest first; it and the partner it created are left out here) and its program.
     */
    static VettingSignals compute(Application application, FreeMailDomains freeMail,
            List<PartnerMatch> partnersWithDomain, List<UUID> openApplicationsWithDomain, Program program) {
        String emailDomain = emailDomain(application.contactEmail());
        PartnerMatch partner = partnersWithDomain.stream()
                .filter(p -> !application.id().equals(p.applicationId()))
                .findFirst().orElse(null);
        List<UUID> others = openApplicationsWithDomain.stream()
                .filter(id -> !id.equals(application.id()))
                .limit(MAX_DUPLICATE_APPLICATIONS)
                .toList();
        return new VettingSignals(emailDomain, freeMail.contains(emailDomain),
                !sameOrganisation(emailDomain, application.domain()), partner, others,
                program == null ? null : ApplicantFit.of(application, program));
    }

    /** The domain of a mail address, lower case and in ASCII (IDN), without a trailing dot. */
    static String emailDomain(String email) {
        Objects.requireNonNull(email, "email");
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            return IDN.toASCII(domain).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return domain;
        }
    }

    /**
     * Whether mail at {@code emailDomain} plausibly belongs to the company at {@code websiteDomain}: the
     * same domain, or one inside the other ({@code eu.acme.example} and {@code acme.example}).
     */
    static boolean sameOrganisation(String emailDomain, String websiteDomain) {
        return emailDomain.equals(websiteDomain) || emailDomain.endsWith("." + websiteDomain)
                || websiteDomain.endsWith("." + emailDomain);
    }
}
