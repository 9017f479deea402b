#!/usr/bin/env bash
# Runs every benchmark under bench/ and rewrites the figures in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/*/run.sh; do
  [ -e "$b" ] || continue
  echo "== $b"
  "$b"
done
