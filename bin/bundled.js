// Runs the bundled CLI (dist/cli/main.cjs, scripts/bundle-cli.mjs) from V8's code cache beside it, so
// a start neither parses nor compiles the functions the build's warm-up run compiled. A cache written
// by another Node or V8 version is rejected by V8 and the bundle compiles as usual: slower, never wrong.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { BUNDLE_DIR, distDir, ROOT } from './compiled.js';

export const bundleFile = (root = ROOT) => join(distDir(root), BUNDLE_DIR, 'main.cjs');
export const codeCacheFile = (bundle) => `${bundle}.v8cache`;

/** The bundle's exports, and `saveCodeCache()` to write the cache of what has been compiled by then. */
export function loadBundle(file = bundleFile()) {
  let cachedData;
  try {
    // V8 checks a cache against the source's length only: one older than the bundle is not used
    if (statSync(codeCacheFile(file)).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(codeCacheFile(file));
  } catch {
    cachedData = undefined; // no cache: compile
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    cli: module.exports,
    codeCacheRejected: Boolean(cachedData && script.cachedDataRejected),
    saveCodeCache() {
      const tmp = `${codeCacheFile(file)}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, codeCacheFile(file));
    },
  };
}
