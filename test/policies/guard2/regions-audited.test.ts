import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { defaultProfile, type Config } from '../../../checks/engine/config.js';
import type { Finding } from '../../../checks/engine/types.js';
import { loadCatalog } from '../../../checks/pipeline/catalog.js';
import { scanPaths } from '../../../checks/pipeline/scan.js';

// aws-resources-in-approved-regions on a live audit of some regions (--regions): an enabled region outside the
// approved ones that the audit did not read may hold student data nobody saw. Each unknown below was a pass.

const POLICY = 'aws-resources-in-approved-regions';
const ACCOUNT = '111122223333';
const WIDE = `arn:aws:::${ACCOUNT}:account`;
const catalog = loadCatalog();
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

async function verdict(global: { data?: Record<string, unknown>; errors?: Record<string, unknown> }, profile: Partial<Config['profile']> = {}): Promise<Finding | undefined> {
  const compact = {
    account: ACCOUNT,
    regions: ['us-east-1'],
    accountSettings: { global: { data: { ...(global.data ?? {}) }, ...(global.errors ? { errors: global.errors } : {}) } },
    resources: { 'AWS::SQS::Queue': [{ arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`, region: 'us-east-1', data: { QueueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/jobs`, Attributes: {} } }] },
  };
  const file = join(mkdtempSync(join(tmpdir(), 'frregions-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(expandCompactLive(compact as never, 'test')));
  const { results } = await scanPaths([file], { config: { ...base, profile: { ...base.profile, ...profile } }, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: join(file, '..') });
  return results.findings.find((f) => f.policyId === POLICY && f.resource.arn === WIDE);
}

const coverage = (enabled: string[], audited: string[]) => ({ data: { regionCoverage: { enabled, audited } } });

describe('regions a live audit did not read', () => {
  it('is unknown while an enabled region outside the approved ones was not audited, naming it', async () => {
    const f = await verdict(coverage(['eu-west-1', 'us-east-1', 'us-west-2'], ['us-east-1']));
    expect(f?.status).toBe('unknown');
    expect(f?.message).toContain('(eu-west-1)');
    expect(f?.evidence.regionsNotAudited).toEqual(['eu-west-1']);
  });

  it('passes when the regions left out are all approved, or every enabled region was read', async () => {
    expect((await verdict(coverage(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'], ['us-east-1'])))?.status).toBe('pass');
    expect((await verdict(coverage(['eu-west-1', 'us-east-1'], ['eu-west-1', 'us-east-1'])))?.status).toBe('pass');
    // A district that approves eu-west-1 too: leaving it out hides nothing outside the approved regions.
    expect((await verdict(coverage(['eu-west-1', 'us-east-1'], ['us-east-1']), { approvedRegions: ['us-east-1', 'eu-west-1'] }))?.status).toBe('pass');
  });

  it('shortens a long list of regions', async () => {
    const many = ['af-south-1', 'ap-east-1', 'ap-south-1', 'ap-southeast-1', 'ca-central-1', 'eu-central-1', 'eu-north-1', 'eu-west-1', 'sa-east-1'];
    const f = await verdict(coverage([...many, 'us-east-1'], ['us-east-1']));
    expect(f?.message).toContain('af-south-1, ap-east-1, ap-south-1, ap-southeast-1, ca-central-1, eu-central-1 and 3 more');
  });

  it('is an error where DescribeRegions failed, and unknown where the snapshot does not record the enabled regions', async () => {
    const failed = await verdict({ errors: { regionCoverage: { code: 'UnauthorizedOperation', message: 'not authorized to perform ec2:DescribeRegions', call: 'ec2:DescribeRegions' } } });
    expect(failed?.status).toBe('error');
    expect(failed?.message).toMatch(/DescribeRegions/);
    const older = await verdict({});
    expect(older?.status).toBe('unknown');
    expect(older?.message).toContain('does not record which regions are enabled');
  });
});
