// Redaction commitments (docs/evidence.md): at write time every value of a run's results that the
// redaction rule would remove gets a random salt and a salted digest; the run manifest records one
// commitment over the results with those values replaced by their digests. A redacted copy plus the
// digests of what was removed gives the same commitment, and nothing else does; the salts stay in the
// store, so a digest in a bundle does not let anyone test guesses of the removed value.
import { createHash, randomBytes } from 'node:crypto';
import { REDACTED } from '../engine/redact.js';
import { isSecretKeyName, looksLikeSecretValue } from '../util/credentials.js';
import { canonicalJson } from '../util/canonical-json.js';
import { jsonSha256 } from './json-hash.js';

export const COMMITMENTS_FILE = 'commitments.json';
/** Tag of the commitment scheme, hashed into every commitment. */
export const COMMITMENT_SCHEME = 'ferpa-ready/results-commitment/1';
/** Tag of a redaction proof (a bundle's runs/<id>/redactions.json). */
export const PROOF_FORMAT = 'ferpa-ready/redaction-proof/1';
/** What stands in a committed document where a redactable value was. */
export const DIGEST_MARK = '$commitment';

/** The store's private record of one run: a salt (32 random bytes, hex) per redactable value. */
export interface Commitments {
  format: typeof COMMITMENT_SCHEME;
  /** JSON pointer (RFC 6901) of each redactable value -> its salt. */
  salts: Record<string, string>;
}

/** What a bundle carries with a redacted copy: digests of removed values, salts of kept redactable ones. */
export interface RedactionProof {
  format: typeof PROOF_FORMAT;
  run: string;
  /** Values removed from the copy (it holds `(redacted)` there): their salted digests. */
  removed: Array<{ pointer: string; digest: string }>;
  /** Redactable values kept in the copy (today's rule no longer removes them): their salts. */
  kept: Array<{ pointer: string; salt: string }>;
}

const HEX64 = /^[0-9a-f]{64}$/;

function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** An own property even for a key such as `__proto__` (plain assignment would set the prototype). */
function setOwn(o: object, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

function escapeToken(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

function parsePointer(p: string): string[] | null {
  if (p === '') return [];
  if (!p.startsWith('/')) return null;
  return p
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Pointers of the values the redaction rule (checks/engine/redact.ts `redact`) would replace, in
 * document order. Mirrors `redact` step by step without copying the document.
 */
export function redactablePointers(value: unknown): string[] {
  const out: string[] = [];
  // The path is kept as tokens and joined only for a hit: most documents have none.
  const path: string[] = [];
  const hit = (last: string) => out.push(`${path.map((t) => `/${escapeToken(t)}`).join('')}/${escapeToken(last)}`);
  const hitHere = () => out.push(path.map((t) => `/${escapeToken(t)}`).join(''));
  const walk = (v: unknown, keyHint: string | undefined): void => {
    if (typeof v === 'string') {
      if (v === REDACTED) return;
      if (looksLikeSecretValue(v) || (keyHint && v.length > 0 && isSecretKeyName(keyHint))) hitHere();
      return;
    }
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(String(i));
        walk(v[i], keyHint);
        path.pop();
      }
      return;
    }
    const o = v as Record<string, unknown>;
    const pair = typeof o.name === 'string' && 'value' in o && isSecretKeyName(o.name);
    for (const k of Object.keys(o)) {
      if (pair && k === 'value') {
        if (o[k] !== REDACTED) hit(k);
        continue;
      }
      path.push(k);
      walk(o[k], k);
      path.pop();
    }
  };
  walk(value, undefined);
  return out;
}

/** The value at a pointer; `found: false` when the path does not exist. */
export function valueAt(doc: unknown, pointer: string): { found: boolean; value?: unknown } {
  const tokens = parsePointer(pointer);
  if (!tokens) return { found: false };
  let cur: unknown = doc;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(t) || Number(t) >= cur.length) return { found: false };
      cur = cur[Number(t)];
    } else if (cur && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, t)) {
      cur = (cur as Record<string, unknown>)[t];
    } else return { found: false };
  }
  return { found: true, value: cur };
}

/** A copy of `doc` with the values at these pointers replaced; only the containers on their paths are copied. */
export function withReplacements(doc: unknown, replacements: Map<string, unknown>): unknown {
  let root = doc;
  const copied = new Set<unknown>();
  const copy = (v: unknown): unknown => {
    const c = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
    copied.add(c);
    return c;
  };
  for (const [pointer, replacement] of replacements) {
    const tokens = parsePointer(pointer);
    if (!tokens) throw new Error(`not a JSON pointer: ${pointer}`);
    if (!tokens.length) {
      root = replacement;
      continue;
    }
    if (!copied.has(root)) root = copy(root);
    let parent = root as Record<string, unknown>;
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      const child = parent[t];
      if (!child || typeof child !== 'object') throw new Error(`no value at ${pointer}`);
      const c = copied.has(child) ? child : copy(child);
      setOwn(parent, t, c);
      parent = c as Record<string, unknown>;
    }
    setOwn(parent, tokens[tokens.length - 1]!, replacement);
  }
  return root;
}

/** The salted digest of one redactable value at its place. */
export function leafDigest(salt: string, pointer: string, value: unknown): string {
  return sha256Hex(`ferpa-ready/leaf/1\n${salt}\n${pointer}\n${canonicalJson(value)}`);
}

/**
 * The commitment over a document whose redactable values are already replaced by digest marks: its
 * JSON as `JSON.stringify` writes it (members in the order the stored results have them, which a
 * redacted copy keeps), so it costs one serialisation, not a canonicalisation of every object.
 */
