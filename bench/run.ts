// `npm run bench`: prints figures against the targets in the issues. Not a test: nothing here asserts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPlan } from './synthetic-plan.js';
import { reportBench } from './report-bench.js';
import { writeSyntheticTree } from './synthetic-tree.js';
import { runCli, runNode, type CliFigures } from './cli.js';
import { againstFloor, figures, growthLine, median, mid, perDoubling, RUNS, secs, stale } from './figures.js';
import { scaleBench } from './scale.js';
import { firstCallMs } from './first-call.js';
import { writeCatalogCopy } from './doubled-catalog.js';
import { bundleState, currencyCheckMs } from './launcher.js';
// @ts-expect-error plain JavaScript module of the launcher
import { sourceFiles } from '../bin/compiled.js';

const only = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'frbench-'));

function child(script: string, args: string[]): Record<string, number> {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr.split('\n')[0]}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), wallMs: wall };
}

const FLOOR = join(import.meta.dirname, 'floor.mjs');
const ROOT = join(import.meta.dirname, '..');
const mb = (file: string): string => `${(statSync(file).size / 1e6).toFixed(1)} MB`;

/** Growth per doubling between consecutive rows. */
function growth(rows: Array<{ size: number; r: CliFigures }>): void {
  for (let i = 1; i < rows.length; i++) console.log(`  ${growthLine([rows[i - 1]!, rows[i]!])}`);
}

async function startupBench(): Promise<void> {
  console.log(`start-up (median of ${RUNS}; floors: node alone, and the CLI printing its version; target: a one-file scan < 0.25 s wall)`);
  const node = await median(() => runNode(['-e', '0']));
  console.log(`  node -e 0:               ${figures(node)}`);
  const version = await median(() => runCli(['--version']));
  console.log(`  ferpa-ready --version:   ${againstFloor(version, node)} of node alone${stale(version)}`);
  console.log(`  launcher, dist/ current? ${currencyCheckMs(RUNS).toFixed(1)} ms at every start (bin/compiled.js: ${sourceFiles().length} sources listed and their times read)`);
  console.log(`  the CLI it runs:         ${bundleState()}`);
  const empty = join(dir, 'startup-empty');
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, 'main.tf'), '');
  const one = join(dir, 'startup-one');
  mkdirSync(one, { recursive: true });
  writeFileSync(join(one, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "records"\n  tags   = { DataClassification = "student-data" }\n}\n');
  const emptyRun = await median(() => runCli(['scan', join(empty, 'main.tf'), '--format', `json=${join(dir, 'startup-empty.json')}`]));
  console.log(`  scan of an empty .tf:    ${againstFloor(emptyRun, version)} of --version`);
  const oneRun = await median(() => runCli(['scan', join(one, 'main.tf'), '--format', `json=${join(dir, 'startup-one.json')}`]));
  console.log(`  scan of one small .tf:   ${againstFloor(oneRun, version)} of --version, x${(oneRun.wallMs / emptyRun.wallMs).toFixed(2)} wall of the empty scan`);
  console.log(`  scan of one small .tf:   wall x${(oneRun.wallMs / node.wallMs).toFixed(1)}, CPU x${(oneRun.cpuMs / node.cpuMs).toFixed(1)} of node alone`);
  const times = async (args: (endpoint: string) => string[]): Promise<number> => {
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) xs.push(await firstCallMs(args));
    return mid(xs);
  };
  const fetchFloor = await times((endpoint) => ['-e', 'fetch(process.argv[1]).catch(() => {})', endpoint]);
  const audit = await times((endpoint) => [join(ROOT, 'bin/ferpa-ready.js'), 'audit', '--endpoint-url', endpoint, '--regions', 'us-east-1', '--quiet']);
  console.log(`  audit, first API call:   after ${(audit / 1000).toFixed(2)} s (x${(audit / fetchFloor).toFixed(1)} of node's own first request, ${(fetchFloor / 1000).toFixed(2)} s; target < 0.5 s)`);
}

/**
 * What the results contract costs before any modelling or judging: the floor (node starting, the input read and
 * parsed) plus the CLI's own results written again as the store requires them (indented JSON). Beside a target, what
 * is left is the budget for loading the catalog, modelling, linking, judging every finding and coverage.
 */
