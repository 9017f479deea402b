# Sourced by bench/*/run.sh. Run from the repository root.

# "2 cores, 23 GiB, openjdk version 17.0.15 2025-04-15, PostgreSQL on 127.0.0.1:5432, load average
# 0.42 when the section was written" (tail figures on two cores move with whatever else runs).
machine() {
  local pg
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then pg="PostgreSQL on 127.0.0.1:5432"; else pg="embedded PostgreSQL"; fi
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1 | tr -d '"'), $pg, load average $(cut -d' ' -f1 /proc/loadavg) when the section was written"
}

# write_section NAME "TITLE" < text: replaces that section of docs/benchmarks.md.
write_section() {
  python3 -c '
import re, sys
name, title = sys.argv[1], sys.argv[2]
section = f"<!-- {name}:begin -->\n{sys.stdin.read().strip()}\n<!-- {name}:end -->"
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
pattern = re.compile(rf"<!-- {re.escape(name)}:begin -->.*?<!-- {re.escape(name)}:end -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text)
else:
    text = text.rstrip("\n") + f"\n\n## {title}\n\n{section}\n"
open(path, "w", encoding="utf-8").write(text)
' "$1" "$2"
}

# A benchmark JUnit class of MODULE (outside the *IT/*Test patterns, so `verify` never runs it).
run_benchmark() {
  local module=$1 class=$2
  ./mvnw -B -q -o -Dspotless.skip -Denforcer.skip -pl "$module" verify \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$class" ${MAVEN_ARGS:-}
}
