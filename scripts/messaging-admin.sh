#!/usr/bin/env bash
# Operators' command for a service's dead letters and parked outbox rows, and the timeline rebuild
# (docs/operations.md, ADR 0014, ADR 0026). It goes through the gateway, which routes
# /api/admin/<service>/** to any instance of that service for a platform admin's token only.
#
#   GATEWAY_URL=https://app.example.com TOKEN=… scripts/messaging-admin.sh <service> <command>
#   (or ADMIN_EMAIL and ADMIN_PASSWORD instead of TOKEN: the script logs in through the gateway)
#
#   <service> dead-letters list [all]                          pending dead letters (all: replayed and dismissed too)
#   <service> dead-letters show <topic> <partition> <offset>   one dead letter with its value and stack trace
#   <service> dead-letters replay <topic> <partition> <offset> run it through this service's own handler again
#   <service> dead-letters replay-all                          replay every pending dead letter, oldest first
#   <service> dead-letters dismiss <topic> <partition> <offset> mark it dealt with, without replaying it
#   <service> outbox list                                      parked outbox rows, oldest first
#   <service> outbox show <event-id>                           one parked row, with the start of its envelope
#   <service> outbox requeue <event-id>                        put a parked row back in line, after a fix
#   <service> outbox requeue-all                               put every parked row back in line
#   timeline rebuild start                                     rebuild the timeline's projections from the topics
#   timeline rebuild status                                    its progress, from whichever instance answers
#
# <service>: crm, telephony, tasks, billing, timeline or notification.
#
# When the gateway itself is down: SERVICE_URL=http://localhost:8084 (one instance, e.g. after kubectl
# port-forward) calls that instance directly, and the commands take no <service> (rebuild: timeline's).
set -euo pipefail

usage() {
  sed -n '6,25p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
BASE_URL=${SERVICE_URL:-$GATEWAY_URL}

login() { # the platform admin's access token, from ADMIN_EMAIL / ADMIN_PASSWORD (no jq needed)
  local email=${ADMIN_EMAIL//\\/\\\\} password=${ADMIN_PASSWORD//\\/\\\\} answer token
  email=${email//\"/\\\"}
  password=${password//\"/\\\"}
  answer=$(curl -sS "${GATEWAY_URL%/}/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}")
  token=$(printf '%s' "$answer" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  if [ -z "$token" ]; then
    echo "login as $ADMIN_EMAIL failed: $answer" >&2
    exit 1
  fi
  printf '%s' "$token"
}

call() { # <method> <path>: prints the JSON answer (through jq when it is installed), fails on non-2xx
  local answer status body
  answer=$(curl -sS -X "$1" "${BASE_URL%/}$2" -H "Authorization: Bearer $TOKEN" -w $'\n%{http_code}')
  status=${answer##*$'\n'}
  body=${answer%$'\n'*}
  if [ -n "$body" ]; then
    if command -v jq >/dev/null; then printf '%s\n' "$body" | jq .; else printf '%s\n' "$body"; fi
  fi
  if [[ $status != 2* ]]; then
    echo "HTTP $status from $1 $2" >&2
    exit 1
  fi
}

if [ -n "${SERVICE_URL:-}" ]; then
  [ $# -ge 2 ] || usage
  service=timeline admin=/api/admin # one instance: its own paths
else
  [ $# -ge 3 ] || usage
  service=$1
  shift
  case "$service" in
    crm | telephony | tasks | billing | timeline | notification) ;;
    *) usage ;;
  esac
  admin="/api/admin/$service"
fi
area=$1 command=$2
shift 2
if [ -z "${TOKEN:-}" ]; then
  if [ -n "${ADMIN_EMAIL:-}" ] && [ -n "${ADMIN_PASSWORD:-}" ]; then
    TOKEN=$(login)
  else
    echo "set TOKEN to a platform admin's access token, or ADMIN_EMAIL and ADMIN_PASSWORD" >&2
    exit 2
  fi
fi

letter() { # <topic> <partition> <offset>
  printf '%s/dead-letters/%s/%s/%s' "$admin" "$1" "$2" "$3"
}

case "$area $command" in
  "dead-letters list") call GET "$admin/dead-letters?state=${1:-pending}&limit=1000" ;;
  "dead-letters show") [ $# -eq 3 ] || usage; call GET "$(letter "$@")" ;;
  "dead-letters replay") [ $# -eq 3 ] || usage; call POST "$(letter "$@")/replay" ;;
  "dead-letters replay-all") call POST "$admin/dead-letters/replay" ;;
  "dead-letters dismiss") [ $# -eq 3 ] || usage; call POST "$(letter "$@")/dismiss" ;;
  "outbox list") call GET "$admin/outbox/parked?limit=1000" ;;
  "outbox show") [ $# -eq 1 ] || usage; call GET "$admin/outbox/parked/$1" ;;
  "outbox requeue") [ $# -eq 1 ] || usage; call POST "$admin/outbox/parked/$1/requeue" ;;
  "outbox requeue-all") call POST "$admin/outbox/parked/requeue" ;;
  "rebuild start") [ "$service" = timeline ] || usage; call POST "$admin/rebuild" ;;
  "rebuild status") [ "$service" = timeline ] || usage; call GET "$admin/rebuild" ;;
  *) usage ;;
esac
