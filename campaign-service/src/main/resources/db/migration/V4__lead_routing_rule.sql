-- A routing rule's capacity counts the open leads a partner holds under that rule (not under every rule): each
-- offer records the rule it was made under. Offers open before this migration take the rule of their last
-- offer decision.
ALTER TABLE leads ADD COLUMN rule_id uuid;

UPDATE leads l SET rule_id = d.rule_id
FROM (SELECT DISTINCT ON (lead_id) lead_id, rule_id FROM lead_routing_decisions
      WHERE kind IN ('OFFERED', 'ASSIGNED_BY_HAND') ORDER BY lead_id, seq DESC) d
WHERE d.lead_id = l.id AND l.state IN ('OFFERED', 'ACCEPTED');

CREATE INDEX leads_rule_partner_open_idx ON leads (rule_id, partner_id) WHERE state IN ('OFFERED', 'ACCEPTED');
