import { createHash } from 'node:crypto';
import type { Catalog } from '../engine/catalog.js';
import type { Config } from '../engine/config.js';
import { jsonChunks } from '../util/json-chunks.js';
import { mergeResults, coveredByResults, type MergeInput } from '../pipeline/merge-results.js';
import { shardStatuses } from '../pipeline/shards.js';
import { readResultsFile } from './results-file.js';
import { addStandIns, fetchInputs, renameInputs } from './fanout-inputs.js';

/**
 * `report --results s3://bucket/prefix/ --shards manifest`: every shard's results document as one.
 * A shard of the manifest that no results document covers is scanned as a stand-in snapshot in which
 * its account could not be read, so each of its policies is an error in the merged document.
 */
export async function mergeShardResults(specs: string[], shardsSpec: string | undefined, ctx: { config: Config; catalog: Catalog; now: Date }): Promise<MergeInput> {
  const f = await fetchInputs(specs, shardsSpec);
  const docs: MergeInput[] = f.paths.map((p) => {
    const read = readResultsFile(p);
    return { results: read.results, path: f.names.get(p) ?? read.path, sha256: read.sha256 };
  });
  const shards = f.manifest ? shardStatuses(f.manifest, docs.flatMap((d) => coveredByResults(d.results, d.path))) : undefined;
  if (shards?.some((s) => s.status === 'missing')) {
    const before = f.paths.length;
    addStandIns(f, shards, ctx.now, 'no results document of it was given');
    const { scanPaths } = await import('../pipeline/scan.js');
    const { results } = await scanPaths(f.paths.slice(before), { config: ctx.config, catalog: ctx.catalog, now: ctx.now });
    renameInputs(results, f.names);
    docs.push({ results, path: 'missing shards', sha256: sha256Of(results) });
  }
  const merged = mergeResults(docs, { now: ctx.now, ...(shards ? { shards } : {}) });
  return { results: merged, path: specs.join(', '), sha256: sha256Of(merged) };
}

function sha256Of(value: unknown): string {
  const hash = createHash('sha256');
  for (const piece of jsonChunks(value)) hash.update(piece);
  return hash.digest('hex');
}
