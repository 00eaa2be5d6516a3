import type { Diagnostic, Finding, InputCoverage, Results, ResultsInput, ShardStatus } from '../engine/types.js';
import { pushAll } from '../util/push-all.js';
import { coverageOf } from './coverage.js';
import { countByStatus, sortFindings } from '../engine/order.js';
import { mergeSameId } from './roots.js';
import type { Covered } from './shards.js';

/** One results document to merge, with where it was read from and the hash of its bytes. */
export interface MergeInput {
  results: Results;
  path: string;
  sha256: string;
}

/**
 * Many results documents (the shards of a fan-out audit, one account and region each) as one. Ids
 * stay as the shards made them: they hash the account and region, so two accounts never share one;
 * the same resource read by two shards of one account (IAM, S3: account-wide) is one finding, the
 * worst verdict standing. Every input stays listed (the shard's results file and what it read), so an
 * input a shard could not read still makes the merged run incomplete.
 */
export function mergeResults(docs: MergeInput[], opts: { now: Date; shards?: ShardStatus[] }): Results {
  if (!docs.length) throw new Error('mergeResults: nothing to merge');
  const first = docs[0]!.results;
  const findings: Finding[] = [];
  const inputs: ResultsInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const coverage: InputCoverage[] = [];
  const drift: NonNullable<Results['drift']> = [];
  const attestations = new Map<string, NonNullable<Results['attestations']>[number]>();
  const waivers = new Map<string, NonNullable<Results['waivers']>[number]>();
  const frameworks = new Map<string, NonNullable<Results['frameworks']>[number]>();
  const catalogs = new Set<string>();
  const profiles = new Set<string>();
  for (const { results: r, path, sha256 } of docs) {
    pushAll(findings, r.findings);
    inputs.push({ kind: 'results', path, sha256, time: r.generatedAt });
    pushAll(inputs, r.inputs);
    for (const d of r.diagnostics ?? []) diagnostics.push(d.file ? d : { ...d, file: path });
    pushAll(coverage, r.coverage?.inputs ?? []);
    pushAll(drift, r.drift ?? []);
    for (const a of r.attestations ?? []) attestations.set(JSON.stringify(a), a);
    for (const w of r.waivers ?? []) waivers.set(JSON.stringify(w), w);
    for (const f of r.frameworks ?? []) if (!frameworks.has(f.id)) frameworks.set(f.id, f);
    catalogs.add(`${r.tool.version} ${r.tool.catalogVersion ?? ''}`.trim());
    profiles.add(JSON.stringify(r.profile ?? null));
  }
  if (catalogs.size > 1) diagnostics.push({ level: 'warning', message: `the merged results were made by different tool or catalog versions (${[...catalogs].sort().join('; ')}): a policy may have judged one shard and not another` });
  if (profiles.size > 1) diagnostics.push({ level: 'warning', message: `the merged results were judged with ${profiles.size} different profiles; the merged document shows the first one's` });
  const missing = (opts.shards ?? []).filter((s) => s.status === 'missing');
  for (const s of missing) diagnostics.push({ level: 'warning', message: `shard ${s.id} (account ${s.account}, ${s.regions.join(', ')}) produced no results: every policy over it is an error` });
  const sorted = sortFindings(mergeSameId(findings));
  return {
    schemaVersion: '1',
    tool: first.tool,
    generatedAt: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs,
    findings: sorted,
    summary: countByStatus(sorted),
    ...(first.profile ? { profile: first.profile } : {}),
    ...(frameworks.size ? { frameworks: [...frameworks.values()] } : {}),
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(attestations.size ? { attestations: [...attestations.values()] } : {}),
    ...(waivers.size ? { waivers: [...waivers.values()] } : {}),
    ...(drift.length ? { drift } : {}),
    ...(coverage.length ? { coverage: coverageOf(coverage) } : {}),
    ...(opts.shards ? { shards: opts.shards } : {}),
  };
}

/** What a shard's results covered: its `shards` entry (written by `audit --shard`). */
export function coveredByResults(r: Results, input: string): Covered[] {
  return (r.shards ?? []).filter((s) => s.status !== 'missing').map((s) => ({ account: s.account, regions: s.regions, input }));
}
