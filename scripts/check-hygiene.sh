#!/usr/bin/env bash
# Repository hygiene (SPEC C11): the tree holds no debug pages, legacy or "_broken" copies, merge
# leftovers, editor backups or TODO dumps. Checks every file git tracks plus untracked files that
# are not ignored, so a stray file fails here before it is ever committed. Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Case-insensitive extended regexes over the path; a file matching any of them fails the check.
forbidden=(
  '_broken'                             # foo_broken.java, Page_broken.tsx
  '(^|/)[^/]*legacy[^/]*$'              # legacy copies: LegacyApp.java, app.legacy.js
  '(^|/)[^/]*legacy[^/]*/'              # ... or whole legacy folders
  '\.(orig|rej|bak|old|swp|swo|tmp)$'   # merge leftovers, backups, editor swap files
  '~$'                                  # editor backups
  '(^|/)debug[^/]*\.(html?|jsp|php)$'   # debug pages
  '(^|/)(todo|todos|fixme)[^/]*\.(txt|md|log|json)$'  # TODO dumps
  '(^|/)[^/]* (copy|\([0-9]+\))(\.[^/]*)?$'           # "file copy.ts", "file (2).java"
)

pattern=$(IFS='|'; echo "${forbidden[*]}")
offenders=$(git ls-files --cached --others --exclude-standard -z \
  | tr '\0' '\n' \
  | while IFS= read -r path; do [ -e "$path" ] && printf '%s\n' "$path"; done \
  | grep -Ei -- "$pattern" || true)

if [ -n "$offenders" ]; then
  echo "Repository hygiene: remove these files (debug pages, legacy, _broken, backups or TODO dumps):" >&2
  printf '%s\n' "$offenders" | sed 's/^/  /' >&2
  exit 1
fi
echo "Repository hygiene: OK"
