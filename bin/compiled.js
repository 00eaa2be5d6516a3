// Where the compiled JavaScript lives (dist/, built by scripts/build.mjs) and whether it is current.
// The CLI runs dist/ only when it was built from exactly the current sources, and the sources through
// tsx otherwise, so an edited checkout never runs stale code.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders compiled into dist/, same layout. */
export const SOURCE_DIRS = ['checks', 'reports'];

/** The bundled CLI inside dist/ (main.cjs and its V8 code cache, bin/bundled.js), built beside the file-for-file copy. */
export const BUNDLE_DIR = 'cli';

export const distDir = (root = ROOT) => join(root, 'dist');
export const stampFile = (root = ROOT) => join(root, 'dist', 'build.json');

/** TypeScript sources of the CLI (tests excluded) in a fixed order, with their modification times. */
export function sourceFiles(root = ROOT) {
  const out = [];
  for (const dir of SOURCE_DIRS) {
    if (existsSync(join(root, dir))) walk(join(root, dir), out);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

// Run at every start: paths are joined by hand (path.join's normalising cost more than the stats).
function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}${sep}${e.name}`;
    if (e.isDirectory()) walk(file, out);
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push({ file, mtimeMs: statSync(file).mtimeMs });
  }
}

/** Hash of the sources' paths (relative to the root) and contents. */
export function sourcesHash(files, root = ROOT) {
  // node:crypto only here: the quick path of every start does not load it
  const h = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  for (const f of files) h.update(`${relative(root, f.file).split('\\').join('/')}\0`).update(readFileSync(f.file)).update('\0');
  return h.digest('hex');
}

/**
 * True when dist/ holds a build of exactly the current sources. Quick path: the same number of files,
 * none modified after the build. Otherwise (an installed package gets new modification times, so does
 * a file saved and reverted) the sources' content hash decides.
 */
export function distIsCurrent(root = ROOT) {
  if (!existsSync(stampFile(root))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile(root), 'utf8'));
    const files = sourceFiles(root);
    if (files.length !== stamp.sources) return false;
    if (files.every((f) => f.mtimeMs <= stamp.builtAtMs)) return true;
    return sourcesHash(files, root) === stamp.sourcesSha256;
  } catch {
    return false;
  }
}
