#!/usr/bin/env bash
# Telephony (issue 5): the AI receptionist's own overhead in handle_recording. Every provider
# (Twilio recording download, Whisper, chat completion, Google TTS) is a local stub answering after
# a fixed latency; the figure is the webhook's round trip minus the time spent waiting for them.
# Runs TelephonyBenchmark (a JUnit class outside the *IT/*Test patterns, so `verify` never runs it)
# against the test kit's real PostgreSQL and in-process Kafka, then rewrites the "telephony"
# section of docs/benchmarks.md.
# Knobs: -Dbench.turns=100 -Dbench.warmup=15 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_benchmark telephony-service TelephonyBenchmark
figures=telephony-service/target/telephony-bench.md
[ -s "$figures" ] || { echo "telephony benchmark wrote no figures" >&2; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

write_section telephony "Telephony: the receptionist's pipeline overhead" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); one telephony-service JVM with the test kit's in-process Kafka, and one local HTTP stub (WireMock) standing in for Twilio, OpenAI and Google, all on the same machine (load average before / after the run: ${load_before} / ${load_after}; the overhead is CPU time, so it grows with the machine's load). Command: \`bench/telephony/run.sh\`.
Each call is first answered by \`incoming_call\` (untimed, as on a real line); then the timed,
Twilio-signed \`POST /webhook/handle_recording\`: signature check, turn claimed, recording
downloaded, transcribed, answered, spoken, the reply audio stored in PostgreSQL, the turn logged
and the TwiML returned. Provider time is what the service spent
waiting on the stubs' HTTP answers (fixed delays plus local HTTP), measured inside the service per
turn; the round trip is the test client's. Overhead is everything else: our HTTP handling,
database work, JSON, TwiML.

$(cat "$figures")
MD
cat "$figures"
