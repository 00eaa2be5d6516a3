// Compiles the CLI's TypeScript (checks/, reports/) to JavaScript in dist/, file for file, so the
// installed tool starts without a TypeScript loader. Run by `npm ci`/`npm install` (prepare), by
// `npm pack` and by the test setup; bin/ferpa-ready.js falls back to the sources when dist/ is stale.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { BUNDLE_DIR, distDir, ROOT, sourceFiles, sourcesHash } from '../bin/compiled.js';
import { bundleFile, codeCacheFile } from '../bin/bundled.js';
import { bundleCli } from './bundle-cli.mjs';

const DIST = distDir();

const started = Date.now();
const files = sourceFiles();
// hashed before compiling: a source saved during the build then fails the check instead of passing it
const sourcesSha256 = sourcesHash(files);
// compiled beside dist/ and swapped in at the end, so a CLI starting meanwhile sees the old build or the new one
const next = `${DIST}.next-${process.pid}`;
rmSync(next, { recursive: true, force: true });
mkdirSync(next, { recursive: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: files.map((f) => relative(ROOT, f.file)),
  outdir: next,
  outbase: ROOT,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The CLI as one file, the one bin/ferpa-ready.js runs; dist/checks/ stays for the steps below and for importers.
await bundleCli(ROOT, join(next, BUNDLE_DIR));
// builtAtMs is taken before compiling: a source saved during the build makes dist/ stale, not current.
// The validated core catalog, so the compiled CLI skips parsing and validating policies/ while it is
// unchanged (checks/engine/catalog-cache.ts). A policy that does not load is left for the CLI to report.
try {
  const catalog = await import(pathToFileURL(join(next, 'checks/pipeline/catalog.js')).href);
  const cache = await import(pathToFileURL(join(next, 'checks/engine/catalog-cache.js')).href);
  if (!cache.writeCoreCache(join(next, 'catalog.json'), catalog.CORE_POLICY_DIR, () => catalog.loadCoreCatalog())) process.stderr.write('[build] policy catalog not cached: policies/ changed while it was read\n');
} catch (e) {
  process.stderr.write(`[build] policy catalog not cached: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
}
// Validator code for the self-contained schemas a scan reads (checks/util/schemas.ts PREBUILT_SCHEMAS).
try {
  const schemas = await import(pathToFileURL(join(next, 'checks/util/schemas.js')).href);
  schemas.writePrebuiltValidators(join(next, 'schemas'));
} catch (e) {
  process.stderr.write(`[build] schema validators not prebuilt: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
}
writeFileSync(join(next, 'build.json'), `${JSON.stringify({ builtAtMs: started, sources: files.length, sourcesSha256 }, null, 2)}\n`);
const old = `${DIST}.old-${process.pid}`;
if (existsSync(DIST)) renameSync(DIST, old);
renameSync(next, DIST);
rmSync(old, { recursive: true, force: true });
// V8's code cache of the bundle, taken after a one-file scan so the functions a start runs are in it
// (bin/bundled.js). Without it the CLI compiles the bundle as it loads: slower, never wrong.
const warm = mkdtempSync(join(tmpdir(), 'fr-warm-'));
try {
  writeFileSync(join(warm, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "records"\n}\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ferpa-ready.js'), 'scan', join(warm, 'main.tf'), '--format', `json=${join(warm, 'out.json')}`], {
    env: { ...process.env, FERPA_READY_WRITE_CODE_CACHE: '1', FERPA_READY_FROM_SOURCE: '' },
    encoding: 'utf8',
  });
  if (!existsSync(codeCacheFile(bundleFile()))) process.stderr.write(`[build] no code cache for the bundle: ${(r.stderr || `exit ${r.status}`).split('\n')[0]}\n`);
} finally {
  rmSync(warm, { recursive: true, force: true });
}
process.stderr.write(`[build] compiled ${files.length} files to dist/ in ${Date.now() - started} ms\n`);
