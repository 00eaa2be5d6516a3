import { createHash } from 'node:crypto';
import { countByStatus, STATUS_ORDER } from '../engine/order.js';
import type { Results } from '../engine/types.js';
import { InputError } from '../errors.js';
import { canonicalJson } from '../util/canonical-json.js';
import { COMMITMENTS_FILE, commitmentOf, commitmentsBytes, newCommitments, parseCommitments, type Commitments } from './commitments.js';
import { jsonChunks } from '../util/json-chunks.js';
import { parseJsonBytes } from '../util/json-parse-large.js';
import {
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_V1,
  StoreConflict,
  type ObjectHistory,
  type HeadPointer,
  type Manifest,
  type RunEntry,
  type RunListing,
  type RunStore,
  type StoreBackend,
  type StoredRun,
} from './types.js';

export const RESULTS_FILE = 'results.json';
export const MANIFEST_FILE = 'manifest.json';
export const HEAD_KEY = 'HEAD';
/** Write-once head records, one per run: `heads/000003.json`. */
export const HEADS_DIR = 'heads';
export const HEAD_RECORD = /^(\d{6,})\.json$/;

export function headRecordKey(seq: number): string {
  return `${HEADS_DIR}/${String(seq).padStart(6, '0')}.json`;
}

export function headBytes(h: HeadPointer): Uint8Array {
  return Buffer.from(`${canonicalJson({ id: h.id, seq: h.seq, manifestSha256: h.manifestSha256 })}\n`, 'utf8');
}

function parseHead(bytes: Uint8Array, what: string): HeadPointer | string {
  try {
    const h = JSON.parse(Buffer.from(bytes).toString('utf8')) as HeadPointer;
    if (typeof h?.id !== 'string' || typeof h.manifestSha256 !== 'string' || !Number.isInteger(h.seq)) return `${what} is not {id, seq, manifestSha256}`;
    return h;
  } catch {
    return `${what} is not JSON`;
  }
}

/** Run folder names: `000001-20261122T000000Z-1a2b3c4d`. */
export const RUN_NAME = /^(\d{6,})-(\d{8}T\d{6}Z)-([0-9a-f]{8})$/;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash a manifest records of itself: canonical JSON of every member but `manifestSha256`. */
export function manifestHash(m: Omit<Manifest, 'manifestSha256'> & { manifestSha256?: string }): string {
  const { manifestSha256: _drop, ...rest } = m;
  return sha256Hex(canonicalJson(rest));
}

/** The exact bytes a manifest is stored as. */
export function manifestBytes(m: Manifest): Uint8Array {
  return Buffer.from(`${canonicalJson(m)}\n`, 'utf8');
}

/**
 * The exact bytes results are stored as (hashed as written): `JSON.stringify(results, null, 2)` and a
 * newline, made in pieces because the text of a large run is longer than one string can be.
 */
export function resultsBytes(results: Results): Uint8Array {
  const parts: Buffer[] = [];
  for (const piece of jsonChunks(results, { indent: 2 })) parts.push(Buffer.from(piece, 'utf8'));
  parts.push(Buffer.from('\n', 'utf8'));
  return Buffer.concat(parts);
}

function compactTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new InputError(`results: generatedAt is not a date-time "${iso}"`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function runName(seq: number, time: string, resultsSha256: string): string {
  return `${String(seq).padStart(6, '0')}-${compactTime(time)}-${resultsSha256.slice(0, 8)}`;
}

function summaryOf(results: Results): Manifest['summary'] {
  return countByStatus(results.findings);
}

const SHA = /^[0-9a-f]{64}$/;

/** Parse and shape-check a manifest; returns a reason string when it is not one. */
export function parseManifest(bytes: Uint8Array): Manifest | string {
  let m: unknown;
  try {
    m = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    return `manifest.json is not JSON (${(e as Error).message})`;
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return 'manifest.json is not an object';
  const r = m as Record<string, unknown>;
  if (r.format !== MANIFEST_FORMAT && r.format !== MANIFEST_FORMAT_V1) return `manifest.json: format is not "${MANIFEST_FORMAT}" (or "${MANIFEST_FORMAT_V1}")`;
  if (r.format === MANIFEST_FORMAT && (typeof r.resultsCommitment !== 'string' || !SHA.test(r.resultsCommitment))) return 'manifest.json: resultsCommitment is not a SHA-256';
  if (!Number.isInteger(r.seq) || (r.seq as number) < 1) return 'manifest.json: seq is not a positive whole number';
  if (typeof r.id !== 'string' || !RUN_NAME.test(r.id)) return 'manifest.json: id is not a run id';
  if (typeof r.time !== 'string') return 'manifest.json: time is missing';
  if (typeof r.resultsSha256 !== 'string' || !SHA.test(r.resultsSha256)) return 'manifest.json: resultsSha256 is not a SHA-256';
  if (typeof r.manifestSha256 !== 'string' || !SHA.test(r.manifestSha256)) return 'manifest.json: manifestSha256 is not a SHA-256';
  if (!Array.isArray(r.inputs)) return 'manifest.json: inputs is not a list';
  const s = r.summary as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object' || !STATUS_ORDER.every((k) => Number.isInteger(s[k]))) return 'manifest.json: summary is not counts by status';
  const p = r.previous as Record<string, unknown> | null | undefined;
  if (p !== null && (!p || typeof p !== 'object' || typeof p.id !== 'string' || typeof p.manifestSha256 !== 'string')) return 'manifest.json: previous is neither null nor {id, manifestSha256}';
  if (!r.tool || typeof r.tool !== 'object') return 'manifest.json: tool is missing';
  return m as Manifest;
}

function toStored(m: Manifest): StoredRun {
  return { id: m.id, seq: m.seq, time: m.time, manifestSha256: m.manifestSha256, resultsSha256: m.resultsSha256, inputs: m.inputs, summary: m.summary };
}

/** Test hook: FERPA_READY_TEST_CRASH_AFTER=results|manifest kills the process at that point of a write. */
function crashPoint(after: 'results' | 'manifest'): void {
  if (process.env.FERPA_READY_TEST_CRASH_AFTER === after) process.kill(process.pid, 'SIGKILL');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/**
 * A run store over a backend. Write order: results.json, manifest.json, then HEAD; each write is
 * atomic, so a crash leaves at worst a run folder without a manifest, which readers ignore.
 */
export class Store implements RunStore {
  /** Appends through one Store object run one at a time (two writers in one process never fork the chain). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly backend: StoreBackend) {}

  get location(): string {
    return this.backend.location;
  }

  async list(): Promise<RunListing> {
    const names = (await this.backend.listFolders()).filter((n) => RUN_NAME.test(n));
    const entries = await Promise.all(names.map((n) => this.entry(n)));
    const seqOf = (n: string) => Number(RUN_NAME.exec(n)![1]);
    const order = (a: RunEntry, b: RunEntry) => seqOf(a.name) - seqOf(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    entries.sort(order);
    const listing: RunListing = { runs: [], incomplete: [], corrupt: [] };
    for (const e of entries) {
      if (e.state === 'complete') listing.runs.push(e);
      else if (e.state === 'incomplete') listing.incomplete.push(e);
      else listing.corrupt.push(e);
    }
    // Complete runs in the order of their own (hashed) seq, so a renamed folder cannot reorder the chain.
    listing.runs.sort((a, b) => a.manifest.seq - b.manifest.seq || (a.name < b.name ? -1 : 1));
    return listing;
  }

  private async entry(name: string): Promise<RunEntry> {
    const bytes = await this.backend.read(`${name}/${MANIFEST_FILE}`);
    if (!bytes) return { state: 'incomplete', name, files: await this.backend.listFiles(name) };
    const m = parseManifest(bytes);
    if (typeof m === 'string') return { state: 'corrupt', name, reason: m, manifestBytes: bytes };
    return { state: 'complete', name, manifest: m, manifestBytes: bytes };
  }

  async readHead(): Promise<{ head: HeadPointer | null; error?: string }> {
    const bytes = await this.backend.read(HEAD_KEY);
    if (!bytes) return { head: null };
    const h = parseHead(bytes, 'HEAD');
    return typeof h === 'string' ? { head: null, error: h } : { head: h };
  }

  async readHeadRecords(): Promise<Array<{ name: string; record: HeadPointer } | { name: string; error: string }>> {
    const names = (await this.backend.listFiles(HEADS_DIR)).filter((n) => HEAD_RECORD.test(n));
    return Promise.all(
      names.map(async (name) => {
        const bytes = await this.backend.read(`${HEADS_DIR}/${name}`);
        if (!bytes) return { name, error: `${HEADS_DIR}/${name} cannot be read` };
        const h = parseHead(bytes, `${HEADS_DIR}/${name}`);
        return typeof h === 'string' ? { name, error: h } : { name, record: h };
      }),
    );
  }

  async readCommitmentsBytes(id: string): Promise<Uint8Array | null> {
    return this.backend.read(`${id}/${COMMITMENTS_FILE}`);
  }

  exists(): Promise<boolean> {
    return this.backend.exists();
  }

  async objectHistory(): Promise<ObjectHistory | null> {
    return this.backend.objectHistory ? this.backend.objectHistory() : null;
  }

  append(results: Results): Promise<StoredRun> {
    const next = this.queue.then(() => this.appendNow(results));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow(results: Results): Promise<StoredRun> {
    const { runs } = await this.list();
    const last = runs[runs.length - 1];
    if (last) await this.backfillHeadRecord(last.manifest);
    const body = resultsBytes(results);
    const resultsSha256 = sha256Hex(body);
    // Committed as read back from the stored bytes, so a verifier recomputes the very same thing.
    const stored: unknown = JSON.parse(Buffer.from(body).toString('utf8'));
    const seq = (last?.manifest.seq ?? 0) + 1;
    const id = runName(seq, results.generatedAt, resultsSha256);
    await this.createOrResume(`${id}/${RESULTS_FILE}`, body);
    crashPoint('results');
    const commitments = await this.createCommitments(`${id}/${COMMITMENTS_FILE}`, newCommitments(stored));
    const draft: Omit<Manifest, 'manifestSha256'> = {
      format: MANIFEST_FORMAT,
      seq,
      id,
      time: results.generatedAt,
      tool: { version: results.tool.version, ...(results.tool.catalogVersion ? { catalogVersion: results.tool.catalogVersion } : {}) },
      inputs: results.inputs.map((i) => ({ kind: i.kind, path: i.path, sha256: i.sha256 })),
      resultsSha256,
      resultsCommitment: commitmentOf(stored, commitments),
      summary: summaryOf(results),
      previous: last ? { id: last.manifest.id, manifestSha256: manifestHash(last.manifest) } : null,
    };
    const manifest: Manifest = { ...draft, manifestSha256: manifestHash(draft) };

    await this.backend.create(`${id}/${MANIFEST_FILE}`, manifestBytes(manifest));
    crashPoint('manifest');
    const head: HeadPointer = { id, seq, manifestSha256: manifest.manifestSha256 };
    try {
      await this.backend.create(headRecordKey(seq), headBytes(head));
    } catch (e) {
      // Another writer took this sequence number at the same moment: verify reports the fork.
      if (!(e instanceof StoreConflict)) throw e;
    }
    await this.backend.replace(HEAD_KEY, headBytes(head));
    return toStored(manifest);
  }

  /** A write that stopped between its manifest and its head record: record that run now. */
  private async backfillHeadRecord(m: Manifest): Promise<void> {
    if (m.format !== MANIFEST_FORMAT) return;
    const key = headRecordKey(m.seq);
    if (await this.backend.read(key)) return;
    try {
      await this.backend.create(key, headBytes({ id: m.id, seq: m.seq, manifestSha256: manifestHash(m) }));
    } catch (e) {
      if (!(e instanceof StoreConflict)) throw e;
    }
  }

  /**
   * Write a run's commitments once. A crashed write of the same run may have left them: reuse those
   * salts when they cover the same values (the results bytes were already found identical).
   */
  private async createCommitments(key: string, fresh: Commitments): Promise<Commitments> {
    try {
      await this.backend.create(key, commitmentsBytes(fresh));
      return fresh;
    } catch (e) {
      if (!(e instanceof StoreConflict)) throw e;
      const bytes = await this.backend.read(key);
      const existing = bytes ? parseCommitments(bytes) : 'missing';
      const same = typeof existing !== 'string' && Object.keys(existing.salts).sort().join('\n') === Object.keys(fresh.salts).sort().join('\n');
      if (!same) throw new InputError(`${this.location}: ${key} already exists with other content; not overwriting`);
      return existing;
    }
  }

  /**
   * Write results.json once. When a crashed write of the same run left the very same bytes, go on
   * from there (same seq, same time, same results: the same run); different bytes are a conflict.
   */
  private async createOrResume(key: string, body: Uint8Array): Promise<void> {
    try {
      await this.backend.create(key, body);
    } catch (e) {
      if (!(e instanceof StoreConflict)) throw e;
      const existing = await this.backend.read(key);
      if (!existing || !sameBytes(existing, body)) throw new InputError(`${this.location}: ${key} already exists with other content; not overwriting`);
    }
  }

  async readResultsBytes(id: string): Promise<Uint8Array | null> {
    return this.backend.read(`${id}/${RESULTS_FILE}`);
  }

  async readResults(id: string): Promise<Results> {
    const bytes = await this.readResultsBytes(id);
    if (!bytes) throw new InputError(`${this.location}: run ${id} has no ${RESULTS_FILE}`);
    try {
      return parseJsonBytes(bytes) as Results;
    } catch (e) {
      throw new InputError(`${this.location}: run ${id}: ${RESULTS_FILE} is not JSON (${(e as Error).message})`);
    }
  }

  async resolve(ref: string): Promise<StoredRun> {
    const { runs } = await this.list();
    if (!runs.length) throw new InputError(`${this.location}: the store has no complete runs`);
    const r = ref.trim();
    const rel = /^(?:latest|HEAD)(?:~(\d+))?$/i.exec(r);
    if (rel) {
      const back = Number(rel[1] ?? 0);
      const run = runs[runs.length - 1 - back];
      if (!run) throw new InputError(`${this.location}: no run "${ref}" (the store has ${runs.length} run${runs.length === 1 ? '' : 's'})`);
      return toStored(run.manifest);
    }
    if (/^\d+$/.test(r) && r.length < 6) {
      const run = runs.find((x) => x.manifest.seq === Number(r));
      if (!run) throw new InputError(`${this.location}: no run with sequence number ${r}`);
      return toStored(run.manifest);
    }
    const hits = runs.filter((x) => x.manifest.id === r || x.manifest.id.startsWith(r));
    const exact = hits.find((x) => x.manifest.id === r);
    if (exact) return toStored(exact.manifest);
    if (hits.length === 1) return toStored(hits[0]!.manifest);
    if (!hits.length) throw new InputError(`${this.location}: no run "${ref}"`);
    throw new InputError(`${this.location}: run "${ref}" is ambiguous (${hits.map((h) => h.manifest.id).join(', ')})`);
  }
}

export function storedRun(m: Manifest): StoredRun {
  return toStored(m);
}
