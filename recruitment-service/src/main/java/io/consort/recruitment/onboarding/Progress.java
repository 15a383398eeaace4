package io.consort.recruitment.onboarding;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far a checklist is: activation waits for the required tasks only. */
@Schema(name = "OnboardingProgress", example = """
        {"requiredTasks": 3, "requiredTasksDone": 2, "totalTasks": 4, "tasksDone": 2, "percentRequiredDone": 66}""")
public record Progress(int requiredTasks, int requiredTasksDone, int totalTasks, int tasksDone,
        int percentRequiredDone) {

    static Progress of(List<ChecklistTask> tasks) {
        int required = 0;
        int requiredDone = 0;
        int done = 0;
        for (ChecklistTask t : tasks) {
            if (t.required()) {
                required++;
                if (t.isDone()) {
                    requiredDone++;
                }
            }
            if (t.isDone()) {
                done++;
            }
        }
        // Rounded down, so 100 means really everything required, never 99.6 shown as done.
        int percent = required == 0 ? 100 : requiredDone * 100 / required;
        return new Progress(required, requiredDone, tasks.size(), done, percent);
    }

    public boolean requiredAllDone() {
        return requiredTasksDone == requiredTasks;
    }
}
