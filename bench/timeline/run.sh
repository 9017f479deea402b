#!/usr/bin/env bash
# Timeline (issue 7): event → API visibility lag p50/p99 under steady load, first-page latency for
# a customer with 10,000 events, and replay speed. Runs TimelineBenchmark (a JUnit class outside
# the *IT/*Test patterns, so `verify` never runs it) against the test kit's real PostgreSQL and
# in-process Kafka, then rewrites the "timeline" section of docs/benchmarks.md.
# Knobs: -Dbench.lagEvents=400 -Dbench.lagRate=20 -Dbench.bigCustomerEvents=10000 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -pl timeline-service verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TimelineBenchmark ${MAVEN_ARGS:-}
figures=timeline-service/target/timeline-bench.md
[ -s "$figures" ] || { echo "timeline benchmark wrote no figures" >&2; exit 1; }

section=$(cat <<MD
<!-- timeline:begin -->
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1 | tr -d '"'), one timeline-service JVM with the test kit's in-process Kafka (3 partitions per topic) and PostgreSQL $( (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo "on 127.0.0.1:5432" || echo "embedded"), all on the same machine. Command: \`bench/timeline/run.sh\`.
Lag runs from Kafka's acknowledgement of the produce (the moment an outbox relay marks the event
published; the relay's own wake-up after commit is not included) until the timeline API returns
the event; the poller asks every ~1 ms plus the request's own time, one event in flight. Page latency is the client's
full HTTP round trip for the default page (100 items, JSON). Replay reads every record of the six
topics (including the other two figures' events) and commits 500 per transaction.

$(cat "$figures")
<!-- timeline:end -->
MD
)
python3 - "$section" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
section = sys.argv[1]
if "<!-- timeline:begin -->" in text:
    text = re.sub(r"<!-- timeline:begin -->.*?<!-- timeline:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n## Timeline: visibility lag, first page, replay\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
cat "$figures"
