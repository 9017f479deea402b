#!/usr/bin/env bash
# From call to lead (issue 19): time from a call's last Twilio webhook to crm's customer carrying
# what the receptionist learned, and to the on-duty agent's call-back notification, over 200 calls.
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
call-back, then the \`completed\` status. The clock starts when that last webhook is answered; the
benchmark then polls crm's and notification-service's databases every 2 ms on open connections. The
path measured: telephony's \`call.lead_qualified\` through its outbox and Kafka to crm (fields filled
in crm's transaction), and to tasks-service (call-back task for the on-duty agent, its own outbox and
Kafka) and on to notification-service (the agent's "משימה חדשה שויכה אליך", stored and sent to the
socket in one step). Target: p99 under 2 s.

$(cat "$figures")
MD
cat "$figures"
exit $status
