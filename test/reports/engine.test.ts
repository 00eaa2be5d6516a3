// The renderers against findings the real engine produces (not hand-written ones): the schema must
// describe what runPolicies emits, and every format must accept it.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../checks/engine/policy.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Profile, Results } from '../../checks/engine/types.js';
import { Model } from '../../checks/model/model.js';
import type { Resource } from '../../checks/model/resource.js';
import { defaulted, known, SensitiveValue, unknownVal } from '../../checks/model/value.js';
import { RESULTS_FORMATS, render } from '../../reports/index.js';
import type { PolicyMeta } from '../../reports/types.js';
import { SECRET } from './sample.js';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../reports/schema/results.schema.json', import.meta.url), 'utf8')));

const profile: Profile = { approvedRegions: ['us-east-1'], securityLogMinDays: 365, piiLogMaxDays: 90, backupMinDays: 7, dispositionDays: 60, tlsPolicies: [], breachNoticeHours: 72 };

const policy: Policy = {
  id: 'test-rds-storage-encrypted',
  title: 'RDS storage is encrypted',
  severity: 'high',
  category: 'encryption',
  resource: 'aws.rds.instance',
  sources: ['plan', 'live'],
  description: 'Storage of student records is encrypted at rest.',
  rationale: 'FERPA reasonable methods.',
  remediation: { terraform: 'storage_encrypted = true' },
  references: [],
  rule: { assert: { path: 'storageEncrypted', equals: true } },
  controls: ['FERPA-ENC-01'],
};

function rds(id: string, storageEncrypted: Resource['attrs'][string], extra: Partial<Resource> = {}): Resource {
  return {
    kind: 'aws.rds.instance',
    id,
    source: 'plan',
    address: id,
    loc: { file: 'plan.json', line: 3 },
    attrs: { storageEncrypted, masterPassword: known(new SensitiveValue(true)), password: known(SECRET) },
    links: {},
    identifiers: [],
    ...extra,
  };
}

describe('renderers on engine findings', () => {
  const model = new Model([
    rds('aws_db_instance.good', known(true, { file: 'db.tf', line: 7 })),
    rds('aws_db_instance.bad', defaulted(false)),
    rds('aws_db_instance.later', unknownVal()),
    rds('arn:aws:rds:us-east-1:123456789012:db:sis', { value: undefined, origin: 'unknown', error: 'AccessDenied' }, {
      source: 'live', address: undefined, arn: 'arn:aws:rds:us-east-1:123456789012:db:sis', account: '123456789012', region: 'us-east-1',
    }),
  ]);
  const findings = runPolicies([policy], model, { profile, checks: {} });
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  const results: Results = {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0' },
    generatedAt: '2026-11-22T00:00:00Z',
    inputs: [{ kind: 'plan', path: 'plan.json', sha256: 'a'.repeat(64) }],
    findings,
    summary,
    profile,
  };
  const meta: PolicyMeta[] = [{ id: policy.id, title: policy.title, description: policy.description, remediation: policy.remediation, references: policy.references, severity: policy.severity, category: policy.category }];

  it('the engine produced one finding of each expected status', () => {
    expect(findings.map((f) => f.status).sort()).toEqual(['error', 'fail', 'pass', 'unknown']);
  });

  it('the JSON document of real findings validates against the results schema', () => {
    const doc = JSON.parse(render('json', results, meta));
    const ok = validate(doc);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect(doc.summary).toEqual({ pass: 1, fail: 1, unknown: 1, waived: 0, error: 1 });
  });

  for (const format of RESULTS_FORMATS) {
    it(`${format}: renders real findings without leaking the plain-text password`, () => {
      const out = render(format, results, meta, { verbose: true });
      expect(out.length).toBeGreaterThan(0);
      expect(out).not.toContain(SECRET);
      expect(out).toContain(format === 'markdown' ? 'aws\\_db\\_instance.bad' : 'aws_db_instance.bad');
    });
  }
});
