#!/usr/bin/env bash
# Due alerts (issue 4): 1,000 tasks due at the same instant, 200 STOMP sockets (one per user),
# distribution of (task:due arrival on the socket − dueAt). Runs TaskDueBenchmark (a JUnit class
# outside the *IT/*Test patterns, so `verify` and `make test` never run it) in notification-service
# against the test kit's real PostgreSQL and in-process Kafka, with the real tasks-service jar as a
# second process. Rewrites the "due-alerts" section of docs/benchmarks.md.
# Knobs: -Dbench.tasks=1000 -Dbench.sockets=200 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -DskipTests install -pl tasks-service
./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -pl notification-service verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TaskDueBenchmark ${MAVEN_ARGS:-}
figures=notification-service/target/task-due-bench.md
[ -s "$figures" ] || { echo "due-alerts benchmark wrote no figures" >&2; exit 1; }

section=$(cat <<MD
<!-- due-alerts:begin -->
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1 | tr -d '"'): tasks-service (its jar, own JVM) and notification-service (the benchmark's JVM, with the 200 STOMP clients) on the test kit's in-process Kafka (3 partitions) and PostgreSQL $( (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo "on 127.0.0.1:5432" || echo "embedded"), all on the same machine; no gateway in the path. Command: \`bench/tasks/run.sh\`.
All 1,000 tasks are created over HTTP with the same \`dueAt\` (a whole second ~25 s ahead), five per
user; the figure is the client's arrival time of \`task:due\` on its socket minus \`dueAt\`: due
scheduler wake-up and claim (FOR UPDATE SKIP LOCKED, 200 per transaction), outbox relay to Kafka,
notification-service's per-instance consumer, STOMP user destination, WebSocket.

$(cat "$figures")
<!-- due-alerts:end -->
MD
)
python3 - "$section" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
section = sys.argv[1]
if "<!-- due-alerts:begin -->" in text:
    text = re.sub(r"<!-- due-alerts:begin -->.*?<!-- due-alerts:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n## Due alerts: task:due delivery time\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
cat "$figures"
