/**
 * `scan --cache [dir]`: parsed `.tf` files kept on disk by content, for repeated local runs. An entry
 * is keyed by sha256 of the parser version and the file's text, and holds the JSON form and the
 * positions (`BlockPos[]`) of that text, so a file whose text is unchanged is neither parsed nor
 * scanned for positions again.
 *
 * Layout: `<dir>/hcl/<first two hex digits>/<key>.json`, each file a header line
 * (`{"v":1,"key":...,"sum":<sha256 of the rest>}`) and the entry. An entry that cannot be read, does
 * not parse, has another key or checksum, or has the wrong shape is a miss: the file is parsed again
 * and the entry rewritten. Writes go to a temporary file renamed into place, so a reader never sees a
 * half-written entry. The cache is bounded per shard (SHARD_ENTRIES entries, SHARD_BYTES bytes; the
 * oldest written go first), which bounds it at about 12,000 entries and 256 MB; an entry larger
 * than ENTRY_BYTES is not kept. Nothing here fails a scan: a cache that cannot be written is skipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockPos } from './positions.js';

const FORMAT = 1;
export const SHARD_ENTRIES = 48;
export const SHARD_BYTES = 1 << 20;
export const ENTRY_BYTES = 512 << 10;

export interface CachedParse {
  body: Record<string, unknown>;
  blocks: BlockPos[];
}

let version: string | undefined;

/**
 * The parser's version: a hash of the code that decides an entry's content (this directory's parser,
 * converter and position scanner, as they run: sources or compiled) and of the WASM parser's package
 * version. Changing any of them starts a new set of keys; old entries age out.
 */
export function parserVersion(): string {
  if (version) return version;
  const h = createHash('sha256').update(`format ${FORMAT}\0`);
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('.cjs')) {
    h.update(readFileSync(self)); // the bundle (dist/cli/main.cjs) holds the parser: any change to it is a new version
  } else {
    const ext = self.endsWith('.ts') ? '.ts' : '.js';
    for (const name of ['native-syntax', 'native-json', 'positions', 'depth', 'parse']) {
      try {
        h.update(readFileSync(fileURLToPath(new URL(`./${name}${ext}`, import.meta.url))));
      } catch {
        h.update(`${name}: unreadable`);
      }
    }
  }
  try {
    const require = createRequire(import.meta.url);
    h.update(String((require('@cdktf/hcl2json/package.json') as { version?: string }).version));
  } catch {
    h.update('hcl2json: absent');
  }
  version = h.digest('hex').slice(0, 16);
  return version;
}

/**
 * Why `dir` cannot hold the cache (its error code, or message), or undefined when it can: the directory
 * is made if missing and probed with a real write (permission bits alone say nothing to root).
 */
export function cacheDirProblem(dir: string): string | undefined {
  const root = join(dir, 'hcl');
  const probe = join(root, `.probe.${process.pid}.tmp`);
  try {
    mkdirSync(root, { recursive: true });
    writeFileSync(probe, '');
    unlinkSync(probe);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String((e as Error).message ?? e).split('\n')[0];
  }
}

function isBlockPos(b: unknown): b is BlockPos {
  if (!b || typeof b !== 'object') return false;
  const x = b as Record<string, unknown>;
  return (
    typeof x.kind === 'string' &&
    Array.isArray(x.labels) &&
    x.labels.every((l) => typeof l === 'string') &&
    typeof x.line === 'number' &&
    !!x.attrs &&
    typeof x.attrs === 'object' &&
    Object.values(x.attrs).every((n) => typeof n === 'number') &&
    Array.isArray(x.directives) &&
    x.directives.every((d) => !!d && typeof d === 'object' && typeof (d as { policy?: unknown }).policy === 'string' && typeof (d as { line?: unknown }).line === 'number')
  );
}

export class ParseCache {
  private readonly root: string;
  private readonly pending = new Map<string, string>();
  hits = 0;
  misses = 0;
  /** Entries found but not usable (corrupt, another key, wrong shape): parsed again and rewritten. */
  rejected = 0;
  written = 0;

  constructor(dir: string) {
    this.root = join(dir, 'hcl');
  }

  key(text: string): string {
    return createHash('sha256').update(parserVersion()).update('\0').update(text).digest('hex');
  }

  private file(key: string): string {
    return join(this.root, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedParse | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.file(key), 'utf8');
    } catch {
      this.misses++;
      return undefined;
    }
    const entry = this.decode(key, raw);
    if (entry) this.hits++;
    else {
      this.misses++;
      this.rejected++;
    }
    return entry;
  }

  private decode(key: string, raw: string): CachedParse | undefined {
    try {
      const nl = raw.indexOf('\n');
      if (nl < 0) return undefined;
      const head = JSON.parse(raw.slice(0, nl)) as { v?: unknown; key?: unknown; sum?: unknown };
      const rest = raw.slice(nl + 1);
      if (head.v !== FORMAT || head.key !== key || head.sum !== createHash('sha256').update(rest).digest('hex')) return undefined;
      const entry = JSON.parse(rest) as Partial<CachedParse>;
      const body = entry.body;
      if (!body || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(entry.blocks) || !entry.blocks.every(isBlockPos)) return undefined;
      return { body, blocks: entry.blocks };
    } catch {
      return undefined;
    }
  }

  /** Keep a parse for `flush()` (entries too large to be worth a file are not kept). */
  put(key: string, value: CachedParse): void {
    const rest = JSON.stringify({ body: value.body, blocks: value.blocks });
    if (rest.length > ENTRY_BYTES) return;
    const head = JSON.stringify({ v: FORMAT, key, sum: createHash('sha256').update(rest).digest('hex') });
    this.pending.set(key, `${head}\n${rest}`);
  }

  /** Write the entries kept by `put`, then trim the shards written to. Never throws. */
  async flush(): Promise<void> {
    const byShard = new Map<string, Array<[string, string]>>();
    for (const [key, text] of this.pending) {
      const shard = key.slice(0, 2);
      const list = byShard.get(shard) ?? [];
      list.push([key, text]);
      byShard.set(shard, list);
    }
    this.pending.clear();
    await Promise.all(
      [...byShard].map(async ([shard, entries]) => {
        const dir = join(this.root, shard);
        try {
          await mkdir(dir, { recursive: true });
          for (const [key, text] of entries) {
            const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
            await writeFile(tmp, text);
            await rename(tmp, this.file(key));
            this.written++;
          }
          await this.trim(dir);
        } catch {
          // a cache that cannot be written is skipped; the scan does not depend on it
        }
      }),
    );
  }

  /** Remove the oldest entries of a shard beyond its bounds (and temporary files left by a killed run). */
  private async trim(dir: string): Promise<void> {
    const names = await readdir(dir);
    const files: Array<{ path: string; size: number; mtimeMs: number }> = [];
    for (const name of names) {
      const path = join(dir, name);
      try {
        const st = await stat(path);
        if (name.endsWith('.tmp')) {
          if (Date.now() - st.mtimeMs > 60 * 60 * 1000) await unlink(path);
          continue;
        }
        files.push({ path, size: st.size, mtimeMs: st.mtimeMs });
      } catch {
        // removed meanwhile by another run
      }
    }
    files.sort((a, b) => b.mtimeMs - a.mtimeMs);
    let bytes = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      bytes += f.size;
      if (i >= SHARD_ENTRIES || bytes > SHARD_BYTES) await unlink(f.path).catch(() => undefined);
    }
  }
}
