#!/usr/bin/env bash
# Due alerts (issue 4): 1,000 tasks due at the same instant, 200 STOMP sockets (one per user),
# distribution of (task:due arrival on the socket − dueAt). Runs TaskDueBenchmark (a JUnit class
# outside the *IT/*Test patterns, so `verify` and `make test` never run it) in notification-service
# against the test kit's real PostgreSQL and in-process Kafka, with the real tasks-service jar as a
# second process. Rewrites the "due-alerts" section of docs/benchmarks.md.
# Knobs: -Dbench.tasks=1000 -Dbench.sockets=200 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -DskipTests install -pl tasks-service -am
run_benchmark notification-service TaskDueBenchmark
figures=notification-service/target/task-due-bench.md
[ -s "$figures" ] || { echo "due-alerts benchmark wrote no figures" >&2; exit 1; }

write_section due-alerts "Due alerts: task:due delivery time" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine): tasks-service (its jar, own JVM) and notification-service (the benchmark's JVM, with the 200 STOMP clients) on the test kit's in-process Kafka (3 partitions), all on the same machine; no gateway in the path. Command: \`bench/tasks/run.sh\`.
All 1,000 tasks are created over HTTP with the same \`dueAt\` (a whole second ~25 s ahead), five per
user; the figure is the client's arrival time of \`task:due\` on its socket minus \`dueAt\`: due
scheduler wake-up and claim (FOR UPDATE SKIP LOCKED, 200 per transaction), outbox relay to Kafka,
notification-service's per-instance consumer, STOMP user destination, WebSocket.

$(cat "$figures")
MD
cat "$figures"
