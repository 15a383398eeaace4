-- Per-partner, per-day running totals of the counted KPIs (domain/DayCounts): how many facts of each
-- counted kind happened on each day. Intake adds a batch's new facts with one upsert, and the evaluation
-- reads these totals instead of the facts they count; a late fact adds to the day it happened on.
create table partner_day_count (
    partner_id  uuid        not null,
    day         date        not null,
    kpi         varchar(40) not null,
    count       integer     not null,
    primary key (partner_id, day, kpi)
);

-- The KPI a fact adds one to on its day (null: none); the same mapping as DayCounts.counted, which
-- DayCountsTest checks against this function over every fact the tests record.
create function fact_counted_kpi(event_type varchar, data jsonb) returns varchar
    language sql immutable as $$
    select case event_type
        when 'consort.lead.assigned.v1' then 'LEADS_OFFERED'
        when 'consort.lead.accepted.v1' then 'LEADS_ACCEPTED'
        when 'consort.lead.rejected.v1' then
            case when data ->> 'outcome' = 'TIMED_OUT' then 'LEADS_TIMED_OUT' else 'LEADS_DECLINED' end
        when 'consort.lead.converted.v1' then 'LEADS_CONVERTED'
        when 'consort.deal.registered.v1' then 'DEALS_REGISTERED'
        when 'consort.deal.lost.v1' then 'DEALS_LOST'
        when 'consort.campaign.enrolled.v1' then 'CAMPAIGN_ENROLMENTS'
        when 'consort.campaign.engagement-recorded.v1' then 'CAMPAIGN_ENGAGEMENTS'
        when 'consort.resource.opened.v1' then 'COMMUNITY_ACTIVITY'
        when 'consort.thread.created.v1' then 'COMMUNITY_ACTIVITY'
        when 'consort.post.created.v1' then 'COMMUNITY_ACTIVITY'
        when 'consort.answer.accepted.v1' then 'COMMUNITY_ACTIVITY'
    end
$$;

-- The totals of the facts recorded so far.
insert into partner_day_count (partner_id, day, kpi, count)
select partner_id, (occurred_at at time zone 'UTC')::date, fact_counted_kpi(event_type, data), count(*)
from partner_fact where fact_counted_kpi(event_type, data) is not null
group by 1, 2, 3;
