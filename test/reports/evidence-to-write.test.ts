// reports/common.ts canonicalEvidenceToWrite: the JSON writer's evidence. It skips the copying passes of
// canonicalEvidence only when they would change nothing, so its JSON text is always the same.
import { describe, expect, it } from 'vitest';
import { canonicalEvidence, canonicalEvidenceToWrite } from '../../reports/common.js';

const same = (evidence: Record<string, unknown>) => expect(JSON.stringify(canonicalEvidenceToWrite(evidence))).toBe(JSON.stringify(canonicalEvidence(evidence)));

describe('canonicalEvidenceToWrite', () => {
  it('uses a value that is canonical already as it is', () => {
    const doc = { Statement: [{ Action: ['s3:GetObject'], Effect: 'Allow', Resource: ['*'] }], Version: '2012-10-17' };
    const out = canonicalEvidenceToWrite({ 'policy.document': doc, 'tags.b': 1, 'tags.a': null });
    expect(out['policy.document']).toBe(doc);
    expect(Object.keys(out)).toEqual(['policy.document', 'tags.a', 'tags.b']);
    same({ 'policy.document': doc });
  });

  it('copies and sorts keys out of order, integer-like keys included', () => {
    const v = { b: 1, a: { d: 2, c: 3 } };
    const out = canonicalEvidenceToWrite({ x: v });
    expect(out.x).not.toBe(v);
    expect(JSON.stringify(out.x)).toBe('{"a":{"c":3,"d":2},"b":1}');
    same({ x: { b: 1, 10: 'ten', 2: 'two', a: [3, 1] } });
    same({ x: { 10: 'ten', 2: 'two' } });
  });

  it('redacts credentials as canonicalEvidence does: by key, by value, in name/value pairs', () => {
    const out = canonicalEvidenceToWrite({
      'environment.password': 'hunter2hunter2',
      'task.environment': [{ name: 'DB_PASSWORD', value: 'p4ss' }, { name: 'MODE', value: 'x' }],
      'user_data.script': 'AKIAIOSFODNN7EXAMPLE',
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('p4ss');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(text).toContain('"MODE"');
    same({ 'environment.password': 'hunter2hunter2', 'nested.config': { token: 'abc', list: [{ name: 'API_KEY', value: 'k' }] } });
  });

  it('drops undefined members and turns undefined entries, markers and odd numbers into their JSON form', () => {
    const marker = { toJSON: () => '(known after apply)' };
    same({ a: { b: undefined, c: 1 }, d: [1, undefined, 3], e: marker, f: Number.NaN, g: undefined, h: [Number.POSITIVE_INFINITY], i: new Date(0), j: 10n });
    expect(canonicalEvidenceToWrite({ a: { b: undefined, c: 1 } }).a).toEqual({ c: 1 });
    expect(canonicalEvidenceToWrite({ e: marker }).e).toBe('(known after apply)');
  });
});
