-- Review of applications: what reviewers asked the applicant and what came back, oldest first, as
-- [{"question", "askedBy", "askedAt", "answer", "answeredBy", "answeredAt"}]. jsonb rather than a child
-- table: the list is short, always read whole with its application and never queried on its own.
ALTER TABLE applications ADD COLUMN info_requests jsonb NOT NULL DEFAULT '[]'::jsonb;

-- When the partner's current tier was decided by performance (the tier.changed event's occurredAt), so
-- an older event delivered late never overwrites a newer tier.
ALTER TABLE partners ADD COLUMN tier_changed_at timestamptz;
