import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Results, ShardStatus } from '../engine/types.js';
import { InputError } from '../errors.js';
import { parseJsonBytes } from '../util/json-parse-large.js';
import { readNamedInput } from '../util/input-file.js';
import { classify } from '../pipeline/inputs.js';
import { coveredBySnapshot, missingShardSnapshot, parseShardManifest, shardStatuses, type Covered, type Shard } from '../pipeline/shards.js';
import { readSnapshot, serializeSnapshot } from '../sources/live/snapshot.js';
import { localise, S3Inputs } from './s3-input.js';
import { isS3Url } from './s3-output.js';
import { pushAll } from '../util/push-all.js';

/**
 * The inputs of a fan-out merge: `s3://` prefixes fetched to local files (named by their S3 URL in the
 * results), and, with a shard manifest, one stand-in snapshot per shard nothing arrived for, so the
 * merged run reports that shard's every policy as error instead of leaving it out.
 */
export interface FanoutInputs {
  paths: string[];
  /** Local file -> the name the results give it (its S3 URL, or `missing shard <id>`). */
  names: Map<string, string>;
  manifest?: Shard[];
  s3: S3Inputs;
}

/** Read a shard manifest from a file or `s3://bucket/key`. */
export async function readManifest(spec: string, s3: S3Inputs): Promise<Shard[]> {
  const file = isS3Url(spec) ? (await s3.fetch(spec))[0]!.file : resolve(spec);
  const bytes = readNamedInput(file, spec, 'shard manifest');
  let data: unknown;
  try {
    data = parseJsonBytes(bytes);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, spec);
  }
  return parseShardManifest(data, spec);
}

export async function fetchInputs(paths: string[], shardsSpec: string | undefined): Promise<FanoutInputs> {
  const s3 = new S3Inputs();
  // The fetched copies live as long as the command: every exit path (an input error included) removes them.
  process.once('exit', () => s3.cleanup());
  try {
    // With a manifest, an empty prefix (no shard wrote anything) is every shard missing, not an input error.
    const local = await localise(paths, s3, undefined, Boolean(shardsSpec));
    const names = new Map(local.urlOf);
    const manifest = shardsSpec ? await readManifest(shardsSpec, s3) : undefined;
    return { paths: local.paths, names, ...(manifest ? { manifest } : {}), s3 };
  } catch (e) {
    s3.cleanup();
    throw e;
  }
}

/** For `scan`: which shards the snapshots cover; each missing one gets its stand-in snapshot. */
export function addMissingShardSnapshots(f: FanoutInputs, now: Date): ShardStatus[] | undefined {
  if (!f.manifest) return undefined;
  const covered: Covered[] = [];
  for (const p of f.paths) {
    if (classify(p).kind !== 'snapshot') continue;
    const name = f.names.get(p) ?? p;
    pushAll(covered, coveredBySnapshot(readSnapshot(p, name), name));
  }
  return addStandIns(f, shardStatuses(f.manifest, covered), now, 'no snapshot of it was given');
}

/** Stand-in snapshots for the missing shards, added to the inputs; returns the statuses. */
export function addStandIns(f: FanoutInputs, statuses: ShardStatus[], now: Date, why: string): ShardStatus[] {
  const dir = join(f.s3.dir, 'missing');
  for (const s of statuses) {
    if (s.status !== 'missing') continue;
    const shard = f.manifest!.find((m) => m.shard === s.id)!;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${s.id}.json`);
    writeFileSync(file, serializeSnapshot(missingShardSnapshot(shard, now.toISOString(), why)));
    f.paths.push(file);
    f.names.set(file, `missing shard ${s.id}`);
  }
  return statuses;
}

/** One warning per shard nothing arrived for (the scan prints warnings on stderr). */
export function missingShardDiagnostics(results: Results, shards: ShardStatus[]): void {
  for (const s of shards) {
    if (s.status !== 'missing') continue;
    (results.diagnostics ??= []).push({ level: 'warning', message: `shard ${s.id} (account ${s.account}, ${s.regions.join(', ')}) produced no snapshot: every policy over it is an error` });
  }
}

/**
 * Name each fetched input by its S3 URL wherever the results name an input (inputs, finding and
 * coverage files, diagnostics), instead of the temporary file it was read from.
 */
export function renameInputs(results: Results, names: Map<string, string>, cwd = process.cwd()): void {
  if (!names.size) return;
  const byDisplay = new Map<string, string>();
  for (const [file, name] of names) byDisplay.set(relative(cwd, file) || '.', name);
  const to = (s: string | null | undefined) => (s != null ? (byDisplay.get(s) ?? s) : s);
  for (const i of results.inputs) i.path = to(i.path)!;
  for (const f of results.findings) {
    if (f.resource.file) f.resource.file = to(f.resource.file)!;
    if (f.input) f.input = to(f.input)!;
  }
  for (const d of results.diagnostics ?? []) if (d.file) d.file = to(d.file)!;
  for (const c of results.coverage?.inputs ?? []) {
    c.input = to(c.input)!;
    for (const r of c.resources) if (r.file) r.file = to(r.file)!;
  }
}
