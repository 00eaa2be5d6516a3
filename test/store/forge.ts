// What an attacker with write access to a local store does, and what the previous version wrote.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../checks/engine/types.js';
import { commitmentOf, parseCommitments } from '../../checks/store/commitments.js';
import { headBytes, headRecordKey, manifestBytes, manifestHash, resultsBytes, runName, sha256Hex } from '../../checks/store/store.js';
import type { Manifest } from '../../checks/store/types.js';
import { canonicalJson } from '../../checks/util/canonical-json.js';

function runFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /^\d{6,}-/.test(n))
    .sort();
}

function readManifest(dir: string, id: string): Manifest {
  return JSON.parse(readFileSync(join(dir, id, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * Rewrite run `index` (0-based) with `edit` applied to its results, then recompute everything a
 * verifier checks without an anchor: its results hash and commitment, every later manifest's link
 * and hash, HEAD, and (unless `keepHeadRecords`) the write-once head records.
 */
export function rewriteRun(dir: string, index: number, edit: (r: Results) => void, opts: { keepHeadRecords?: boolean } = {}): void {
  const ids = runFolders(dir);
  let prev: Manifest | null = index > 0 ? readManifest(dir, ids[index - 1]!) : null;
  for (let i = index; i < ids.length; i++) {
    const id = ids[i]!;
    const m = readManifest(dir, id);
    if (i === index) {
      const results = JSON.parse(readFileSync(join(dir, id, 'results.json'), 'utf8')) as Results;
      edit(results);
      const body = resultsBytes(results);
      writeFileSync(join(dir, id, 'results.json'), body);
      m.resultsSha256 = sha256Hex(body);
      m.summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
      for (const f of results.findings) m.summary[f.status]++;
      if (m.resultsCommitment) {
        const c = parseCommitments(readFileSync(join(dir, id, 'commitments.json')));
        if (typeof c === 'string') throw new Error(c);
        m.resultsCommitment = commitmentOf(JSON.parse(body.toString()), c);
      }
    }
    if (prev) m.previous = { id: prev.id, manifestSha256: prev.manifestSha256 };
    m.manifestSha256 = manifestHash(m);
    writeFileSync(join(dir, id, 'manifest.json'), manifestBytes(m));
    if (!opts.keepHeadRecords && m.resultsCommitment) writeFileSync(join(dir, headRecordKey(m.seq)), headBytes(m));
    prev = m;
  }
  if (prev) writeFileSync(join(dir, 'HEAD'), headBytes(prev));
}

/** Delete the newest run; `moveHead` points HEAD at the run before; `dropRecord` deletes its head record too. */
export function deleteNewestRun(dir: string, opts: { moveHead: boolean; dropRecord: boolean }): void {
  const ids = runFolders(dir);
  const last = readManifest(dir, ids[ids.length - 1]!);
  rmSync(join(dir, last.id), { recursive: true });
  if (opts.dropRecord) rmSync(join(dir, headRecordKey(last.seq)), { force: true });
  if (opts.moveHead) {
    if (ids.length > 1) writeFileSync(join(dir, 'HEAD'), headBytes(readManifest(dir, ids[ids.length - 2]!)));
    else rmSync(join(dir, 'HEAD'), { force: true });
  }
}

/** Append a run exactly as the previous version (run manifest format 1) wrote it. */
export function appendLegacyRun(dir: string, results: Results): string {
  const ids = runFolders(dir);
  const last = ids.length ? readManifest(dir, ids[ids.length - 1]!) : null;
  const body = resultsBytes(results);
  const resultsSha256 = sha256Hex(body);
  const seq = (last?.seq ?? 0) + 1;
  const id = runName(seq, results.generatedAt, resultsSha256);
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of results.findings) summary[f.status]++;
  const draft = {
    format: 'ferpa-ready/run-manifest/1' as const,
    seq,
    id,
    time: results.generatedAt,
    tool: { version: results.tool.version, ...(results.tool.catalogVersion ? { catalogVersion: results.tool.catalogVersion } : {}) },
    inputs: results.inputs.map((i) => ({ kind: i.kind, path: i.path, sha256: i.sha256 })),
    resultsSha256,
    summary,
    previous: last ? { id: last.id, manifestSha256: manifestHash(last) } : null,
  };
  const manifest: Manifest = { ...draft, manifestSha256: manifestHash(draft) };
  mkdirSync(join(dir, id), { recursive: true });
  writeFileSync(join(dir, id, 'results.json'), body);
  writeFileSync(join(dir, id, 'manifest.json'), `${canonicalJson(manifest)}\n`);
  writeFileSync(join(dir, 'HEAD'), `${canonicalJson({ id, seq, manifestSha256: manifest.manifestSha256 })}\n`);
  return id;
}
