package io.consort.recruitment.application;

import io.consort.recruitment.application.VettingSignals.PartnerMatch;
import io.consort.recruitment.partner.PartnerState;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes {@link VettingSignals} when an application is read, so they reflect the partners and
 * applications of now rather than of the day it was submitted. A whole page costs three indexed
 * queries (partners by domain, open applications by domain, programs by id), whatever its size.
 */
@ApplicationScoped
public class ApplicationVetting {

    private static final List<String> OPEN_STATES = VettingSignal.OPEN.stream().map(Enum::name).toList();

    @Inject
    EntityManager em;

    @Inject
    ProgramRepository programs;

    private final FreeMailDomains freeMail = FreeMailDomains.standard();

    public VettingSignals of(Application application) {
        return of(List.of(application)).get(application.id());
    }

    /** The signals of each application, by id. */
    public Map<UUID, VettingSignals> of(List<Application> applications) {
        if (applications.isEmpty()) {
            return Map.of();
        }
        List<String> domains = applications.stream().map(Application::domain).distinct().toList();
        Map<String, List<PartnerMatch>> partners = partnersWith(domains);
        Map<String, List<UUID>> open = openApplicationsWith(domains);
        Map<UUID, Program> programsById = programs
                .list("id in ?1", applications.stream().map(Application::programId).distinct().toList())
                .stream().collect(Collectors.toMap(Program::id, Function.identity()));
        Map<UUID, VettingSignals> signals = new HashMap<>();
        for (Application a : applications) {
            signals.put(a.id(), VettingSignals.compute(a, freeMail, partners.getOrDefault(a.domain(), List.of()),
                    open.getOrDefault(a.domain(), List.of()), programsById.get(a.programId())));
        }
        return signals;
    }

    /** Every partner per domain, oldest first; partners_domain_idx. */
    private Map<String, List<PartnerMatch>> partnersWith(List<String> domains) {
        // Read here rather than through the partner package: vetting needs a few columns of every
        // partner sharing a domain, which is no use to anyone else. Vendor-side callers only, so the
        // partner-scope filter lets every row through.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("""
                select p.id, p.name, p.state, p.domain, p.applicationId
                from Partner p where p.domain in :domains order by p.createdAt, p.id""")
                .setParameter("domains", domains)
                .getResultList();
        return rows.stream()
                .map(r -> new PartnerMatch((UUID) r[0], (String) r[1], (PartnerState) r[2], (String) r[3], (UUID) r[4]))
                .collect(Collectors.groupingBy(PartnerMatch::domain, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The oldest open applications per domain, one more than a reviewer is shown (the application being
     * vetted may be among them); applications_domain_idx.
     */
    private Map<String, List<UUID>> openApplicationsWith(List<String> domains) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select domain, id from (
                    select domain, id, row_number() over (partition by domain order by submitted_at, id) as n
                    from applications where domain in (:domains) and state in (:open)) ranked
                where n <= :perDomain order by domain, n""")
                .setParameter("domains", domains)
                .setParameter("open", OPEN_STATES)
                .setParameter("perDomain", VettingSignals.MAX_DUPLICATE_APPLICATIONS + 1)
                .getResultList();
        Map<String, List<UUID>> byDomain = new HashMap<>();
        for (Object[] row : rows) {
            byDomain.computeIfAbsent((String) row[0], d -> new ArrayList<>()).add((UUID) row[1]);
        }
        return byDomain;
    }
}
