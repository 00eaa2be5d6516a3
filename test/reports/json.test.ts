import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import { renderJson } from '../../reports/json.js';
import { AWS_KEY, finding, META, sampleResults, SECRET, withShuffledFindings } from './sample.js';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const schema = JSON.parse(readFileSync(new URL('../../reports/schema/results.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validate = ajv.compile(schema);

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('results schema', () => {
  it('accepts the JSON renderer output of a document with every status and every optional part', () => {
    const out = JSON.parse(renderJson(sampleResults(), META));
    expect(errorsOf(out)).toEqual([]);
  });

  it('accepts a minimal document (no optional parts, no findings)', () => {
    const doc = { schemaVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0' }, generatedAt: '2026-11-22T00:00:00Z', inputs: [], findings: [], summary: { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 } };
    expect(errorsOf(doc)).toEqual([]);
  });

  const broken: [string, (d: Record<string, any>) => void][] = [
    ['an unknown status', (d) => (d.findings[0].status = 'ok')],
    ['an unknown severity', (d) => (d.findings[0].severity = 'severe')],
    ['a ninth category', (d) => (d.findings[0].category = 'privacy')],
    ['a control id off the pattern', (d) => (d.findings[0].controls = ['ENC-01'])],
    ['a resource without arn', (d) => delete d.findings[0].resource.arn],
    ['a line of 0', (d) => (d.findings[0].resource.line = 0)],
    ['an unknown source', (d) => (d.findings[0].source = 'cloudformation')],
    ['a finding without id', (d) => delete d.findings[0].id],
    ['an extra finding field', (d) => (d.findings[0].note = 'x')],
    ['an extra top-level field', (d) => (d.extra = true)],
    ['schemaVersion 2', (d) => (d.schemaVersion = '2')],
    ['another tool name', (d) => (d.tool.name = 'checkov')],
    ['a missing summary count', (d) => delete d.summary.waived],
    ['a negative count', (d) => (d.summary.fail = -1)],
    ['a short sha256', (d) => (d.inputs[0].sha256 = 'abc')],
    ['a non date-time generatedAt', (d) => (d.generatedAt = 'yesterday')],
    ['a waiver without reason', (d) => delete d.waivers[0].reason],
    ['a finding waiver without expired', (d) => delete d.findings.find((f: any) => f.waiver).waiver.expired],
    ['an attestation dated badly', (d) => (d.attestations[0].date = '01/09/2026')],
    ['a profile without a threshold', (d) => delete d.profile.securityLogMinDays],
  ];
  for (const [name, breakIt] of broken) {
    it(`rejects ${name}`, () => {
      const doc = JSON.parse(renderJson(sampleResults()));
      breakIt(doc);
      expect(errorsOf(doc).length).toBeGreaterThan(0);
    });
  }

  it('leaves evidence and profile open (any keys, any JSON values)', () => {
    const doc = JSON.parse(renderJson(sampleResults()));
    doc.findings[0].evidence = { 'ingress[0].cidrBlocks': ['0.0.0.0/0'], nested: { a: [1, null, true] } };
    doc.profile.customThreshold = 5;
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe('json renderer', () => {
  it('writes 2-space indented JSON in contract key order with sorted findings', () => {
    const text = renderJson(sampleResults(), META);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": "1",');
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'generatedAt', 'inputs', 'findings', 'summary', 'profile', 'diagnostics', 'attestations', 'waivers']);
    expect(Object.keys(doc.findings[0]).slice(0, 6)).toEqual(['id', 'policyId', 'status', 'severity', 'category', 'controls']);
    // the finding order: worst status first, then most severe (checks/engine/order.ts)
    expect(doc.findings.map((f: any) => `${f.status} ${f.severity}`)).toEqual(['fail critical', 'fail high', 'error medium', 'unknown high', 'waived critical', 'pass high', 'pass medium']);
    expect(doc.findings[0].resource.address).toBe('aws_s3_bucket.records');
  });

  it('is byte-identical for the same input and for shuffled findings, and does not mutate its input', () => {
    const r = sampleResults();
    const before = JSON.stringify(r);
    const a = renderJson(r);
    expect(renderJson(r)).toBe(a);
    const s = withShuffledFindings(r);
    expect(s.findings.map((f) => f.id)).not.toEqual(r.findings.map((f) => f.id));
    expect(renderJson(s)).toBe(a);
    expect(JSON.stringify(r)).toBe(before);
  });

  it('sorts open-object keys so evidence insertion order does not matter', () => {
    const r = sampleResults();
    const r2: Results = { ...r, findings: r.findings.map((f) => ({ ...f, evidence: Object.fromEntries(Object.entries(f.evidence).reverse()) })) };
    expect(renderJson(r2)).toBe(renderJson(r));
  });

  it('keeps redacted evidence redacted, renders markers by their JSON form and re-redacts credentials', () => {
    const r = sampleResults();
    r.findings.push(
      finding({
        policyId: 'aws-rds-storage-encrypted',
        status: 'fail',
        address: 'aws_db_instance.legacy',
        evidence: {
          masterPassword: new SensitiveValue(true),
          'environment.DB_PASSWORD': SECRET,
          userData: `export KEY=${AWS_KEY}`,
          kmsKeyId: UNKNOWN,
          password: '(redacted)',
        },
      }),
    );
    const text = renderJson(r);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(AWS_KEY);
    const ev = JSON.parse(text).findings.find((f: any) => f.resource.address === 'aws_db_instance.legacy').evidence;
    expect(ev).toEqual({
      'environment.DB_PASSWORD': '(redacted)',
      kmsKeyId: '(known after apply)',
      masterPassword: '(redacted)', // a sensitive key is redacted whatever its value
      password: '(redacted)',
      userData: '(redacted)',
    });
    expect(errorsOf(JSON.parse(text))).toEqual([]);
  });
});
