// Where the compiled JavaScript lives (dist/, built by scripts/build.mjs) and whether it is current.
// The CLI runs dist/ only when it was built from exactly the current sources, and the sources through
// tsx otherwise, so an edited checkout never runs stale code.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders compiled into dist/, same layout. */
export const SOURCE_DIRS = ['checks', 'reports'];

/** The bundled CLI inside dist/ (entry main.js and its chunks), built beside the file-for-file copy. */
export const BUNDLE_DIR = 'cli';

export const distDir = (root = ROOT) => join(root, 'dist');
export const stampFile = (root = ROOT) => join(root, 'dist', 'build.json');

/** TypeScript sources of the CLI (tests excluded) in a fixed order, with their modification times. */
export function sourceFiles(root = ROOT) {
  const out = [];
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(join(root, dir))) continue;
    for (const e of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.endsWith('.d.ts')) continue;
      const file = join(e.parentPath ?? e.path, e.name);
      out.push({ file, mtimeMs: statSync(file).mtimeMs });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Hash of the sources' paths (relative to the root) and contents. */
export function sourcesHash(files, root = ROOT) {
  const h = createHash('sha256');
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
