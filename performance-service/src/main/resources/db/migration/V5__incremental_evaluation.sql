-- The order facts were stored in: a partner's facts are inserted under its advisory lock, so for one partner a
-- higher seq is a later commit, and an evaluation that kept a partner's history up to a seq (HistoryCache) reads
-- only the facts above it.
alter table partner_fact add column seq bigserial;
create index partner_fact_partner_seq on partner_fact (partner_id, seq);

-- A digest of what the partner's incentive and attribution ledgers should add up to (Ledgers.Desired), as of
-- its last reconcile, which made them add up to it: an evaluation whose ledgers should still hold the same
-- reads no ledger line. Null (new, rebuilt): not known, the ledgers are read.
alter table scorecard add column ledger_digest varchar(64);