function rootOf(masked: unknown, pointers: string[]): string {
  return jsonSha256({ scheme: COMMITMENT_SCHEME, pointers: [...pointers].sort(), doc: masked });
}

/** Fresh salts for the redactable values of a results document. */
export function newCommitments(results: unknown): Commitments {
  const salts: Record<string, string> = {};
  for (const p of redactablePointers(results)) salts[p] = randomBytes(32).toString('hex');
  return { format: COMMITMENT_SCHEME, salts };
}

/** The commitment of the original results under these salts (what a run manifest records). */
export function commitmentOf(results: unknown, c: Commitments): string {
  const marks = new Map<string, unknown>();
  for (const [p, salt] of Object.entries(c.salts)) {
    const at = valueAt(results, p);
    if (!at.found) throw new Error(`commitments name ${p}, which the results do not hold`);
    marks.set(p, { [DIGEST_MARK]: leafDigest(salt, p, at.value) });
  }
  return rootOf(withReplacements(results, marks), Object.keys(c.salts));
}

export function commitmentsBytes(c: Commitments): Uint8Array {
  return Buffer.from(`${canonicalJson(c)}\n`, 'utf8');
}

/** Parse a commitments.json; a reason string when it is not one. */
export function parseCommitments(bytes: Uint8Array): Commitments | string {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return `${COMMITMENTS_FILE} is not JSON`;
  }
  const r = c as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || r.format !== COMMITMENT_SCHEME || !r.salts || typeof r.salts !== 'object' || Array.isArray(r.salts)) return `${COMMITMENTS_FILE} is not {format: "${COMMITMENT_SCHEME}", salts}`;
  for (const [p, s] of Object.entries(r.salts as Record<string, unknown>)) {
    if (!parsePointer(p) || typeof s !== 'string' || !HEX64.test(s)) return `${COMMITMENTS_FILE}: ${p} is not a pointer with a 32-byte hex salt`;
  }
  return r as unknown as Commitments;
}

export type RedactionPlan =
  | { ok: true; copy: unknown; proof: RedactionProof }
  /** A value the rule removes today has no commitment (the run predates them, or the rule changed). */
  | { ok: false; uncommitted: string[] };

/** The redacted copy of a run's results and its proof: today's rule decides what goes. */
export function redactWithProof(run: string, results: unknown, c: Commitments | null): RedactionPlan {
  const remove = redactablePointers(results);
  const salts = c?.salts ?? {};
  const uncommitted = remove.filter((p) => !(p in salts));
  if (uncommitted.length) return { ok: false, uncommitted };
  const removing = new Set(remove);
  const proof: RedactionProof = { format: PROOF_FORMAT, run, removed: [], kept: [] };
  const replace = new Map<string, unknown>();
  for (const p of Object.keys(salts).sort()) {
    if (removing.has(p)) {
      proof.removed.push({ pointer: p, digest: leafDigest(salts[p]!, p, valueAt(results, p).value) });
      replace.set(p, REDACTED);
    } else proof.kept.push({ pointer: p, salt: salts[p]! });
  }
  return { ok: true, copy: withReplacements(results, replace), proof };
}

/** Parse a redaction proof; a reason string when it is not one. */
export function parseProof(bytes: Uint8Array): RedactionProof | string {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return 'not JSON';
  }
  const r = v as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || r.format !== PROOF_FORMAT || typeof r.run !== 'string' || !Array.isArray(r.removed) || !Array.isArray(r.kept)) return `not {format: "${PROOF_FORMAT}", run, removed, kept}`;
  for (const e of r.removed as Array<Record<string, unknown>>) if (!e || typeof e.pointer !== 'string' || typeof e.digest !== 'string' || !HEX64.test(e.digest)) return 'removed: an entry is not {pointer, digest}';
  for (const e of r.kept as Array<Record<string, unknown>>) if (!e || typeof e.pointer !== 'string' || typeof e.salt !== 'string' || !HEX64.test(e.salt)) return 'kept: an entry is not {pointer, salt}';
  return r as unknown as RedactionProof;
}

/**
 * The commitment a redacted copy and its proof give: each removed value must read `(redacted)` in the
 * copy and is replaced by its digest, each kept one is digested with its salt. Equal to the run's
 * recorded commitment only when the copy is the original with exactly those values removed.
 */
export function commitmentOfRedacted(copy: unknown, proof: RedactionProof): { commitment: string } | { error: string } {
  const marks = new Map<string, unknown>();
  for (const { pointer, digest } of proof.removed) {
    if (marks.has(pointer) || !parsePointer(pointer)) return { error: `the proof names ${pointer} twice or it is not a pointer` };
    const at = valueAt(copy, pointer);
    if (!at.found || at.value !== REDACTED) return { error: `the proof says ${pointer} was removed, but the copy does not hold "${REDACTED}" there` };
    marks.set(pointer, { [DIGEST_MARK]: digest });
  }
  for (const { pointer, salt } of proof.kept) {
    if (marks.has(pointer) || !parsePointer(pointer)) return { error: `the proof names ${pointer} twice or it is not a pointer` };
    const at = valueAt(copy, pointer);
    if (!at.found) return { error: `the proof names ${pointer}, which the copy does not hold` };
    marks.set(pointer, { [DIGEST_MARK]: leafDigest(salt, pointer, at.value) });
  }
  try {
    return { commitment: rootOf(withReplacements(copy, marks), [...marks.keys()]) };
  } catch (e) {
    return { error: `the proof's pointers do not fit the copy (${(e as Error).message})` };
  }
}
