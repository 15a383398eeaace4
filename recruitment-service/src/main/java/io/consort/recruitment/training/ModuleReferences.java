package io.consort.recruitment.training;

import java.util.Optional;
import java.util.UUID;

/**
 * Something outside training that points at modules (onboarding plans and checklists do) and so must be
 * asked before a module is deleted. Training looks up every implementation instead of knowing them.
 */
public interface ModuleReferences {

    /** Why {@code moduleId} is still in use, or empty when nothing of this kind refers to it. */
    Optional<String> useOf(UUID moduleId);
}