function contractLine(floor: CliFigures, results: string, cli: CliFigures, targetMs: number): void {
  const runs = Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, [FLOOR, 'write', results], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`floor.mjs write failed: ${r.stderr.split('\n')[0]}`);
    return JSON.parse(r.stdout) as { writeMs: number; findings: number };
  });
  const writeMs = mid(runs.map((x) => x.writeMs));
  const contract = floor.wallMs + writeMs;
  console.log(
    `    the output contract alone: ${secs(contract)} (the floor, then its ${runs[0]!.findings.toLocaleString('en-US')} findings written as indented JSON in ${writeMs.toFixed(0)} ms); the CLI spends ${secs(cli.wallMs - contract)} beyond it, the ${secs(targetMs)} target leaves ${secs(targetMs - contract)}`,
  );
}

async function planBench(): Promise<void> {
  console.log(`plan scan, the CLI as a user runs it (full catalog, JSON to a file; median of ${RUNS}; floor: one node process reading the plan and JSON.parse-ing it; target: 10k resources < 1 s wall, 50k < 4 s, < 1 GB peak; linear growth)`);
  const rows: Array<{ size: number; r: CliFigures }> = [];
  let doubled: { file: string; single: CliFigures; floor: CliFigures } | undefined;
  for (const n of [1_000, 10_000, 50_000]) {
    const file = join(dir, `plan-${n}.json`);
    writeFileSync(file, JSON.stringify(syntheticPlan(n)));
    const floor = await median(() => runNode([FLOOR, 'plan', file]));
    const r = await median(() => runCli(['scan', file, '--format', `json=${join(dir, `plan-${n}.results.json`)}`]));
    rows.push({ size: n, r });
    console.log(`  ${n.toLocaleString('en-US').padStart(6)} resources (${mb(file)}): ${againstFloor(r, floor)} of the floor; floor ${figures(floor)}; ${((r.wallMs * 1000) / n).toFixed(0)} µs/resource${stale(r)}`);
    if (n === 10_000) {
      doubled = { file, single: r, floor };
      contractLine(floor, join(dir, `plan-${n}.results.json`), r, 1000);
    }
  }
  growth(rows);
  if (!doubled) return;
  // The same plan with every policy loaded twice (the copies under other ids): what one more catalog costs.
  const copies = join(dir, 'catalog-copy');
  const policies = writeCatalogCopy(copies);
  const twice = await median(() => runCli(['scan', doubled!.file, '--policies', copies, '--format', `json=${join(dir, 'plan-doubled.results.json')}`]));
  const { single, floor } = doubled;
  console.log(`  10,000 resources, the catalog doubled (${policies} policies): ${againstFloor(twice, floor)} of the floor${stale(twice)}`);
  const above = (x: CliFigures, key: 'wallMs' | 'cpuMs'): number => x[key] - floor[key];
  console.log(
    `  growth per doubling of the catalog: wall x${(twice.wallMs / single.wallMs).toFixed(2)}, CPU x${(twice.cpuMs / single.cpuMs).toFixed(2)}, peak RSS x${(twice.maxRssMb / single.maxRssMb).toFixed(2)}; above the floor: wall x${(above(twice, 'wallMs') / above(single, 'wallMs')).toFixed(2)}, CPU x${(above(twice, 'cpuMs') / above(single, 'cpuMs')).toFixed(2)} (linear x2.00; reading and modelling the plan are a fixed part)`,
  );
}

