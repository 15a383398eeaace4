#!/usr/bin/env bash
# Demo data of performance-service for ./prm up: the vendor's exchange rates, a scorecard definition
# for every program that has none yet, and leaderboards showing partner names. Partners' scores, tiers
# and histories come from the events the other services' demo data produce.
# Usage: source this file, then: [PRM_DEMO_PROGRAM_IDS="<id> ..."] demo_performance GATEWAY_URL MANAGER_TOKEN

demo_performance() {
    local gw="$1" token="$2"
    local auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
    local cur from rate

    # 1 unit = rate EUR, from the first of the year on (PUT is idempotent).
    for cur_rate in "USD 0.9200" "GBP 1.1700" "CHF 1.0400" "JPY 0.0062"; do
        read -r cur rate <<<"$cur_rate"
        for from in "$(date -u +%Y)-01-01" "$(( $(date -u +%Y) - 1 ))-01-01"; do
            curl -fsS -o /dev/null -X PUT "${auth[@]}" "$gw/api/v1/exchange-rates/$cur/$from" \
                -d "{\"rate\": \"$rate\"}" || { echo "performance demo: rate $cur $from failed" >&2; return 1; }
        done
    done

    # A scorecard definition for each program still on the default (version 0): each program ./prm names in
    # PRM_DEMO_PROGRAM_IDS (those there before journey/'s demo partners, whose programs bring their own
    # definitions and are made meanwhile), or, run on its own, every program.
    local programs program version
    if [[ -n "${PRM_DEMO_PROGRAM_IDS+set}" ]]; then
        programs="$PRM_DEMO_PROGRAM_IDS"
    else
        programs=$(curl -fsS "${auth[@]}" "$gw/api/v1/programs?limit=200" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4)
    fi
    for program in $programs; do
        version=$(curl -fsS "${auth[@]}" "$gw/api/v1/scorecard-definitions/$program" | grep -oE '"version":[0-9]+' | cut -d: -f2)
        [ "$version" = "0" ] || continue
        curl -fsS -o /dev/null -X PUT "${auth[@]}" -H 'If-Match: "0"' "$gw/api/v1/scorecard-definitions/$program" -d '{
            "kpis": [
              {"kpi": "WON_REVENUE", "weight": 30, "target": 200000},
              {"kpi": "DEALS_WON", "weight": 15, "target": 8},
              {"kpi": "CERTIFIED_PEOPLE", "weight": 20, "target": 2},
              {"kpi": "LEAD_ACCEPTANCE_RATE", "weight": 10, "target": 0.8},
              {"kpi": "LEAD_CONVERSION_RATE", "weight": 10, "target": 0.3},
              {"kpi": "ONBOARDING_PROGRESS", "weight": 5, "target": 1},
              {"kpi": "CAMPAIGN_ENGAGEMENTS", "weight": 5, "target": 10},
              {"kpi": "COMMUNITY_ACTIVITY", "weight": 5, "target": 20}]}' \
            || { echo "performance demo: definition of program $program failed" >&2; return 1; }
    done

    # Partners see each other's names on the leaderboard in the demo.
    curl -fsS -o /dev/null -X PUT "${auth[@]}" "$gw/api/v1/leaderboard/settings" -d '{"partnerVisibility": "NAMES"}' \
        || { echo "performance demo: leaderboard settings failed" >&2; return 1; }
}
