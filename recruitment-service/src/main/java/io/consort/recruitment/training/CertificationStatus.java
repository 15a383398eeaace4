package io.consort.recruitment.training;

public enum CertificationStatus {
    ACTIVE,
    EXPIRED
}
