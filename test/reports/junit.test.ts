import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { renderJunit } from '../../reports/junit.js';
import { finding, META, sampleResults, SECRET, withShuffledFindings } from './sample.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), parseAttributeValue: false, htmlEntities: true });

function parse(xml: string): any {
  const valid = XMLValidator.validate(xml);
  expect(valid).toBe(true);
  return parser.parse(xml);
}

describe('junit renderer', () => {
  it('writes well-formed XML with one suite per policy and right counts', () => {
    const doc = parse(renderJunit(sampleResults(), META));
    const root = doc.testsuites;
    expect(root.name).toBe('ferpa-ready');
    expect([root.tests, root.failures, root.errors, root.skipped]).toEqual(['7', '2', '1', '2']);
    const suites = root.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(['aws-cloudtrail-multi-region', 'aws-rds-storage-encrypted', 'aws-s3-public-access-blocked']);
    for (const s of suites) {
      const cases = s.testcase;
      expect(Number(s.tests)).toBe(cases.length);
      expect(Number(s.failures)).toBe(cases.filter((c: any) => c.failure !== undefined).length);
      expect(Number(s.errors)).toBe(cases.filter((c: any) => c.error !== undefined).length);
      expect(Number(s.skipped)).toBe(cases.filter((c: any) => c.skipped !== undefined).length);
      for (const c of cases) expect(c.classname).toBe(s.name);
    }
  });

  it('maps statuses: fail -> failure (type severity), error -> error, unknown/waived -> skipped with reason', () => {
    const suites = parse(renderJunit(sampleResults(), META)).testsuites.testsuite;
    const byName = new Map<string, any>();
    for (const s of suites) for (const c of s.testcase) byName.set(c.name, c);
    const fail = byName.get('module.db.aws_db_instance.main[0]');
    expect(fail.failure.type).toBe('high');
    expect(fail.failure.message).toContain('not met');
    expect(fail.failure['#text']).toContain('modules/db/main.tf:12');
    expect(fail.file).toBe('modules/db/main.tf');
    expect(byName.get('arn:aws:cloudtrail:us-east-1:123456789012:trail/main').error.message).toContain('AccessDenied');
    expect(byName.get('aws_db_instance.replica').skipped.message).toMatch(/^unknown: /);
    expect(byName.get('aws_s3_bucket.website').skipped.message).toBe('waived: public course catalogue, no student data');
    const pass = byName.get('aws_db_instance.reports');
    expect(pass.failure ?? pass.error ?? pass.skipped).toBeUndefined();
  });

  it('escapes markup and strips control characters in names, messages and details', () => {
    const r = sampleResults();
    const nasty = 'aws_s3_bucket.x["<a>&\'q\'\u0001\u001b[31m"]';
    r.findings = [finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: nasty, message: `bad </failure><injected/> & "quoted"\u0000\u0007 line\nnext` })];
    const xml = renderJunit(r);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain('<injected/>');
    const c = parse(xml).testsuites.testsuite[0].testcase[0];
    expect(c.name).toBe('aws_s3_bucket.x["<a>&\'q\'[31m"]');
    expect(c.failure.message).toBe('bad </failure><injected/> & "quoted" line\nnext');
  });

  it('keeps testcase names unique when a resource is seen through two sources', () => {
    const r: Results = { ...sampleResults(), findings: [
      finding({ policyId: 'p', status: 'pass', address: 'aws_kms_key.a', source: 'hcl' }),
      finding({ policyId: 'p', status: 'fail', address: 'aws_kms_key.a', source: 'plan' }),
    ] };
    const names = parse(renderJunit(r)).testsuites.testsuite[0].testcase.map((c: any) => c.name);
    expect(names.sort()).toEqual(['aws_kms_key.a [hcl]', 'aws_kms_key.a [plan]']);
  });

  it('is byte-identical for the same and for shuffled input, and carries no secrets', () => {
    const r = sampleResults();
    r.findings.push(finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: 'aws_db_instance.z', evidence: { password: SECRET } }));
    const a = renderJunit(r);
    expect(renderJunit(withShuffledFindings(r, 3))).toBe(a);
    expect(a).not.toContain(SECRET);
    expect(a).toContain('(redacted)');
  });
});
