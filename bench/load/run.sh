#!/usr/bin/env bash
# Sustained load (issue 11): 200 concurrent connections (virtual users) mixing reads and writes of
# one tenant through the real gateway for 5 minutes, with zero errors; throughput and p99. Runs
# LoadBenchmark in infra/system-tests: every service jar and the gateway as processes on the test
# kit's PostgreSQL and in-process Kafka, and wrk (Debian) with bench/load/mix.lua as the load.
# Knobs: -Dbench.connections=200 -Dbench.seconds=300 -Dbench.customers=2000 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || true
fi
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
modules=platform/test-kit,gateway,crm-service,tasks-service,billing-service,timeline-service,notification-service,telephony-service
# BENCH_NO_BUILD=1 runs the jars as they are (e.g. while a module is being edited)
[ "${BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -DskipTests install -pl "$modules" -am
rm -f infra/system-tests/target/load-bench.md
# The figures are written before the zero-error assertion, so a failed run is still reported.
status=0
MAVEN_ARGS="-Dsystemtests.pool=10 -Dsystemtests.optimised=true ${MAVEN_ARGS:-}" \
  run_benchmark infra/system-tests LoadBenchmark || status=$?
figures=infra/system-tests/target/load-bench.md
[ -s "$figures" ] || { echo "Load benchmark wrote no figures" >&2; exit 1; }

write_section load "Sustained load: 200 users through the gateway" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); every service jar and the gateway (own JVMs, full JIT,
384 MB heaps, 10 database connections each) on the test kit's in-process Kafka, and wrk on the same
machine. Command: \`bench/load/run.sh\`. One tenant with 2,000 imported customers; each
of the 200 connections sends its next request as soon as the last one is answered: 40 % customer
list pages (sorted by name, pages 1–40), 15 % customer searches (Hebrew surnames, phone
prefixes), 10 % this week's tasks, 10 % a customer's timeline, 15 % new customers, 10 % new tasks.
An error is any 4xx/5xx answer, socket error or a request unanswered within 10 s.

$(cat "$figures")
MD
cat "$figures"
exit $status
