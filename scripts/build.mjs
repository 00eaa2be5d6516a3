// Compiles the CLI's TypeScript (checks/, reports/) to JavaScript in dist/, file for file, so the
// installed tool starts without a TypeScript loader. Run by `npm ci`/`npm install` (prepare), by
// `npm pack` and by the test setup; bin/ferpa-ready.js falls back to the sources when dist/ is stale.
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { BUNDLE_DIR, distDir, ROOT, sourceFiles, sourcesHash } from '../bin/compiled.js';

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
// Node 20 imports a CommonJS package into ESM through the ESM loader, which also routes every require()
// inside it there: each file is scanned for its exports and compiled once more to detect its format
// (about twice the CPU of require() for the SDK's clients). So the bundle require()s these packages.
const REQUIRED_PACKAGES = /^(@aws-sdk|@smithy)\/|^commander$/;
const requireCommonJs = {
  name: 'require-commonjs',
  setup(b) {
    b.onResolve({ filter: REQUIRED_PACKAGES }, (a) => (a.namespace === 'required' ? { path: a.path, external: true } : { path: a.path, namespace: 'required' }));
    b.onResolve({ filter: /^required-by-node$/ }, (a) => ({ path: a.path, namespace: 'required-by-node' }));
    b.onLoad({ filter: /.*/, namespace: 'required' }, (a) => ({ contents: `module.exports = require('required-by-node').require(${JSON.stringify(a.path)});`, loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'required-by-node' }, () => ({ contents: "import { createRequire } from 'node:module';\nexport const require = createRequire(import.meta.url);\n", loader: 'js' }));
  },
};

// The CLI again as one bundle: its entry with what every command shares, and each lazily imported
// command or library as a chunk of its own (esbuild splits at dynamic imports), so a start loads a
// few dozen files instead of hundreds of modules; npm packages stay outside, loaded as they are.
// bin/ferpa-ready.js runs it; dist/checks/ stays for the build steps below and for importers.
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'checks/cli/main.ts' },
  outdir: join(next, BUNDLE_DIR),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  plugins: [requireCommonJs],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// builtAtMs is taken before compiling: a source saved during the build makes dist/ stale, not current.
// The validated core catalog, so the compiled CLI skips parsing and validating policies/ while it is
// unchanged (checks/engine/catalog-cache.ts). A policy that does not load is left for the CLI to report.
try {
  const catalog = await import(pathToFileURL(join(next, 'checks/pipeline/catalog.js')).href);
  const cache = await import(pathToFileURL(join(next, 'checks/engine/catalog-cache.js')).href);
  cache.writeCoreCache(join(next, 'catalog.json'), catalog.CORE_POLICY_DIR, catalog.loadCoreCatalog());
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
process.stderr.write(`[build] compiled ${files.length} files to dist/ in ${Date.now() - started} ms\n`);
