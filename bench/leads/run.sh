#!/usr/bin/env bash
# From call to lead (issue 19): time from the caller's turn to crm's customer carrying what the
# receptionist learned, and from the call's last Twilio webhook to the on-duty agent's call-back
# notification, over 200 calls.
# Runs LeadLatencyBenchmark in infra/system-tests: every service jar and the gateway as processes on
# the test kit's PostgreSQL and in-process Kafka, plus a telephony-service whose Twilio recordings and
# OpenAI are local stubs (ReceptionistLine). Knobs: -Dbench.calls=200 -Dbench.warmup=10 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
modules=platform/test-kit,gateway,crm-service,tasks-service,billing-service,timeline-service,notification-service,telephony-service
# BENCH_NO_BUILD=1 runs the jars as they are (e.g. while a module is being edited)
[ "${BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -DskipTests install -pl "$modules" -am
rm -f infra/system-tests/target/lead-bench.md
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
run_benchmark infra/system-tests LeadLatencyBenchmark || status=$?
figures=infra/system-tests/target/lead-bench.md
[ -s "$figures" ] || { echo "Lead benchmark wrote no figures" >&2; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

write_section leads "From call to lead: customer updated and agent notified" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); every service jar and the gateway (own JVMs) on the test
kit's in-process Kafka, plus a telephony-service whose Twilio recordings, Whisper and chat completions
are one local stub answering at once (load average before / after: ${load_before} / ${load_after}).
Command: \`bench/leads/run.sh\`. Each call is placed through the gateway as Twilio would, signed:
\`incoming_call\`, one recorded turn in which the caller gives a name and a budget and is promised a
call-back, then the \`completed\` status. The receptionist sends what it learned after each turn
(\`call.lead_qualified\` through telephony's outbox and Kafka to crm, fields filled in crm's
transaction), so the customer's clock starts when that turn's webhook is answered; the call-back is
decided at the end of the call (telephony → tasks-service, call-back task for the on-duty agent, its
outbox and Kafka → notification-service, the agent's "משימה חדשה שויכה אליך" stored and sent to the
socket in one step), so its clock starts when the \`completed\` webhook is answered. The benchmark
polls crm's and notification-service's databases every 2 ms on open connections, starting after the
\`completed\` webhook: a customer filled sooner than that reads as the gap between the two webhooks
(third row). Target: p99 under 2 s.

$(cat "$figures")
MD
cat "$figures"
exit $status
