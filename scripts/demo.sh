#!/usr/bin/env bash
# What the product does, on the bundled inputs: one scan of the clean reference stack (the mvp and
# production environments, and any bundled plan) and of examples/broken-stack (the usual first-version mistakes)
# with the full catalog. Every format lands in ./out (FERPA_READY_DEMO_OUT to change it), the HTML and
# PDF readiness report included; the script prints the text summary and where each file went.
#
# The broken stack is meant to fail, so the scan itself exits 1. The demo checks that every failing
# finding comes from examples/broken-stack (the reference stack passes) and then ends 0; a failing
# finding anywhere else, a broken stack that passes, or a scan error (2) ends the demo with 1 or 2.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${FERPA_READY_DEMO_OUT:-out}"
broken="examples/broken-stack"
if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then npm ci --no-audit --no-fund >&2; fi
node -e 'import("./bin/compiled.js").then((m) => process.exit(m.distIsCurrent() ? 0 : 1))' 2>/dev/null ||
  node scripts/build.mjs >&2 || echo "compiling failed: running the TypeScript sources instead" >&2
mkdir -p "$out"

inputs=()
# mvp and production: the stack judged against FERPA. The patriot environment is judged against FedRAMP
# with its own configuration (reference-stack/terraform/README.md), and fails FERPA's backup ceilings by design.
for d in reference-stack/terraform/environments/{mvp,production}/; do [ -d "$d" ] && inputs+=("${d%/}"); done
for p in reference-stack/terraform/plans/*.json; do [ -f "$p" ] && inputs+=("$p"); done
if [ ${#inputs[@]} -eq 0 ] || [ ! -d "$broken" ]; then echo "demo: the bundled inputs are missing (reference-stack/terraform/environments, $broken)" >&2; exit 2; fi
inputs+=("$broken")

formats=(--format text
  --format "json=$out/results.json"
  --format "sarif=$out/results.sarif"
  --format "junit=$out/junit.xml"
  --format "markdown=$out/pr-comment.md"
  --format "html=$out/report.html")
pdf_note=""
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  formats+=(--format "pdf=$out/report.pdf")
else
  pdf_note="report.pdf was skipped: the PDF is printed by headless Chromium, not found at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium, or set CHROMIUM_PATH)"
fi

node bin/ferpa-ready.js scan "${inputs[@]}" "${formats[@]}" "$@"
status=$?

echo
echo "Reports written:"
describe() { [ -f "$out/$1" ] && printf '  %-22s %s\n' "$out/$1" "$2"; }
describe report.html "FERPA readiness report by control: open it in a browser"
describe report.pdf "the same report to print or send: contents, page numbers, running header"
describe results.json "results document: every finding, passes included (input to 'ferpa-ready report')"
describe results.sarif "SARIF 2.1.0 for GitHub code scanning"
describe junit.xml "JUnit XML for CI test views"
describe pr-comment.md "the pull-request comment (Markdown)"
[ -n "$pdf_note" ] && echo "  $pdf_note"

if [ $status -ge 2 ] || [ ! -f "$out/results.json" ]; then
  echo "demo: the scan could not complete (exit $status)" >&2
  exit $(( status >= 2 ? status : 2 ))
fi
# The scan's exit 1 is expected: judge where the failing findings are.
FERPA_READY_DEMO_RESULTS="$out/results.json" FERPA_READY_DEMO_BROKEN="$broken" node -e '
  const r = JSON.parse(require("fs").readFileSync(process.env.FERPA_READY_DEMO_RESULTS, "utf8"));
  const broken = process.env.FERPA_READY_DEMO_BROKEN;
  const failing = r.findings.filter((f) => f.status === "fail");
  const elsewhere = failing.filter((f) => f.input !== broken);
  const controls = new Set(failing.flatMap((f) => f.controls));
  const s = r.summary;
  console.log(`\nScanned ${r.inputs.length} inputs: ${s.pass} pass, ${s.fail} fail, ${s.unknown} unknown, ${s.error} error, ${s.waived} waived.`);
  if (!failing.length) {
    console.error(`demo: ${broken} was expected to fail and did not`);
    process.exit(1);
  }
  if (elsewhere.length) {
    console.error(`demo: ${elsewhere.length} failing finding(s) outside ${broken}, e.g. ${elsewhere[0].policyId} on ${elsewhere[0].resource.address} (${elsewhere[0].input ?? "no input"})`);
    process.exit(1);
  }
  console.log(`As intended: the reference stack passes, and all ${failing.length} failing findings (${controls.size} FERPA controls) are the deliberate mistakes in ${broken}.`);
  console.log("The scan exits 1 on them, as it would in CI; the demo ends 0 because that failure is the expected one.");
' || exit 1
exit 0
