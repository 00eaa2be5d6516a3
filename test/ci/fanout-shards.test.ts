import { describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { InputError } from '../../checks/errors.js';
import { coveredByResults, mergeResults } from '../../checks/pipeline/merge-results.js';
import { coveredBySnapshot, missingShardSnapshot, parseShardManifest, planShards, shardStatuses } from '../../checks/pipeline/shards.js';
import { validateSnapshot, type Snapshot } from '../../checks/sources/live/snapshot.js';

/** The fan-out's bookkeeping on its own: the manifest, which shards arrived, and the merge of results. */
const A = '111122223333';
const B = '444455556666';

function finding(id: string, account: string, status: Finding['status']): Finding {
  return { id, policyId: 'aws-s3-sse-kms', status, severity: 'high', category: 'encryption', controls: [], resource: { kind: 'aws.s3.bucket', address: null, arn: `arn:aws:s3:::b-${account}`, file: null, line: null }, message: status, evidence: {}, source: 'live', account, region: 'us-east-1' };
}

function results(findings: Finding[], shard?: { id: string; account: string; region: string }, version = '1.0.0'): Results {
  return {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version, catalogVersion: 'c1' },
    generatedAt: '2026-11-22T03:00:00Z',
    inputs: [{ kind: 'live', path: `s3://e/fanout/r/snapshots/${shard?.id ?? 'x'}.json`, sha256: 'a'.repeat(64) }],
    findings,
    summary: { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 },
    ...(shard ? { shards: [{ id: shard.id, account: shard.account, regions: [shard.region], status: 'audited' as const }] } : {}),
  };
}

describe('shard manifest', () => {
  it('is every account x region, sorted, each with its account\'s auditor role', () => {
    const m = planShards([{ id: B }, { id: A, name: 'registrar' }], ['us-east-1', 'us-west-2'], 'Auditor', 'aws-us-gov');
    expect(m.map((s) => s.shard)).toEqual([`${A}-us-east-1`, `${A}-us-west-2`, `${B}-us-east-1`, `${B}-us-west-2`]);
    expect(m[0]).toEqual({ shard: `${A}-us-east-1`, account: A, region: 'us-east-1', roleArn: `arn:aws-us-gov:iam::${A}:role/Auditor`, accountRegions: 'us-east-1,us-west-2', name: 'registrar' });
    expect(parseShardManifest(m, 'm')).toEqual(m);
  });

  it('refuses a shard listed twice, misnamed, malformed, or an empty list', () => {
    const one = planShards([{ id: A }], ['us-east-1'], 'R');
    const refuse = (data: unknown) => {
      try {
        parseShardManifest(data, 'm.json');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refuse([...one, ...one])).toContain('listed twice');
    expect(refuse([{ ...one[0]!, shard: `${B}-us-east-1` }])).toContain('is not named <account>-<region>');
    expect(refuse([{ ...one[0]!, account: '12' }])).toContain('not a ferpa-ready shard manifest');
    expect(refuse([])).toContain('lists no shard');
  });
});

describe('which shards arrived', () => {
  const manifest = planShards([{ id: A }, { id: B }], ['us-east-1', 'us-east-2'], 'R');
  it('a snapshot covers its account\'s regions; an organisation snapshot only its collected members', () => {
    const org = { account: { id: A, partition: 'aws' }, regions: ['us-east-1'], accounts: [{ id: A, status: 'collected', regions: ['us-east-1', 'us-east-2'] }, { id: B, status: 'error' }] } as unknown as Snapshot;
    const statuses = shardStatuses(manifest, coveredBySnapshot(org, 'org.json'));
    expect(statuses.map((s) => `${s.id} ${s.status}`)).toEqual([`${A}-us-east-1 merged`, `${A}-us-east-2 merged`, `${B}-us-east-1 missing`, `${B}-us-east-2 missing`]);
    expect(statuses[0]!.input).toBe('org.json');
  });

  it('a missing shard stands in as a valid snapshot whose account could not be read there', () => {
    const s = validateSnapshot(JSON.parse(JSON.stringify(missingShardSnapshot(manifest[3]!, '2026-11-22T03:00:00.000Z', 'the task failed'))), 'stand-in');
    expect(s.accounts).toEqual([expect.objectContaining({ id: B, status: 'error', regions: ['us-east-2'], error: expect.objectContaining({ code: 'ShardMissing' }) })]);
    expect(s.accounts![0]!.error!.message).toContain('the task failed');
  });
});

describe('merging shard results', () => {
  it('keeps accounts apart, one finding per id with the worst verdict, every input listed', () => {
    const a1 = results([finding('f-a', A, 'pass'), finding('iam-a', A, 'pass')], { id: `${A}-us-east-1`, account: A, region: 'us-east-1' });
    const a2 = results([finding('iam-a', A, 'error')], { id: `${A}-us-east-2`, account: A, region: 'us-east-2' });
    const b1 = results([finding('f-b', B, 'fail')], { id: `${B}-us-east-1`, account: B, region: 'us-east-1' });
    const docs = [a1, a2, b1].map((r, i) => ({ results: r, path: `s3://e/fanout/r/results/${i}.json`, sha256: String(i).repeat(64) }));
    const merged = mergeResults(docs, { now: new Date('2026-11-22T04:00:00.123Z') });
    expect(merged.findings.map((f) => `${f.id} ${f.account} ${f.status}`).sort()).toEqual([`f-a ${A} pass`, `f-b ${B} fail`, `iam-a ${A} error`]);
    expect(merged.summary).toEqual({ pass: 1, fail: 1, unknown: 0, waived: 0, error: 1 });
    expect(merged.inputs.filter((i) => i.kind === 'results').map((i) => i.path)).toEqual(docs.map((d) => d.path));
    expect(merged.inputs.filter((i) => i.kind === 'live')).toHaveLength(3);
    expect(merged.generatedAt).toBe('2026-11-22T04:00:00Z');
    expect(docs.flatMap((d) => coveredByResults(d.results, d.path)).map((c) => `${c.account} ${c.regions}`)).toEqual([`${A} us-east-1`, `${A} us-east-2`, `${B} us-east-1`]);
  });

  it('says so when shards were judged by different tool versions, and names missing shards', () => {
    const docs = [results([], undefined, '1.0.0'), results([], undefined, '1.1.0')].map((r, i) => ({ results: r, path: `${i}.json`, sha256: 'b'.repeat(64) }));
    const merged = mergeResults(docs, { now: new Date(), shards: [{ id: `${B}-us-east-2`, account: B, regions: ['us-east-2'], status: 'missing' }] });
    const messages = (merged.diagnostics ?? []).map((d) => d.message);
    expect(messages.some((m) => m.includes('different tool or catalog versions'))).toBe(true);
    expect(messages.some((m) => m.includes(`shard ${B}-us-east-2`) && m.includes('every policy over it is an error'))).toBe(true);
    expect(merged.shards).toEqual([{ id: `${B}-us-east-2`, account: B, regions: ['us-east-2'], status: 'missing' }]);
  });
});
