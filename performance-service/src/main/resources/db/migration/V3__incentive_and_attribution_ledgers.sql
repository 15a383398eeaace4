-- The incentive ledger: rebates, bonuses and reversals, append-only (corrections are new lines).
create table incentive_entry (
    id                 uuid          primary key,
    seq                bigserial     not null unique,
    partner_id         uuid          not null,
    line_key           varchar(200)  not null,
    kind               varchar(16)   not null check (kind in ('REBATE', 'BONUS', 'REVERSAL')),
    amount             numeric(18,2) not null,
    currency           varchar(3)    not null,
    period             varchar(16)   not null,
    day                date          not null,
    deal_id            uuid,
    evidence_event_id  uuid          not null,
    evidence_type      varchar(128)  not null,
    reason             text          not null,
    accrued_at         timestamptz   not null
);
create index incentive_entry_partner_period on incentive_entry (partner_id, period, seq);
create index incentive_entry_partner_key on incentive_entry (partner_id, line_key, seq);

-- The attribution ledger: each won deal's revenue credited once, sourced or influenced, with its evidence.
create table attribution_line (
    id                 uuid          primary key,
    seq                bigserial     not null unique,
    partner_id         uuid          not null,
    line_key           varchar(200)  not null,
    kind               varchar(16)   not null check (kind in ('SOURCED', 'INFLUENCED')),
    deal_id            uuid          not null,
    amount             numeric(18,2) not null,
    currency           varchar(3)    not null,
    day                date          not null,
    evidence_event_id  uuid          not null,
    evidence_type      varchar(128)  not null,
    reason             text          not null,
    recorded_at        timestamptz   not null
);
create index attribution_line_partner on attribution_line (partner_id, seq);
create index attribution_line_partner_key on attribution_line (partner_id, line_key, seq);

-- Append-only means append-only: the database refuses to change or remove a ledger line.
create function refuse_ledger_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger incentive_entry_append_only before update or delete on incentive_entry
    for each row execute function refuse_ledger_change();
create trigger attribution_line_append_only before update or delete on attribution_line
    for each row execute function refuse_ledger_change();
