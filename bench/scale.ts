// `npm run bench scale [N ...]`: the CLI on synthetic plans of 20,000 and 100,000 resources (or the sizes
// given), one run per output format, so each format's wall time, CPU time and peak memory show on their
// own (every run includes reading and judging the plan). Two shapes: a mix of ten kinds over nested
// modules, and S3 buckets only (about nine findings per bucket, thousands per policy). Target: every
// format for 20,000 resources in seconds; 100,000 resources end to end in every format.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, runNode, type CliFigures } from './cli.js';
import { againstFloor, figures, growthLine } from './figures.js';
import { syntheticBucketPlan, syntheticPlan } from './synthetic-plan.js';

const FORMATS = ['json', 'text', 'sarif', 'junit', 'markdown', 'gitlab-sast'] as const;
const EXT: Record<(typeof FORMATS)[number], string> = { json: 'json', text: 'txt', sarif: 'sarif', junit: 'xml', markdown: 'md', 'gitlab-sast': 'json' };
const SHAPES = [
  { name: 'mixed kinds', make: syntheticPlan },
  { name: 'S3 buckets', make: syntheticBucketPlan },
];
/** A run still going after this long is reported as such (a quadratic renderer would otherwise hold the bench for hours). */
const TIMEOUT_MS = 600_000;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export async function scaleBench(dir: string, sizes: number[] = [20_000, 100_000]): Promise<void> {
  console.log('scale: plan scan, one CLI run per output format (wall, CPU, peak RSS; each run also reads and judges the plan; floor: one node process reading the plan and JSON.parse-ing it)');
  const byFormat = new Map<string, Array<{ size: number; r: CliFigures }>>();
  for (const n of sizes) {
    for (const shape of SHAPES) {
      const plan = join(dir, `scale-${n}.json`);
      writeFileSync(plan, JSON.stringify(shape.make(n)));
      const floor = await runNode([join(import.meta.dirname, 'floor.mjs'), 'plan', plan]);
      console.log(`  ${n.toLocaleString('en-US')} resources, ${shape.name} (plan ${mb(statSync(plan).size)}; floor ${figures(floor)}):`);
      for (const format of FORMATS) {
        const out = join(dir, `scale-${n}.${format}.${EXT[format]}`);
        try {
          const r = await runCli(['scan', plan, '--format', `${format}=${out}`], { timeoutMs: TIMEOUT_MS });
          const stale = r.compiled ? '' : ' (dist/ stale: ran the sources through tsx; npm run build)';
          console.log(`    ${format.padEnd(11)} ${againstFloor(r, floor)} of the floor, output ${mb(statSync(out).size)}${stale}`);
          const key = `${shape.name}, ${format}`;
          byFormat.set(key, [...(byFormat.get(key) ?? []), { size: n, r }]);
        } catch (e) {
          console.log(`    ${format.padEnd(11)} FAILED: ${(e as Error).message}`);
        } finally {
          rmSync(out, { force: true });
        }
      }
      rmSync(plan, { force: true });
    }
  }
  if (sizes.length > 1) for (const [key, rows] of byFormat) console.log(`  ${key}: ${growthLine(rows)}`);
}
