// Zip writing and reading for evidence bundles (fflate, pure JavaScript). Writing is deterministic:
// entries sorted by name, one fixed modification time (the run's clock), fixed compression level,
// so the same members and the same clock give the same bytes.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipMember {
  name: string;
  data: Uint8Array;
}

/** The earliest time a zip (DOS) timestamp can hold. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/**
 * fflate writes the DOS timestamp from the local-time fields of a Date; give it a Date whose local
 * fields are the clock's UTC fields, so the bytes do not depend on the machine's time zone.
 */
function dosTime(clock: Date): Date {
  const t = Math.max(clock.getTime(), DOS_EPOCH);
  const u = new Date(t);
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}

/** A zip of these members, sorted by name, every entry stamped with `clock` (UTC). */
export function writeZip(members: ZipMember[], clock: Date): Uint8Array {
  const names = new Set<string>();
  for (const m of members) {
    if (names.has(m.name)) throw new Error(`zip: duplicate member ${m.name}`);
    names.add(m.name);
  }
  const mtime = dosTime(clock);
  const sorted = [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tree: Zippable = {};
  for (const m of sorted) tree[m.name] = [m.data, { level: 6, mtime, os: 3, attrs: 0o100644 << 16 }];
  return zipSync(tree, { level: 6, mtime });
}

export interface ReadZip {
  /** Members in the order of the central directory (a name given twice keeps its last copy). */
  members: ZipMember[];
  /** Names that occur more than once. */
  duplicates: string[];
  /** Members whose data cannot be decompressed, with the reason. */
  unreadable: Array<{ name: string; reason: string }>;
}

/** Largest total size of the members a bundle may unpack to (a guard against zip bombs). */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;

export class NotAZip extends Error {}

/**
 * Read every member of a zip. Throws NotAZip when the bytes are not a zip at all; a member that
 * cannot be decompressed is reported in `unreadable`, not thrown.
 */
export function readZip(bytes: Uint8Array): ReadZip {
  const seen = new Map<string, number>();
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
        total += f.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw new NotAZip(`not a zip file (${(e as Error).message})`);
  }
  if (seen.size === 0 && !isEmptyZip(bytes)) throw new NotAZip('not a zip file (no central directory entries)');
  if (total > MAX_UNPACKED_BYTES) throw new NotAZip(`the zip would unpack to ${total} bytes, more than the ${MAX_UNPACKED_BYTES} allowed`);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([name]) => name).sort();
  const unreadable: ReadZip['unreadable'] = [];
  let data: Record<string, Uint8Array> = {};
  try {
    data = unzipSync(bytes);
  } catch {
    // Find the member(s) that fail, one at a time.
    for (const name of seen.keys()) {
      try {
        Object.assign(data, unzipSync(bytes, { filter: (f) => f.name === name }));
      } catch (e) {
        unreadable.push({ name, reason: (e as Error).message });
      }
    }
  }
  const members = [...seen.keys()].filter((n) => data[n] !== undefined).map((name) => ({ name, data: data[name]! }));
  return { members, duplicates, unreadable };
}

/** An empty zip is only an end-of-central-directory record. */
function isEmptyZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x05 && bytes[3] === 0x06;
}
