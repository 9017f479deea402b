#!/usr/bin/env bash
# Operators' command for one service's dead letters and parked outbox rows (docs/operations.md,
# ADR 0014). It calls one instance of the service directly, because the gateway does not route
# /api/admin/**, with the access token of a platform admin.
#
#   SERVICE_URL=http://localhost:8084 TOKEN=… scripts/messaging-admin.sh <command>
#
#   dead-letters list [all]                          pending dead letters (all: replayed and dismissed too)
#   dead-letters show <topic> <partition> <offset>   one dead letter with its value and stack trace
#   dead-letters replay <topic> <partition> <offset> run it through this service's own handler again
#   dead-letters replay-all                          replay every pending dead letter, oldest first
#   dead-letters dismiss <topic> <partition> <offset> mark it dealt with, without replaying it
#   outbox list                                      parked outbox rows, oldest first
#   outbox show <event-id>                           one parked row, with the start of its envelope
#   outbox requeue <event-id>                        put a parked row back in line, after a fix
#   outbox requeue-all                               put every parked row back in line
set -euo pipefail

usage() {
  sed -n '6,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

call() { # <method> <path>: prints the JSON answer (through jq when it is installed), fails on non-2xx
  local answer status body
  answer=$(curl -sS -X "$1" "${SERVICE_URL%/}$2" -H "Authorization: Bearer $TOKEN" -w $'\n%{http_code}')
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

letter() { # <topic> <partition> <offset>
  printf '/api/admin/dead-letters/%s/%s/%s' "$1" "$2" "$3"
}

[ $# -ge 2 ] || usage
: "${SERVICE_URL:?set SERVICE_URL to one instance of the service, e.g. http://localhost:8084 after kubectl port-forward}"
: "${TOKEN:?set TOKEN to the access token of a platform admin}"

area=$1 command=$2
shift 2
case "$area $command" in
  "dead-letters list") call GET "/api/admin/dead-letters?state=${1:-pending}&limit=1000" ;;
  "dead-letters show") [ $# -eq 3 ] || usage; call GET "$(letter "$@")" ;;
  "dead-letters replay") [ $# -eq 3 ] || usage; call POST "$(letter "$@")/replay" ;;
  "dead-letters replay-all") call POST /api/admin/dead-letters/replay ;;
  "dead-letters dismiss") [ $# -eq 3 ] || usage; call POST "$(letter "$@")/dismiss" ;;
  "outbox list") call GET "/api/admin/outbox/parked?limit=1000" ;;
  "outbox show") [ $# -eq 1 ] || usage; call GET "/api/admin/outbox/parked/$1" ;;
  "outbox requeue") [ $# -eq 1 ] || usage; call POST "/api/admin/outbox/parked/$1/requeue" ;;
  "outbox requeue-all") call POST /api/admin/outbox/parked/requeue ;;
  *) usage ;;
esac
