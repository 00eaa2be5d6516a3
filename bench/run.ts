// `npm run bench`: prints figures against the targets in the issues. Not a test: nothing here asserts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPlan } from './synthetic-plan.js';
import { reportBench } from './report-bench.js';
import { writeSyntheticTree } from './synthetic-tree.js';
import { runCli, type CliFigures } from './cli.js';
import { scaleBench } from './scale.js';

const only = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'frbench-'));

function child(script: string, args: string[]): Record<string, number> {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr.split('\n')[0]}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), wallMs: wall };
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function planBench(): Promise<void> {
  console.log('plan scan, the CLI as a user runs it (full catalog, JSON to a file; target: 10k resources < 3 s wall, < 1 GB peak; linear growth)');
  const rows: Array<[number, CliFigures]> = [];
  for (const n of [1_000, 10_000, 50_000]) {
    const file = join(dir, `plan-${n}.json`);
    writeFileSync(file, JSON.stringify(syntheticPlan(n)));
    const r = await runCli(['scan', file, '--format', `json=${join(dir, `plan-${n}.results.json`)}`]);
    rows.push([n, r]);
    console.log(`  ${String(n).padStart(6)} resources: wall ${secs(r.wallMs)}, CPU ${secs(r.cpuMs)}, peak RSS ${r.maxRssMb.toFixed(0)} MB, ${((r.wallMs * 1000) / n).toFixed(0)} µs/resource${r.compiled ? '' : ' (dist/ stale: ran the sources through tsx; npm run build)'}`);
  }
  const [a, b] = [rows[1]![1].wallMs, rows[2]![1].wallMs];
  console.log(`  growth 10k -> 50k: x${(b / a).toFixed(2)} wall for x5 resources (linear = x5)`);
}

async function hclBench(): Promise<void> {
  console.log('HCL scan, the CLI as a user runs it (full catalog, JSON to a file; target: 700 files / 50,000 lines / 70 modules < 10 s wall, < 1 GB peak; linear growth)');
  const rows: Array<[number, CliFigures]> = [];
  for (const scale of [0.5, 1, 2]) {
    const root = join(dir, `tree-${scale}`);
    const made = writeSyntheticTree(root, { files: Math.round(700 * scale), lines: Math.round(50_000 * scale), modules: Math.round(70 * scale) });
    const out = join(dir, `tree-${scale}.results.json`);
    const r = await runCli(['scan', root, '--format', `json=${out}`]);
    const results = JSON.parse(readFileSync(out, 'utf8')) as { findings: Array<{ resource: { address: string } }> };
    const resources = new Set(results.findings.map((f) => f.resource.address)).size;
    rows.push([made.lines, r]);
    console.log(`  ${String(made.files).padStart(4)} files, ${String(made.lines).padStart(6)} lines: wall ${secs(r.wallMs)}, CPU ${secs(r.cpuMs)} (2 parser threads), peak RSS ${r.maxRssMb.toFixed(0)} MB, ${resources} resources, ${results.findings.length} findings${r.compiled ? '' : ' (dist/ stale: ran the sources through tsx; npm run build)'}`);
  }
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    console.log(`  growth: x${(b[1].wallMs / a[1].wallMs).toFixed(2)} wall, x${(b[1].maxRssMb / a[1].maxRssMb).toFixed(2)} peak memory for x${(b[0] / a[0]).toFixed(2)} lines (linear = same factor; start-up and catalog loading are a fixed part)`);
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
  console.log(`  growth ${a.n} -> ${b.n}: x${(b.auditMs / a.auditMs).toFixed(2)} time, x${(b.calls / a.calls).toFixed(2)} calls for x${(b.resources / a.resources).toFixed(2)} resources`);
  console.log(`  per-resource calls (no batch API exists): ${Object.entries(b.perResource).map(([op, k]) => `${op} ${k}`).join(', ')}`);
  console.log('  (S3 bucket settings, KMS key metadata/rotation/policy/tags and log-group tags are read one resource at a time; list calls are paginated. --config-aggregator replaces them with one BatchGetAggregateResourceConfig per 100 resources.)');
}

const scaleSizes = process.argv.slice(3).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const benches: Record<string, () => void | Promise<void>> = {
  plan: planBench,
  scale: () => scaleBench(dir, scaleSizes.length ? scaleSizes : undefined),
  report: reportBench,
  hcl: hclBench,
  api: apiBench,
  live: liveBench,
};
for (const [name, fn] of Object.entries(benches)) if (!only || only === name) await fn();
