#!/usr/bin/env bash
# Timeline (issue 7): event → API visibility lag p50/p99 under steady load, first-page latency for
# a customer with 10,000 events, and replay speed. Runs TimelineBenchmark (a JUnit class outside
# the *IT/*Test patterns, so `verify` never runs it) against the test kit's real PostgreSQL and
# in-process Kafka, then rewrites the "timeline" section of docs/benchmarks.md.
# Knobs: -Dbench.lagEvents=400 -Dbench.lagRate=20 -Dbench.bigCustomerEvents=10000 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
run_benchmark timeline-service TimelineBenchmark
figures=timeline-service/target/timeline-bench.md
[ -s "$figures" ] || { echo "timeline benchmark wrote no figures" >&2; exit 1; }

write_section timeline "Timeline: visibility lag, first page, replay" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); one timeline-service JVM with the test kit's in-process Kafka (3 partitions per topic), all on the same machine. Command: \`bench/timeline/run.sh\`.
Lag runs from Kafka's acknowledgement of the produce (the moment an outbox relay marks the event
published; the relay's own wake-up after commit is not included) until the timeline API returns
the event; the poller asks every ~1 ms plus the request's own time, one event in flight. Page latency is the client's
full HTTP round trip for the default page (100 items, JSON). Replay reads every record of the six
topics (including the other two figures' events) and commits 500 per transaction. The fan-out
rows are the work order's original design, built only for this comparison (FanOutTimeline): one
HTTP source per kind, each with its own PostgreSQL database holding the same rows, asked in
parallel at read time and merged; its sources check no token, so it is a lower bound.

$(cat "$figures")
MD
cat "$figures"
