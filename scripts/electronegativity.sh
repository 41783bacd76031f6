#!/usr/bin/env bash
# Electronegativity on electron/, installed apart from the project (its bundled parser breaks
# against the project's hoisted TypeScript, and it is no dependency of the app). Fails on any
# HIGH or MEDIUM finding except those reviewed in a comment beside the code:
# - CSP_GLOBAL_CHECK: the CSP is set on every app:// response in electron/shell/protocol.ts,
#   which the check cannot see (it knows only webRequest callbacks and <meta> tags).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.10.3
REVIEWED='^(CSP_GLOBAL_CHECK),'
tool="${ELECTRONEGATIVITY_PREFIX:-$(mktemp -d)}"
if [ ! -x "$tool/node_modules/.bin/electronegativity" ]; then
  npm install --prefix "$tool" --no-audit --no-fund --silent "@doyensec/electronegativity@$VERSION" >/dev/null
fi
electron_version=$(node -p "require('electron/package.json').version")
findings="$tool/findings.csv"
"$tool/node_modules/.bin/electronegativity" -i electron -r -v false -e "$electron_version" -o "$findings" >/dev/null 2>&1
serious=$(grep -E '^[A-Z_]+,"(HIGH|MEDIUM)"' "$findings" | grep -Ev "$REVIEWED" || true)
reviewed=$(grep -E '^[A-Z_]+,"(HIGH|MEDIUM)"' "$findings" | grep -E "$REVIEWED" | cut -d, -f1 | tr '\n' ' ' || true)
if [ -n "$serious" ]; then
  echo "electronegativity: HIGH or MEDIUM findings not reviewed:" >&2
  echo "$serious" >&2
  exit 1
fi
echo "electronegativity $VERSION on electron/: no unreviewed HIGH or MEDIUM findings (reviewed: ${reviewed:-none})"
