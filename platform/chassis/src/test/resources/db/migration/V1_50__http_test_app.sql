-- Tables of the chassis HTTP test application (problems, partner scope, paging, idempotency).
create table test_widget (
    id          uuid primary key,
    partner_id  uuid         not null,
    name        varchar(200) not null,
    code        varchar(100) unique,
    created_at  timestamptz  not null,
    version     bigint       not null
);

-- A partner table keyed by the partner's own id (scoped with PartnerScope.CONDITION_ON_ID).
create table test_partner (
    id          uuid primary key,
    name        varchar(200) not null
);
