#!/usr/bin/env bash
# `make run` start-up: time from launching the local stack until every service is healthy and
# registered, and the total resident memory of the stack at that moment. Median of RUNS runs.
# Rewrites the "startup" section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
RUNS=${RUNS:-3}
jar=infra/local-stack/target/local-stack.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install

ready=(); rss=()
for i in $(seq "$RUNS"); do
  line=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -jar "$jar" --measure | grep '^measure:' | tail -1)
  echo "run $i: $line"
  ready+=("$(sed -E 's/.*ready_seconds=([0-9.]+).*/\1/' <<<"$line")")
  rss+=("$(sed -E 's/.*rss_mb=([0-9.]+).*/\1/' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_ready=$(median "${ready[@]}"); m_rss=$(median "${rss[@]}")

write_section startup "Start-up: make run to ready" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine). Command: \`bench/startup/run.sh\` (RUNS=$RUNS).

| Figure | Median of $RUNS | Runs | Target |
|---|---|---|---|
| Time to ready (launch → every service healthy and registered) | ${m_ready} s | ${ready[*]} | < 90 s |
| Total RSS of the stack at ready (local-stack JVM + 8 children) | ${m_rss} MB | ${rss[*]} | < 3,072 MB |
MD
echo "startup: ready ${m_ready}s, rss ${m_rss}MB"
