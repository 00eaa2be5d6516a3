import { resolve } from 'node:path';
import type { Results } from '../engine/types.js';
import { InputError } from '../errors.js';
import { openLocalStore } from './local.js';
import type { RunStore, StoredRun } from './types.js';

export type { RunStore, StoredRun, Manifest, HeadPointer, RunListing, StoreBackend } from './types.js';
export { verifyChain, formatChainReport, type ChainReport, type ChainProblem } from './chain.js';
export { diffRuns, formatDiff, isOpen, type RunDiff, type DiffEntry } from './diff.js';
export { trendPoints, trendFromResults, loadTrend, type TrendPoint } from './trend.js';

/** Where runs go when `--store` names no place. */
export const DEFAULT_STORE = '.ferpa-ready/runs';

export interface OpenStoreOptions {
  /** For s3:// stores: an emulator or VPC endpoint (default AWS_ENDPOINT_URL). */
  endpointUrl?: string;
  region?: string;
  cwd?: string;
}

/** Open a store from `--store`: a directory, or `s3://bucket/prefix` (the AWS SDK loads only then). */
export async function openStore(spec: string | undefined, opts: OpenStoreOptions = {}): Promise<RunStore> {
  const s = (spec ?? DEFAULT_STORE).trim();
  if (!s) throw new InputError('--store: empty location');
  if (/^s3:\/\//i.test(s)) {
    const { openS3Store } = await import('./s3.js');
    return openS3Store(s, { endpointUrl: opts.endpointUrl, region: opts.region });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) throw new InputError(`--store: unsupported location "${s}" (a directory or s3://bucket/prefix)`);
  return openLocalStore(resolve(opts.cwd ?? process.cwd(), s));
}

/** Append a scan's results as a new run of the store named by `--store`. */
export async function appendRun(spec: string, results: Results, opts: OpenStoreOptions = {}): Promise<{ store: RunStore; run: StoredRun }> {
  const store = await openStore(spec, opts);
  const run = await store.append(results);
  return { store, run };
}
