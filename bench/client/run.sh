#!/usr/bin/env bash
# The web client on a phone: what the login page downloads, and Lighthouse's mobile performance
# score (median of RUNS runs, cold cache) of the login, customers and public signing pages, against
# the local stack's real gateway, in a tenant of its own. Rewrites the "client" section of
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
RUNS=${RUNS:-3}
jar=infra/local-stack/target/local-stack.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
[ -d client/dist ] || { npm --prefix client ci --no-audit --no-fund --loglevel=error && npm --prefix client run build; }

out=$(mktemp)
RUNS=$RUNS LIGHTHOUSE_OUT=$out java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -jar "$jar" \
  --smoke --then "npm --prefix client run perf"

entry=$(grep -o 'src="/assets/index-[^"]*\.js"' client/dist/index.html | sed -E 's/src="\/(.*)"/\1/')
size() { stat -c %s "client/dist/$1" | awk '{printf "%.0f KB", $1/1024}'; }
row() {
  python3 -c '
import json, sys
runs = json.load(open(sys.argv[1]))[sys.argv[2]]
print(f"{sorted(runs)[len(runs)//2]} | {\" \".join(map(str, runs))}")' "$out" "$1"
}

write_section client "Web client: bytes and Lighthouse" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); Chromium $(chromium --version 2>/dev/null | awk '{print $2}'),
Lighthouse 12 defaults for mobile (simulated slow 4G, 4× CPU slowdown), cold HTTP cache, each page
in a tenant of its own with 25 customers. Command: \`bench/client/run.sh\` (RUNS=$RUNS).

The login page's entry script (\`$entry\`): $(size "$entry") plain, $(size "$entry.gz") gzip, $(size "$entry.br") brotli
(the whole app was one 642 KB script before route-based splitting and pre-compression).

| Page | Lighthouse performance, median | Runs | Target |
|---|---|---|---|
| /login | $(row login) | ≥ 95 |
| /customers (signed in) | $(row customers) | ≥ 95 |
| /sign/… (public signing page) | $(row signing) | ≥ 95 |
MD
rm -f "$out"
