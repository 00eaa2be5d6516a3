#!/usr/bin/env bash
# The main job on the bundled inputs: scan the reference stack (Terraform source of both environments
# and its plan) with the full catalog, write every report format to ./out, and print the text summary.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then npm ci --no-audit --no-fund >&2; fi
node scripts/build.mjs >&2 || echo "compiling failed: running the TypeScript sources instead" >&2
mkdir -p out
inputs=()
for d in reference-stack/terraform/environments/*/; do [ -d "$d" ] && inputs+=("$d"); done
for p in reference-stack/terraform/plans/*.json; do [ -f "$p" ] && inputs+=("$p"); done
if [ ${#inputs[@]} -eq 0 ]; then echo "no bundled inputs found under reference-stack/terraform" >&2; exit 2; fi
node bin/ferpa-ready.js scan "${inputs[@]}" \
  --format text \
  --format json=out/results.json \
  --format sarif=out/results.sarif \
  --format junit=out/junit.xml \
  --format markdown=out/pr-comment.md "$@"
status=$?
echo "reports written to out/ (results.json, results.sarif, junit.xml, pr-comment.md)" >&2
exit $status
