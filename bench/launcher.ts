// What the launcher (bin/ferpa-ready.js) itself costs at every start: the check that dist/ is current,
// and whether V8 takes the bundle's code cache (bin/bundled.js) on this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BIN = join(import.meta.dirname, '../bin');
const url = (file: string): string => JSON.stringify(pathToFileURL(join(BIN, file)).href);

/** Milliseconds of the check in a fresh process (its first, cold call), the median of `runs`. */
export function currencyCheckMs(runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const code = `const { distIsCurrent } = await import(${url('compiled.js')}); const t = performance.now(); distIsCurrent(); console.log(performance.now() - t);`;
    xs.push(Number(spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).stdout.trim()));
  }
  return xs.sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
}

/** `one file of 1.4 MB, code cache 0.8 MB taken by V8`, or why there is none. */
export function bundleState(): string {
  const bundle = join(BIN, '../dist/cli/main.cjs');
  if (!existsSync(bundle)) return 'no bundle in dist/ (npm run build)';
  const cache = `${bundle}.v8cache`;
  const mb = (f: string): string => `${(statSync(f).size / 1e6).toFixed(1)} MB`;
  if (!existsSync(cache)) return `one file of ${mb(bundle)}, no code cache`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `console.log((await import(${url('bundled.js')})).loadBundle().codeCacheRejected)`], { encoding: 'utf8' });
  const taken = r.stdout.trim() === 'false';
  return `one file of ${mb(bundle)}, code cache ${mb(cache)} ${taken ? 'taken by V8' : 'REJECTED by V8 (built by another Node?)'}`;
}
