// `--anchor`: a head hash, or an earlier evidence bundle whose (verified) head is the anchor.
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { anchorFromHash, type Anchor } from '../store/anchor.js';
import { verifyBundle } from './verify.js';
import { NotAZip } from './zip.js';

/**
 * The head an earlier bundle was exported at. The bundle must verify (with the public key, when one is
 * given, its signature too): an anchor that is itself broken proves nothing.
 */
export async function anchorFromBundle(bytes: Uint8Array, file: string, publicKey?: KeyObject): Promise<Anchor> {
  let v;
  try {
    v = await verifyBundle(bytes, file, { publicKey });
  } catch (e) {
    if (e instanceof NotAZip) throw new InputError(`--anchor: ${e.message}`, file);
    throw e;
  }
  if (!v.ok) throw new InputError(`--anchor: the bundle does not verify, so it cannot serve as an anchor (${v.failingMember}: ${v.problems[0]!.message})`, file);
  if (!v.head) throw new InputError('--anchor: the bundle holds no runs', file);
  return { manifestSha256: v.head.manifestSha256, runs: v.head.seq, source: file };
}

/** Each `--anchor` value: a bundle (a name ending in .zip) or a head hash. */
export async function loadAnchors(values: string[], publicKey?: KeyObject): Promise<Anchor[]> {
  const out: Anchor[] = [];
  for (const v of values) {
    if (!v.toLowerCase().endsWith('.zip')) {
      out.push(anchorFromHash(v));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(v));
    } catch (e) {
      throw new InputError(`--anchor: cannot read the bundle (${(e as NodeJS.ErrnoException).code ?? 'error'})`, v);
    }
    out.push(await anchorFromBundle(bytes, v, publicKey));
  }
  return out;
}
