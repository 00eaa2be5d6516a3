import { describe, expect, it } from 'vitest';
import { exitCodeFor, unreadInputs } from '../../checks/cli/exit.js';
import type { Finding, Results, Severity, Status } from '../../checks/engine/types.js';
import { commonDir, mergeSameId, placeGroups } from '../../checks/pipeline/roots.js';

const f = (status: Status, severity: Severity, id = `${status}-${severity}`, extra: Partial<Finding> = {}): Finding => ({
  id, policyId: 'p', status, severity, category: 'audit', controls: [], resource: { kind: 'k', address: 'a', arn: null, file: null, line: null }, message: '', evidence: {}, source: 'live', ...extra,
});
const doc = (findings: Finding[], inputs: Results['inputs'] = []): Results => ({
  schemaVersion: '1', tool: { name: 'ferpa-ready', version: 't' }, generatedAt: '2026-11-22T00:00:00Z', inputs, findings, summary: { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 },
});

describe('the exit code: a check that could not be decided is not a pass', () => {
  it('is 1 for an error at or above --fail-on, unless errors are allowed', () => {
    expect(exitCodeFor(doc([f('error', 'high')]), 'high')).toBe(1);
    expect(exitCodeFor(doc([f('error', 'high')]), 'high', { allowErrors: true })).toBe(0);
    expect(exitCodeFor(doc([f('error', 'medium')]), 'high')).toBe(0);
    expect(exitCodeFor(doc([f('error', 'critical')]), 'none')).toBe(0);
  });

  it('still fails on failing findings with errors allowed; unknown and waived never gate', () => {
    expect(exitCodeFor(doc([f('fail', 'high'), f('error', 'high')]), 'high', { allowErrors: true })).toBe(1);
    expect(exitCodeFor(doc([f('unknown', 'critical'), f('waived', 'critical'), f('pass', 'critical')]), 'info')).toBe(0);
  });

  it('lists the inputs that could not be read', () => {
    expect(unreadInputs(doc([], [{ kind: 'hcl', path: 'a', sha256: '0'.repeat(64) }, { kind: 'hcl', path: 'b', sha256: '0'.repeat(64), error: 'b/main.tf:1:1: x' }]))).toEqual([{ path: 'b', error: 'b/main.tf:1:1: x' }]);
  });
});

describe('keeping the inputs of one scan apart', () => {
  it('one finding per id: the worst verdict of the inputs stands, the first on a tie', () => {
    const pass = f('pass', 'high', 'same', { input: 'envs/a' });
    const unknown = f('unknown', 'high', 'same', { input: 'envs/b' });
    const fail = f('fail', 'high', 'same', { input: 'envs/c' });
    expect(mergeSameId([pass, unknown])).toEqual([unknown]);
    expect(mergeSameId([fail, pass, unknown])).toEqual([fail]);
    expect(mergeSameId([unknown, f('unknown', 'high', 'same', { input: 'envs/z' })])).toEqual([unknown]);
    expect(mergeSameId([pass, f('pass', 'high', 'other')])).toHaveLength(2);
  });

  it('scopes several roots by their path from the folder holding them, and leaves one root unscoped', () => {
    const hcl = (path: string) => ({ kind: 'hcl-dir' as const, path, display: path.slice(5) });
    expect(commonDir(['/w/envs/prod', '/w/envs/staging/eu', '/w/envs'])).toBe('/w/envs');
    expect(placeGroups([hcl('/w/r/envs/a'), hcl('/w/r/envs/b')], ['/w/r/envs'], '/w/r')).toEqual([
      { scope: 'a', input: 'envs/a', fileBase: '/w/r/envs', fileBaseDisplay: 'envs' },
      { scope: 'b', input: 'envs/b', fileBase: '/w/r/envs', fileBaseDisplay: 'envs' },
    ]);
    expect(placeGroups([hcl('/w/r/envs/a')], ['/w/r/envs'], '/w/r')).toEqual([{ fileBase: '/w/r/envs/a', fileBaseDisplay: 'envs/a' }]);
    const plan = (path: string) => ({ kind: 'plan' as const, path, display: path });
    expect(placeGroups([plan('/p/a/plan.json'), plan('/p/b/plan.json'), hcl('/w/r/x')], ['/w/r/x'], '/w/r').map((p) => p.scope)).toEqual(['a/plan.json', 'b/plan.json', undefined]);
  });
});