async function hclBench(): Promise<void> {
  console.log(`HCL scan, the CLI as a user runs it (full catalog, JSON to a file; median of ${RUNS}; floor: one node process reading the same .tf files and parsing them with the CLI's parser, nothing else; target: 700 files < 3 s wall, reference stack < 0.8 s, < 1 GB peak; linear growth)`);
  const rows: Array<{ size: number; r: CliFigures }> = [];
  for (const scale of [0.5, 1, 2]) {
    const root = join(dir, `tree-${scale}`);
    const made = writeSyntheticTree(root, { files: Math.round(700 * scale), lines: Math.round(50_000 * scale), modules: Math.round(70 * scale) });
    const out = join(dir, `tree-${scale}.results.json`);
    const floor = await median(() => runNode([FLOOR, 'hcl', root]));
    const r = await median(() => runCli(['scan', root, '--format', `json=${out}`]));
    const results = JSON.parse(readFileSync(out, 'utf8')) as { findings: Array<{ resource: { address: string } }> };
    const resources = new Set(results.findings.map((f) => f.resource.address)).size;
    rows.push({ size: made.lines, r });
    console.log(`  ${String(made.files).padStart(4)} files, ${String(made.lines).padStart(6)} lines: ${againstFloor(r, floor)} of the floor; floor ${figures(floor)}; ${resources} resources, ${results.findings.length} findings${stale(r)}`);
    if (scale === 1) {
      contractLine(floor, out, r, 3000);
      const cache = join(dir, 'hcl-cache');
      await runCli(['scan', root, '--format', `json=${out}`, `--cache=${cache}`]);
      const warm = await median(() => runCli(['scan', root, '--format', `json=${out}`, `--cache=${cache}`]));
      console.log(`    the same, repeated with --cache (parses read from the cache): ${againstFloor(warm, floor)} of the floor`);
      const wasm = await median(() => runNode([FLOOR, 'hcl-wasm', root]), 1);
      console.log(`    parser choice: read + TypeScript parser (WASM where it defers) ${figures(floor)}; read + WASM parser alone (@cdktf/hcl2json, one thread) ${figures(wasm)}`);
    }
  }
  growth(rows);
  for (const env of ['production', 'mvp', 'patriot']) {
    const ref = join(ROOT, 'reference-stack/terraform/environments', env);
    const refFloor = await median(() => runNode([FLOOR, 'hcl', ref, join(ROOT, 'reference-stack/terraform/modules')]));
    const refRun = await median(() => runCli(['scan', ref, '--format', `json=${join(dir, `reference-${env}.results.json`)}`]));
    console.log(`  reference stack (environments/${env} and its local modules): ${againstFloor(refRun, refFloor)} of the floor; floor ${figures(refFloor)}${stale(refRun)}`);
  }
}

function apiBench(): void {
  console.log('reference API (200 concurrent clients, 60 s, loopback, real PostgreSQL; no audit record may be lost)');
  const r = child('api.ts', []);
  console.log(`  ${r.requests} requests in ${r.seconds!.toFixed(1)} s (${r.rps!.toFixed(0)} req/s), ${r.failed} failed; latency p50 ${r.p50Ms!.toFixed(1)} ms, p99 ${r.p99Ms!.toFixed(1)} ms`);
  console.log(`  audit rows ${r.auditRows} for ${r.studentRecordOk} successful student-record requests: ${r.lostAudit === 0 ? 'none lost' : `${r.lostAudit} LOST`}`);
}

function liveBench(): void {
  console.log('live audit against moto (1,000 resources over 3 regions, a mix of kinds; growth at 250/500/1,000)');
  const r = child('live.ts', []) as unknown as { rows: Array<{ n: number; resources: number; auditMs: number; calls: number; failedCalls: number; callsPerResource: number; perResource: Record<string, number> }> };
  for (const x of r.rows) {
    console.log(`  ${String(x.n).padStart(5)} seeded (${x.resources} read): audit ${(x.auditMs / 1000).toFixed(2)} s, ${x.calls} API calls (${x.callsPerResource.toFixed(2)} per resource, ${x.failedCalls} failed)`);
  }
  const [a, b] = [r.rows[0]!, r.rows.at(-1)!];
  console.log(`  growth ${a.n} -> ${b.n}: x${(b.auditMs / a.auditMs).toFixed(2)} time, x${(b.calls / a.calls).toFixed(2)} calls for x${(b.resources / a.resources).toFixed(2)} resources; per doubling: time x${perDoubling(a.auditMs, b.auditMs, a.resources, b.resources).toFixed(2)}, calls x${perDoubling(a.calls, b.calls, a.resources, b.resources).toFixed(2)} (linear x2.00)`);
  console.log(`  per-resource calls (no batch API exists): ${Object.entries(b.perResource).map(([op, k]) => `${op} ${k}`).join(', ')}`);
  console.log('  (S3 bucket settings, KMS key metadata/rotation/policy/tags and log-group tags are read one resource at a time; list calls are paginated. --config-aggregator replaces them with one BatchGetAggregateResourceConfig per 100 resources.)');
}

const scaleSizes = process.argv.slice(3).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const benches: Record<string, () => void | Promise<void>> = {
  startup: startupBench,
  plan: planBench,
  scale: () => scaleBench(dir, scaleSizes.length ? scaleSizes : undefined),
  report: reportBench,
  hcl: hclBench,
  api: apiBench,
  live: liveBench,
};
for (const [name, fn] of Object.entries(benches)) if (!only || only === name) await fn();
