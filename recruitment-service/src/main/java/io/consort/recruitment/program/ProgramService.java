package io.consort.recruitment.program;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ProgramCreated;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProgramService {

    @Inject
    ProgramRepository programs;

    @Inject
    Outbox outbox;

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

    public java.util.Optional<Program> find(UUID id) {
        return programs.findByIdOptional(id);
    }

    public Page<Program> list(PageRequest page) {
        return KeysetQuery.of(Program.class).fetch(page, Program::createdAt, Program::id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
