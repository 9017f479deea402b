#!/usr/bin/env bash
# CRM list (issue 3): a page of 25 customers, sorted, with and without q, over 100,000 customers of
# one tenant, directly from crm-service and through the real gateway; p50/p99 and the ratio, plus
# throughput at 8 connections measured by wrk. Runs CustomerListBenchmark in crm-service against
# the test kit's PostgreSQL and in-process Kafka, with the gateway jar as a second process.
# Knobs: -Dbench.customers=100000 -Dbench.requests=1000 -Dbench.warmUp=300 via MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || true
fi
./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -DskipTests install -pl gateway -am
run_benchmark crm-service CustomerListBenchmark
figures=crm-service/target/crm-bench.md
[ -s "$figures" ] || { echo "CRM benchmark wrote no figures" >&2; exit 1; }

write_section crm "CRM: customer list, direct and through the gateway" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine), in-process Kafka; crm-service in the benchmark's JVM,
the gateway (its jar, own JVM, full JIT) routing to it without Eureka; all on the same machine.
Command: \`bench/crm/run.sh\`. 100,000 customers of one tenant (Hebrew names, bulk-loaded, then
\`vacuum analyze\`); one client, requests alternating direct / gateway, 300 warm-up pairs then
1,000 measured pairs per row; each is the full HTTP round trip of \`GET /api/crm/customers\` with
its JSON page and \`total\`.

$(cat "$figures")
MD
cat "$figures"
