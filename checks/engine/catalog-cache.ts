import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../util/package-root.js';
import type { Framework } from './frameworks.js';
import type { Policy } from './policy.js';
import type { DataStoreEntry } from './data-stores.js';

/** The core catalog as validated from policies/: the framework and the core policies (controls not yet attached). */
export interface CoreCatalog {
  framework: Framework;
  /** Every framework of policies/frameworks (FERPA included); absent in caches written before there were several. */
  frameworks?: Framework[];
  policies: Policy[];
  dataStores: DataStoreEntry[];
}

/** Written by the build (scripts/build.mjs) beside the compiled code. */
export const CORE_CACHE_FILE = packagePath('dist/catalog.json');

/**
 * Only the compiled build reads the cache: its own code validated it at build time, whereas the
 * TypeScript sources may have changed since (and then dist/ is not run at all, see bin/compiled.js).
 */
const COMPILED = fileURLToPath(import.meta.url).startsWith(packagePath('dist') + sep);

/** Hash of every file under the policy folder (paths and contents): policies, framework, profile, schemas. */
export function policiesHash(dir: string): string {
  const h = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => !f.includes(`${sep}node_modules${sep}`))
    .sort();
  for (const f of files) {
    let data: Buffer;
    try {
      data = readFileSync(f);
    } catch {
      continue; // a folder
    }
    h.update(`${relative(dir, f).split(sep).join('/')}\0`).update(data).update('\0');
  }
  return h.digest('hex');
}

/** Read once per process: `--version` and the catalog loader both ask. */
const readByDir = new Map<string, CoreCatalog | undefined>();

/** The cached core catalog when this is the compiled build and policies/ is byte for byte what was validated. */
export function readCoreCache(dir: string): CoreCatalog | undefined {
  if (!COMPILED || !existsSync(CORE_CACHE_FILE)) return undefined;
  if (readByDir.has(dir)) return readByDir.get(dir);
  let core: CoreCatalog | undefined;
  try {
    const cached = JSON.parse(readFileSync(CORE_CACHE_FILE, 'utf8')) as { policiesSha256: string; core: CoreCatalog };
    core = cached.policiesSha256 === policiesHash(dir) ? cached.core : undefined;
  } catch {
    core = undefined;
  }
  readByDir.set(dir, core);
  return core;
}

export function writeCoreCache(file: string, dir: string, core: CoreCatalog): void {
  writeFileSync(file, JSON.stringify({ policiesSha256: policiesHash(dir), core }));
}
