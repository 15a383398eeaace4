package io.consort.recruitment.partner;

import io.consort.chassis.problem.Problems;
import io.consort.recruitment.program.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules a checked {@link PartnerEdit} must keep against the stored partners, in one place for the
 * single writes ({@code PATCH}, the upsert by external id: {@link PartnerWrites}) and the bulk batches
 * ({@link PartnerBatchWriter}). A new partner needs the fields to create one, a program that exists and
 * recruits its type ({@link Program#typeFor}, the program's rule), a parent {@link Ancestry} accepts and
 * ids no other partner carries ({@link ExternalIdOwners}); a change needs a partner that is not
 * terminated and the same checks for what it changes. Everything that can refuse an edit runs before its
 * first field is set. The writer says how programs, the hierarchy and the ids are seen: read now in the
 * transaction (a single write) or loaded for a batch and kept up to date as its lines apply.
 */
final class PartnerRules {

    /** The parent rule ({@link Ancestry#checkParent}) as the writer sees the hierarchy. */
    interface Parents {
        void checkParent(UUID partnerId, UUID parentId);
    }

    /** The external-id rule ({@link ExternalIdOwners#checkFree}) as the writer sees the ids. */
    interface Owners {
        void checkFree(UUID partnerId, Map<String, String> ids);
    }

    /**
     * What a change did: the fields profile events name (other systems' ids are the integrators' business,
     * not the consumers' of profile events, so they are not among them) and whether the ids changed.
     */
    record Changed(List<String> profileFields, boolean externalIds) {
    }

    private final Function<UUID, Program> programs;
    private final Parents parents;
    private final Owners owners;

    /** @param programs the program of an id, or 422 when there is none */
    PartnerRules(Function<UUID, Program> programs, Parents parents, Owners owners) {
        this.programs = programs;
        this.parents = parents;
        this.owners = owners;
    }

    /**
     * The edit an upsert by {@code system}/{@code externalId} applies: {@code requested} with that id set;
     * 400 when the body gives that system another id than the path (or the bulk line).
     */
    static PartnerEdit forExternalId(String system, String externalId, PartnerEdit requested) {
        if (requested.externalIds().containsKey(system) && !externalId.equals(requested.externalIds().get(system))) {
            throw Problems.invalidField("externalIds." + system, "differs from the external id in the path");
        }
        return requested.withExternalId(system, externalId);
    }

    /** The new partner {@code edit} describes, {@code ONBOARDING}, not stored yet; refused if a rule says no. */
    Partner create(PartnerEdit edit, String by, Instant now) {
        edit.requireCreatable();
        Program program = programs.apply(edit.value(PartnerField.PROGRAM_ID));
        parents.checkParent(null, edit.value(PartnerField.PARENT_PARTNER_ID));
        owners.checkFree(null, edit.externalIds());
        return edit.newPartner(program, by, now);
    }

    /** Checks {@code edit} against {@code partner} and the stored partners, then applies it. */
    Changed change(Partner partner, PartnerEdit edit, String by, Instant now) {
        partner.requireChangeable();
        if (edit.has(PartnerField.PROGRAM_ID) || edit.has(PartnerField.TYPE)) {
            programs.apply(edit.has(PartnerField.PROGRAM_ID) ? edit.value(PartnerField.PROGRAM_ID) : partner.programId())
                    .typeFor(edit.has(PartnerField.TYPE) ? edit.value(PartnerField.TYPE) : partner.type(),
                            PartnerField.TYPE.json);
        }
        if (edit.has(PartnerField.PARENT_PARTNER_ID)) {
            parents.checkParent(partner.id(), edit.value(PartnerField.PARENT_PARTNER_ID));
        }
        owners.checkFree(partner.id(), edit.externalIds());
        List<String> changed = new ArrayList<>(partner.edit(edit, by, now));
        boolean ids = changed.remove(PartnerField.EXTERNAL_IDS.json);
        return new Changed(List.copyOf(changed), ids);
    }
}
