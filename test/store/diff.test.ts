import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRuns, formatDiff, type RunFindings } from '../../checks/store/diff.js';
import { cli, REPO } from '../cli/run.js';
import { finding, tempDir } from './helpers.js';

const run = (id: string, ...findings: ReturnType<typeof finding>[]): RunFindings => ({ id, findings });

describe('diffRuns', () => {
  const A = 'aws_s3_bucket.a';
  const B = 'aws_s3_bucket.b';
  it('new, resolved and unchanged by stable finding id (messages and lines may change)', () => {
    const r1 = run('r1', finding('p1', A, 'fail'), finding('p1', B, 'pass'), finding('p2', A, 'unknown'), finding('p3', A, 'error'));
    const r2 = run('r2', finding('p1', A, 'pass'), finding('p1', B, 'fail', { message: 'reworded', resource: { kind: 'k', address: B, arn: null, file: 'x.tf', line: 99 } }), finding('p2', A, 'unknown'), finding('p4', A, 'fail'));
    const d = diffRuns(r1, r2);
    expect(d.new.map((e) => [e.policyId, e.resource, e.before ?? null, e.after])).toEqual([
      ['p1', B, 'pass', 'fail'],
      ['p4', A, null, 'fail'],
    ]);
    expect(d.resolved.map((e) => [e.policyId, e.resource, e.before, e.after ?? null])).toEqual([
      ['p1', A, 'fail', 'pass'],
      ['p3', A, 'error', null],
    ]);
    expect(d.unchanged.map((e) => e.policyId)).toEqual(['p2']);
    expect(d.reopened).toEqual([]);
    expect(d.counts).toEqual({ new: 2, resolved: 2, reopened: 0, waived: 0, unchanged: 1 });
    expect(d.new[0]!.id).toBe(finding('p1', B, 'pass').id);
  });

  it('re-opened: open earlier, resolved in between, open again (needs history)', () => {
    const h = [run('r1', finding('p1', A, 'fail')), run('r2', finding('p1', A, 'pass')), run('r3', finding('p1', A, 'fail'))];
    const withHistory = diffRuns(h[1]!, h[2]!, h);
    expect(withHistory.reopened).toEqual([expect.objectContaining({ policyId: 'p1', resource: A, before: 'pass', after: 'fail', reopenedFrom: 'r1' })]);
    expect(withHistory.new).toEqual([]);
    // Without the history it can only be new.
    expect(diffRuns(h[1]!, h[2]!).new).toHaveLength(1);
    // Gone (absent) in between counts as resolved too.
    const gone = [run('r1', finding('p1', A, 'unknown')), run('r2'), run('r3', finding('p1', A, 'error'))];
    expect(diffRuns(gone[1]!, gone[2]!, gone).reopened).toHaveLength(1);
  });

  it('first opened after the older run is new, not re-opened; runs after the newer one are ignored', () => {
    const h = [run('r1', finding('p1', A, 'pass')), run('r2', finding('p1', A, 'fail')), run('r3', finding('p1', A, 'fail')), run('r4', finding('p1', A, 'pass')), run('r5', finding('p1', A, 'fail'))];
    const d = diffRuns(h[0]!, h[2]!, h);
    expect(d.new).toHaveLength(1);
    expect(d.reopened).toHaveLength(0);
    expect(diffRuns(h[3]!, h[4]!, h).reopened).toEqual([expect.objectContaining({ reopenedFrom: 'r3' })]);
  });

  it('waived is not open; a waiver that expires re-opens the finding', () => {
    const waiver = { policy: 'p1', reason: 'r', owner: 'o', expires: '2026-11-01' };
    const h = [
      run('r1', finding('p1', A, 'fail')),
      run('r2', finding('p1', A, 'waived', { waiver: { ...waiver, expired: false } })),
      run('r3', finding('p1', A, 'fail', { waiver: { ...waiver, expired: true } })),
    ];
    const waived = diffRuns(h[0]!, h[1]!, h);
    expect(waived.waived).toEqual([expect.objectContaining({ before: 'fail', after: 'waived' })]);
    expect(waived.resolved).toEqual([]);
    expect(waived.new).toEqual([]);
    const expired = diffRuns(h[1]!, h[2]!, h);
    expect(expired.reopened).toEqual([expect.objectContaining({ before: 'waived', after: 'fail', note: 'waiver expired', reopenedFrom: 'r1' })]);
    // Waived from the first run on, then expired: still a re-open, not a new finding.
    const fromWaived = diffRuns(h[1]!, h[2]!, h.slice(1));
    expect(fromWaived.reopened).toEqual([expect.objectContaining({ note: 'waiver expired' })]);
    expect(fromWaived.new).toEqual([]);
    expect(formatDiff(expired)).toContain('re-opened:');
  });
});

