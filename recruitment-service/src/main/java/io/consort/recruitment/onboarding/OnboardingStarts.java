package io.consort.recruitment.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consort.recruitment.support.Csv;
import io.consort.recruitment.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The checklists of many partners that start onboarding at once (a bulk upsert), written with one
 * {@code COPY}: each a copy of its program's plan, as {@link OnboardingService#start} gives one partner.
 */
@ApplicationScoped
public class OnboardingStarts {

    @Inject
    OnboardingPlanRepository plans;

    /**
     * Stores a checklist for each partner of {@code programByPartner} (partner id → program id) on the
     * transaction's {@code connection}; answers the partners whose checklist is complete from the start
     * (their program's plan has no required task), which the caller activates.
     */
    public Set<UUID> startAll(Connection connection, Map<UUID, UUID> programByPartner, Instant now)
            throws SQLException, IOException {
        Map<UUID, OnboardingChecklist> templates = new HashMap<>();
        Map<UUID, String> tasks = new HashMap<>();
        Set<UUID> complete = new HashSet<>();
        StringBuilder csv = new StringBuilder(programByPartner.size() * 600);
        String at = now.toString();
        for (Map.Entry<UUID, UUID> e : programByPartner.entrySet()) {
            UUID programId = e.getValue();
            OnboardingChecklist template = templates.computeIfAbsent(programId, id -> {
                Optional<OnboardingPlan> plan = plans.findByIdOptional(id);
                return OnboardingChecklist.start(id, id, plan.map(OnboardingPlan::version).orElse(null),
                        plan.map(OnboardingPlan::tasks).orElseGet(() -> OnboardingPlan.defaultTasks(id)), now);
            });
            String json = tasks.get(programId);
            if (json == null) {
                json = json(template.tasks());
                tasks.put(programId, json);
            }
            if (template.isComplete()) {
                complete.add(e.getKey());
            }
            Csv.row(csv, e.getKey().toString(), programId.toString(),
                    template.planVersion() == null ? null : template.planVersion().toString(), json, at,
                    template.isComplete() ? at : null, "0");
        }
        if (!csv.isEmpty()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY onboarding_checklists (partner_id, "
                    + "program_id, plan_version, tasks, started_at, completed_at, version) FROM STDIN WITH (FORMAT csv)",
                    Csv.bytes(csv));
        }
        return complete;
    }

    private static String json(List<ChecklistTask> tasks) {
        try {
            return JsonColumns.MAPPER.writeValueAsString(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write checklist tasks", e);
        }
    }
}
