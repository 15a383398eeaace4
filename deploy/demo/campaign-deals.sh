#!/usr/bin/env bash
# Demo data for campaign-service's deal registrations and market development funds, loaded through the gateway.
# Defines demo_campaign_deals GATEWAY_URL MANAGER_TOKEN. For the first two partners recruitment lists it: a
# budget for the current quarter with one approved fund request, one approved deal registration and a rival
# registration of the same customer by the second partner, pending review (so the review view shows a conflict).
# Idempotent: each item is looked up first, and every POST carries a fixed Idempotency-Key. Quiet on success.

demo_campaign_deals() {
    local gw="$1" token="$2"
    local auth=(-H "Authorization: Bearer $token")
    local partners first second
    partners="$(curl -sf "${auth[@]}" "$gw/api/v1/partners?limit=2")" || { echo "campaign-deals demo: cannot list partners" >&2; return 1; }
    first="$(printf '%s' "$partners" | grep -o '"id":"[0-9a-f-]\{36\}"' | sed -n 1p | cut -d'"' -f4)"
    second="$(printf '%s' "$partners" | grep -o '"id":"[0-9a-f-]\{36\}"' | sed -n 2p | cut -d'"' -f4)"
    if [[ -z "$first" ]]; then
        echo "campaign-deals demo: no partner to load deals for" >&2
        return 1
    fi

    # A budget for the current quarter, with a webinar request approved against it.
    local period budget request
    period="$(date -u +%Y)-Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))"
    budget="$(_demo_cd_first_id "$gw" "$token" "/api/v1/mdf/budgets?partnerId=$first&period=$period")"
    if [[ -z "$budget" ]]; then
        budget="$(_demo_cd_post "$gw" "$token" /api/v1/mdf/budgets "demo-mdf-budget-$first-$period" \
            "{\"partnerId\":\"$first\",\"period\":\"$period\",\"allocated\":{\"amount\":\"25000.00\",\"currency\":\"EUR\"},\"note\":\"Quarterly MDF allocation\"}")" || return 1
    fi
    request="$(_demo_cd_first_id "$gw" "$token" "/api/v1/mdf/requests?budgetId=$budget")"
    if [[ -z "$request" ]]; then
        request="$(_demo_cd_post "$gw" "$token" /api/v1/mdf/requests "demo-mdf-request-$budget" \
            "{\"budgetId\":\"$budget\",\"activity\":\"Joint webinar: analytics for manufacturers\",\"plannedDate\":\"$(date -u -d '+30 days' +%F)\",\"amount\":{\"amount\":\"5000.00\",\"currency\":\"EUR\"}}")" || return 1
        _demo_cd_action "$gw" "$token" "/api/v1/mdf/requests/$request/approve" "demo-mdf-approve-$request" '{}' || return 1
    fi

    # An approved deal registration, and a rival one of the same customer by the second partner.
    local deal
    deal="$(_demo_cd_first_id "$gw" "$token" "/api/v1/deal-registrations?partnerId=$first&customerDomain=mueller-maschinenbau.example")"
    if [[ -z "$deal" ]]; then
        deal="$(_demo_cd_post "$gw" "$token" /api/v1/deal-registrations "demo-deal-$first" \
            "{\"partnerId\":\"$first\",\"customerName\":\"Müller Maschinenbau GmbH\",\"customerDomain\":\"www.mueller-maschinenbau.example\",\"products\":[\"ANALYTICS-PRO\",\"CLOUD-BACKUP\"],\"amount\":{\"amount\":\"48000.00\",\"currency\":\"EUR\"},\"expectedCloseDate\":\"$(date -u -d '+75 days' +%F)\"}")" || return 1
        _demo_cd_action "$gw" "$token" "/api/v1/deal-registrations/$deal/approve" "demo-deal-approve-$deal" '{}' || return 1
    fi
    if [[ -n "$second" && -z "$(_demo_cd_first_id "$gw" "$token" "/api/v1/deal-registrations?partnerId=$second&customerDomain=mueller-maschinenbau.example")" ]]; then
        _demo_cd_post "$gw" "$token" /api/v1/deal-registrations "demo-deal-$second" \
            "{\"partnerId\":\"$second\",\"customerName\":\"Mueller Maschinenbau\",\"customerDomain\":\"mueller-maschinenbau.example\",\"products\":[\"ANALYTICS-PRO\"],\"amount\":{\"amount\":\"39000.00\",\"currency\":\"EUR\"},\"expectedCloseDate\":\"$(date -u -d '+60 days' +%F)\"}" >/dev/null || return 1
    fi
}

# The first item's id of a list answer, or nothing.
_demo_cd_first_id() {
    curl -sf -H "Authorization: Bearer $2" "$1$3" | grep -o '"items":\[{"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f6
}

# POSTs a JSON body with an Idempotency-Key and prints the created item's id.
_demo_cd_post() {
    local answer
    answer="$(curl -sf -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "Idempotency-Key: $4" \
        -d "$5" "$1$3")" || { echo "campaign-deals demo: POST $3 failed" >&2; return 1; }
    printf '%s' "$answer" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4
}

# An action endpoint: reads the item's ETag, then POSTs with If-Match and an Idempotency-Key.
_demo_cd_action() {
    local item="${3%/*}" etag
    etag="$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $2" "$1$item" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
    curl -sf -o /dev/null -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "If-Match: $etag" \
        -H "Idempotency-Key: $4" -d "$5" "$1$3" || { echo "campaign-deals demo: POST $3 failed" >&2; return 1; }
}