describe('ferpa-ready diff over stored scans', () => {
  it('scan fail -> pass -> fail into a store: resolved, then re-opened with the same finding id', () => {
    const store = join(tempDir('diff'), 'runs');
    const fx = join(REPO, 'fixtures/aws-backup-vault-cmk');
    for (const side of ['fail', 'pass', 'fail']) {
      const s = cli(['scan', join(fx, side, 'plan.json'), '--store', store, '--fail-on', 'none', '--format', 'json']);
      expect(s.code, s.stderr).toBe(0);
      expect(s.stderr).toMatch(/stored run \d{6}-/);
    }
    const h = cli(['history', '--store', store]);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain('3 runs in');

    const d12 = cli(['diff', '1', '2', '--store', store, '--format', 'json']);
    expect(d12.code, d12.stderr).toBe(0);
    // The fixture has two vaults (a standard one and a logically air-gapped one), both fixed in the pass side.
    const resolved = JSON.parse(d12.stdout).resolved.filter((e: { policyId: string; resource: string }) => e.policyId === 'aws-backup-vault-cmk' && e.resource === 'aws_backup_vault.main');
    expect(resolved).toEqual([expect.objectContaining({ resource: 'aws_backup_vault.main', before: 'fail', after: 'pass' })]);
    expect(JSON.parse(d12.stdout).resolved.filter((e: { policyId: string }) => e.policyId === 'aws-backup-vault-cmk').map((e: { resource: string }) => e.resource).sort())
      .toEqual(['aws_backup_logically_air_gapped_vault.airgapped', 'aws_backup_vault.main']);

    const d23 = cli(['diff', '--store', store, '--format', 'json']); // default: latest~1 .. latest
    expect(d23.code, d23.stderr).toBe(0);
    const doc = JSON.parse(d23.stdout);
    const reopened = doc.reopened.filter((e: { policyId: string; resource: string }) => e.policyId === 'aws-backup-vault-cmk' && e.resource === 'aws_backup_vault.main');
    expect(reopened).toEqual([expect.objectContaining({ id: resolved[0].id, resource: 'aws_backup_vault.main', reopenedFrom: expect.stringMatching(/^000001-/) })]);
    expect(doc.new.filter((e: { policyId: string }) => e.policyId === 'aws-backup-vault-cmk')).toEqual([]);

    const d13 = cli(['diff', '1', '3', '--store', store]);
    expect(d13.code, d13.stderr).toBe(0);
    expect(d13.stdout).toMatch(/^diff 000001-\S+ -> 000003-\S+: 0 new, 0 re-opened, 0 resolved, 0 waived, \d+ still open/);

    const v = cli(['verify', '--store', store]);
    expect(v.code, v.stdout).toBe(0);
  });

  it('bad run references and formats are input errors (exit 2, one line)', () => {
    const store = join(tempDir('diff'), 'runs');
    const empty = cli(['diff', '--store', store]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('no complete runs');
    const fmt = cli(['history', '--store', store, '--format', 'xml']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('--format');
  });
});
