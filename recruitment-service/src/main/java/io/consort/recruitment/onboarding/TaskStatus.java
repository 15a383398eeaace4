package io.consort.recruitment.onboarding;

public enum TaskStatus {
    OPEN,
    DONE
}
