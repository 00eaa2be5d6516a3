import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../util/package-root.js';
import type { Framework } from './frameworks.js';
import type { Policy } from './policy.js';
import type { DataStoreEntry } from './data-stores.js';
import type { Profile } from './types.js';

/** The core catalog as validated from policies/: the framework and the core policies (controls not yet attached). */
export interface CoreCatalog {
  framework: Framework;
  /** Every framework of policies/frameworks (FERPA included); absent in caches written before there were several. */
  frameworks?: Framework[];
  policies: Policy[];
  dataStores: DataStoreEntry[];
  /** policies/profile.default.yaml as read (absent in caches written before it was kept). */
  defaultProfile?: Profile;
}

/** Written by the build (scripts/build.mjs) beside the compiled code. */
export const CORE_CACHE_FILE = packagePath('dist/catalog.json');

/**
 * Only the compiled build reads the cache: its own code validated it at build time, whereas the
 * TypeScript sources may have changed since (and then dist/ is not run at all, see bin/compiled.js).
 */
const COMPILED = fileURLToPath(import.meta.url).startsWith(packagePath('dist') + sep);

/** Every file under the policy folder (relative paths, `/`-separated, sorted), with its status-change time. */
function policyFiles(dir: string): Array<{ path: string; file: string; ctimeMs: number }> {
  const out: Array<{ path: string; file: string; ctimeMs: number }> = [];
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, f);
    if (file.includes(`${sep}node_modules${sep}`)) continue;
    const st = statSync(file, { throwIfNoEntry: false });
    if (st?.isFile()) out.push({ path: relative(dir, file).split(sep).join('/'), file, ctimeMs: st.ctimeMs });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Hash of every file under the policy folder (paths and contents): policies, framework, profile, schemas. */
export function policiesHash(dir: string, files = policyFiles(dir)): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\0`).update(readFileSync(f.file)).update('\0');
  return h.digest('hex');
}

interface CacheFile {
  policiesSha256: string;
  /** When the hash was taken, and of which files: the quick path of every start (see isCurrent). */
  hashedAtMs?: number;
  files?: string[];
  core: CoreCatalog;
}

/**
 * Quick path: the same files, none changed since the hash was taken. The status-change time moves on
 * every write, rename or copy and cannot be set back, unlike the modification time. Otherwise (an
 * installed package, a checkout) the content hash decides.
 */
export function cacheIsCurrent(cached: Pick<CacheFile, 'policiesSha256' | 'hashedAtMs' | 'files'>, dir: string): boolean {
  const files = policyFiles(dir);
  const quick = cached.hashedAtMs !== undefined && cached.files?.length === files.length && files.every((f, i) => f.path === cached.files![i] && f.ctimeMs < cached.hashedAtMs!);
  return quick || cached.policiesSha256 === policiesHash(dir, files);
}

/** Read once per process: `--version` and the catalog loader both ask. */
const readByDir = new Map<string, CoreCatalog | undefined>();

/** The cached core catalog when this is the compiled build and policies/ is byte for byte what was validated. */
export function readCoreCache(dir: string): CoreCatalog | undefined {
  if (!COMPILED || !existsSync(CORE_CACHE_FILE)) return undefined;
  if (readByDir.has(dir)) return readByDir.get(dir);
  let core: CoreCatalog | undefined;
  try {
    const cached = JSON.parse(readFileSync(CORE_CACHE_FILE, 'utf8')) as CacheFile;
    core = cacheIsCurrent(cached, dir) ? cached.core : undefined;
  } catch {
    core = undefined;
  }
  readByDir.set(dir, core);
  return core;
}

const CLOCK_MARGIN_MS = 50;

/** Writes the cache of what `load` validated; nothing when policies/ changed while it loaded. */
export function writeCoreCache(file: string, dir: string, load: () => CoreCatalog): boolean {
  // Taken before reading, less a margin: file times come from the kernel's coarse clock, which can lag
  // Date.now() by a tick, so a policy saved from here on is always newer than the cache.
  const hashedAtMs = Date.now() - CLOCK_MARGIN_MS;
  const files = policyFiles(dir);
  const policiesSha256 = policiesHash(dir, files);
  const core = load();
  if (policiesHash(dir) !== policiesSha256) return false;
  const entry: CacheFile = { policiesSha256, hashedAtMs, files: files.map((f) => f.path), core };
  writeFileSync(file, JSON.stringify(entry));
  return true;
}
