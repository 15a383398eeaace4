package io.consort.recruitment.program;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ProgramCreated;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProgramService {

    @Inject
    ProgramRepository programs;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Transactional
    public Program create(ProgramRequest request, String origin) {
        String name = request.name().strip();
        if (programs.nameTaken(name)) {
            throw Problems.conflict("a program named '" + name + "' already exists");
        }
        Program program = new Program(UUID.randomUUID(), name, blankToNull(request.description()),
                request.partnerTypes().stream().distinct().toList(),
                request.idealProfile() == null ? null : request.idealProfile().toDomain(),
                request.acceptingApplications() == null || request.acceptingApplications(), origin, Timestamps.now());
        programs.persist(program);
        outbox.emit(EventTypes.PROGRAM_CREATED, program.id(), null, new ProgramCreated(program.id(), program.name(),
                program.partnerTypes().stream().map(Enum::name).collect(Collectors.joining(",")),
                program.createdAt()));
        return program;
    }

    public Program get(UUID id) {
        return programs.findByIdOptional(id).orElseThrow(() -> Problems.notFound("program", id));
    }

    /**
     * The program as the API shows it: a partner-side caller reads only a program one of its partners is
     * in, any other answers 404 as if it did not exist.
     */
    public Program getVisible(UUID id) {
        Program program = get(id);
        if (caller.isRestricted() && !programsOfCallersPartners().contains(id)) {
            throw Problems.notFound("program", id);
        }
        return program;
    }

    /**
     * Replaces the program's description, types, profile and whether it takes applications. {@code If-Match}
     * is required: a full replacement onto a version the caller never saw would silently undo someone's
     * profile change. A type that partners of the program still have cannot be dropped (422).
     */
    @Transactional
    public Program revise(UUID id, ProgramRequest request, String ifMatch, String by) {
        Program program = programs.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("program", id));
        ETags.requireIfMatch(ifMatch, program.version());
        String name = request.name().strip();
        if (!name.equalsIgnoreCase(program.name()) && programs.nameTaken(name)) {
            throw Problems.conflict("a program named '" + name + "' already exists");
        }
        List<PartnerType> types = request.partnerTypes().stream().distinct().toList();
        List<String> stillUsed = programs.getEntityManager().createQuery(
                        "select distinct p.type from Partner p where p.programId = :program", PartnerType.class)
                .setParameter("program", id).getResultList().stream()
                .filter(t -> !types.contains(t)).map(Enum::name).sorted().toList();
        if (!stillUsed.isEmpty()) {
            throw Problems.unprocessable("partners of type " + String.join(", ", stillUsed)
                    + " are in this program; it cannot stop recruiting that type");
        }
        program.revise(name, blankToNull(request.description()), types,
                request.idealProfile() == null ? null : request.idealProfile().toDomain(),
                request.acceptingApplications() == null || request.acceptingApplications(), by, Timestamps.now());
        programs.flush();
        return program;
    }

    public java.util.Optional<Program> find(UUID id) {
        return programs.findByIdOptional(id);
    }

    /**
     * The program an application or a partner names, or 422: the caller's body refers to a program that
     * does not exist (not 404, which would say the resource addressed is missing).
     */
    public Program require(UUID id) {
        return programs.findByIdOptional(id)
                .orElseThrow(() -> Problems.unprocessable("program " + id + " does not exist"));
    }

    /**
     * {@link #require}, the program's row share-locked until the transaction ends: for a writer that makes a
     * partner of a type the program recruits, so a revision that drops the type ({@link #revise} locks the
     * row for update, then looks for partners of the types it drops) cannot commit between this writer's
     * check of the type and its insert of the partner. It waits for this transaction and then sees the
     * partner; or, when it came first, this read waits for it and sees the revised types.
     */
    public Program requireForReference(UUID id) {
        return programs.findByIdOptional(id, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> Problems.unprocessable("program " + id + " does not exist"));
    }

    /**
     * Deletes a program nobody has applied to or joined yet (a mistake, a draft); its onboarding plan goes
     * with it. Once applications or partners refer to it, it stays (409): close it to applications instead.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Program program = programs.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("program", id));
        ETags.requireMatch(ifMatch, program.version());
        var em = programs.getEntityManager();
        long applications = em.createQuery("select count(a) from Application a where a.programId = :program",
                Long.class)
                .setParameter("program", id).getSingleResult();
        long partners = em.createQuery("select count(p) from Partner p where p.programId = :program", Long.class)
                .setParameter("program", id).getSingleResult();
        if (applications > 0 || partners > 0) {
            throw Problems.conflict("the program has " + applications + " application(s) and " + partners
                    + " partner(s); close it to applications (acceptingApplications: false) instead of deleting it");
        }
        em.createNativeQuery("DELETE FROM onboarding_plans WHERE program_id = :program").setParameter("program", id)
                .executeUpdate();
        programs.delete(program);
    }

    /** Every program for the vendor side; a partner-side caller's list holds only its partners' programs. */
    public Page<Program> list(PageRequest page, Sort sort) {
        KeysetQuery<Program> query = KeysetQuery.of(Program.class).sort(sort);
        if (caller.isRestricted()) {
            query = query.where("id in :visible", Map.of("visible", programsOfCallersPartners()));
        }
        return query.fetch(page, Program::createdAt, Program::id);
    }

    /** The partner-scope filter narrows the partners read here to the caller's own (and a parent's children). */
    private List<UUID> programsOfCallersPartners() {
        List<UUID> ids = programs.getEntityManager()
                .createQuery("select distinct p.programId from Partner p", UUID.class).getResultList();
        // An empty IN list is not valid everywhere; a random id matches nothing.
        return ids.isEmpty() ? List.of(UUID.randomUUID()) : ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
