package io.consort.recruitment.training;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TrainingModuleService {

    @Inject
    TrainingModuleRepository modules;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    Instance<ModuleReferences> references;

    @Transactional
    public TrainingModule create(ModuleRequest request, String by) {
        TrainingModule module = new TrainingModule(UUID.randomUUID(), request.toDefinition(), by, Timestamps.now());
        modules.persist(module);
        return module;
    }

    public TrainingModule get(UUID id) {
        return find(id).orElseThrow(() -> Problems.notFound("training module", id));
    }

    public Optional<TrainingModule> find(UUID id) {
        return modules.findByIdOptional(id);
    }

    /** The module a request names (an enrolment, an attempt), or 422: the request refers to one that does not exist. */
    public TrainingModule requireNamed(UUID id) {
        return find(id).orElseThrow(() -> Problems.unprocessable("training module " + id + " does not exist"));
    }

    public Page<TrainingModule> list(PageRequest page, Sort sort) {
        return KeysetQuery.of(TrainingModule.class).sort(sort).fetch(page, TrainingModule::createdAt,
                TrainingModule::id);
    }

    @Transactional
    public TrainingModule update(UUID id, String ifMatch, ModuleRequest request, String by) {
        TrainingModule module = forChange(id, ifMatch);
        module.redefine(request.toDefinition(), by, Timestamps.now());
        return module;
    }

    /**
     * Deletes a module nobody has used: once a person enrolled, its completions and certifications are
     * history that must keep their module, and a plan or checklist naming it would wait forever.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        TrainingModule module = forChange(id, ifMatch);
        if (enrolments.anyFor(id)) {
            throw Problems.conflict("training module " + id + " has enrolments; it cannot be deleted");
        }
        for (ModuleReferences kind : references) {
            kind.useOf(id).ifPresent(why -> {
                throw Problems.conflict("training module " + id + " cannot be deleted: " + why);
            });
        }
        modules.delete(module);
    }

    /** The modules among {@code ids} that exist, locked against deletion until the caller's commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TrainingModule> lockForReference(Collection<UUID> ids) {
        return modules.lockForReference(ids);
    }

    private TrainingModule forChange(UUID id, String ifMatch) {
        TrainingModule module = modules.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("training module", id));
        ETags.requireMatch(ifMatch, module.version());
        return module;
    }
}
