import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04Module from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { FINGERPRINT_KEY, renderSarif } from '../../reports/sarif.js';
import { AWS_KEY, finding, META, sampleResults, SECRET, withShuffledFindings } from './sample.js';

// The official SARIF 2.1.0 schema (OASIS, draft-04), as shipped in Microsoft's @microsoft/jest-sarif (MIT).
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const sarifSchema = JSON.parse(readFileSync(schemaFile, 'utf8'));
type AjvLike = { compile(schema: object): ValidateFunction };
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as new (opts: object) => AjvLike;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's `language` pattern is not valid with the u flag;
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}

const parse = (r: Results) => JSON.parse(renderSarif(r, META));
const resultFor = (log: any, address: string) => log.runs[0].results.find((x: any) => x.locations[0].logicalLocations[0].fullyQualifiedName === address);

describe('sarif renderer', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifSchema.title).toMatch(/SARIF\) Version 2\.1\.0/);
    expect(sarifErrors(parse(sampleResults()))).toEqual([]);
  });

  it('the schema check can fail (a broken log is rejected)', () => {
    const log = parse(sampleResults());
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    expect(sarifErrors(log).length).toBeGreaterThan(0);
  });

  it('describes the tool and one rule per policy that appears, with help and security-severity', () => {
    const log = parse(sampleResults());
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('ferpa-ready');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: any) => r.id)).toEqual(['aws-cloudtrail-multi-region', 'aws-rds-storage-encrypted', 'aws-s3-public-access-blocked']);
    const rds = driver.rules[1];
    expect(rds.shortDescription.text).toBe(META[0]!.title);
    expect(rds.fullDescription.text).toBe(META[0]!.description);
    expect(rds.help.text).toContain('storage_encrypted = true');
    expect(rds.help.markdown).toContain('```hcl\nstorage_encrypted = true');
    expect(rds.help.markdown).toContain('aws rds modify-db-instance');
    expect(rds.helpUri).toBe(META[0]!.references[0]);
    expect(rds.properties['security-severity']).toBe('8.0');
    expect(rds.properties.tags).toEqual(expect.arrayContaining(['encryption', 'FERPA-ENC-01']));
    expect(rds.properties.precision).toBeDefined();
    const s3 = driver.rules[2];
    expect(s3.properties['security-severity']).toBe('9.5');
    expect(s3.properties.tags).toEqual(expect.arrayContaining(['access', 'FERPA-ACC-01', 'FERPA-ENC-02']));
    expect(driver.rules[0].properties['security-severity']).toBe('5.5');
    // a reference that is not a URL is not used as helpUri
    expect(driver.rules[0].helpUri).toBeUndefined();
  });

  it('maps severities to the documented security-severity strings', () => {
    const r = sampleResults();
    r.findings = (['critical', 'high', 'medium', 'low', 'info'] as const).map((severity, i) =>
      finding({ policyId: `p-${i}`, status: 'fail', severity, address: `aws_s3_bucket.b${i}` }),
    );
    const rules = parse(r).runs[0].tool.driver.rules;
    expect(rules.map((x: any) => x.properties['security-severity'])).toEqual(['9.5', '8.0', '5.5', '3.0', '1.0']);
    expect(sarifErrors(parse(r))).toEqual([]);
  });

  it('reports fail, error, unknown and waived findings, not passes, with the right levels', () => {
    const log = parse(sampleResults());
    const results = log.runs[0].results;
    expect(results).toHaveLength(5);
    expect(results.every((x: any) => x.properties.status !== 'pass')).toBe(true);
    expect(resultFor(log, 'module.db.aws_db_instance.main[0]').level).toBe('error'); // high fail
    expect(resultFor(log, 'aws_s3_bucket.records').level).toBe('error'); // critical fail
    expect(resultFor(log, 'aws_db_instance.replica').level).toBe('note'); // unknown
    expect(resultFor(log, 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main').level).toBe('note'); // error
    const r = sampleResults();
    r.findings = [
      finding({ policyId: 'a', status: 'fail', severity: 'medium', address: 'x.m' }),
      finding({ policyId: 'a', status: 'fail', severity: 'low', address: 'x.l' }),
      finding({ policyId: 'a', status: 'fail', severity: 'info', address: 'x.i' }),
    ];
    const levels = parse(r).runs[0].results.map((x: any) => [x.locations[0].logicalLocations[0].fullyQualifiedName, x.level]);
    expect(levels).toEqual([['x.m', 'warning'], ['x.l', 'note'], ['x.i', 'note']]);
  });

  it('marks waived findings as external suppressions with the justification', () => {
    const log = parse(sampleResults());
    const waived = resultFor(log, 'aws_s3_bucket.website');
    expect(waived.suppressions).toHaveLength(1);
    expect(waived.suppressions[0].kind).toBe('external');
    expect(waived.suppressions[0].justification).toContain('public course catalogue, no student data');
    // an expired waiver does not suppress
    expect(resultFor(log, 'aws_s3_bucket.records').suppressions).toBeUndefined();
    expect(resultFor(log, 'aws_s3_bucket.records').properties.waiver.expired).toBe(true);
  });

  it('locates results by relative file URI and line, and logically by address or ARN', () => {
    const log = parse(sampleResults());
    const s3 = resultFor(log, 'aws_s3_bucket.records');
    expect(s3.locations[0].physicalLocation.artifactLocation.uri).toBe('storage/s3%20buckets.tf');
    expect(s3.locations[0].physicalLocation.region.startLine).toBe(4);
    const live = resultFor(log, 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main');
    expect(live.locations[0].physicalLocation).toBeUndefined();
    expect(live.properties.account).toBe('123456789012');
    const rules = log.runs[0].tool.driver.rules;
    for (const x of log.runs[0].results) expect(rules[x.ruleIndex].id).toBe(x.ruleId);
    expect(s3.properties.controls).toEqual(['FERPA-ACC-01', 'FERPA-ENC-02']);
    expect(s3.properties.evidence).toEqual({ publicAccessBlock: { blockPublicAcls: false } });
  });

  it('fingerprints results by finding id: stable across messages, lines and order', () => {
    const r = sampleResults();
    const before = parse(r).runs[0].results.map((x: any) => [x.ruleId, x.locations[0].logicalLocations[0].fullyQualifiedName, x.partialFingerprints[FINGERPRINT_KEY]]);
    for (const [, , fp] of before) expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(before.map((x: any) => x[2])).size).toBe(before.length);
    const moved: Results = {
      ...withShuffledFindings(r),
      findings: withShuffledFindings(r).findings.map((f) => ({ ...f, message: `${f.message} (reworded)`, resource: { ...f.resource, line: (f.resource.line ?? 0) + 10 } })),
    };
    const after = parse(moved).runs[0].results.map((x: any) => [x.ruleId, x.locations[0].logicalLocations[0].fullyQualifiedName, x.partialFingerprints[FINGERPRINT_KEY]]);
    expect(after).toEqual(before);
  });

  it('is byte-identical for the same and for shuffled input', () => {
    const r = sampleResults();
    expect(renderSarif(withShuffledFindings(r), META)).toBe(renderSarif(r, META));
    expect(renderSarif(r, [...META].reverse())).toBe(renderSarif(r, META));
  });

  it('works without policy metadata (falls back to the policy id) and never shows secrets', () => {
    const r = sampleResults();
    r.findings.push(finding({ policyId: 'custom-policy', status: 'fail', address: 'aws_ecs_task_definition.api', evidence: { 'environment.API_TOKEN': SECRET, note: AWS_KEY } }));
    const text = renderSarif(r, []);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(AWS_KEY);
    const log = JSON.parse(text);
    expect(sarifErrors(log)).toEqual([]);
    const rule = log.runs[0].tool.driver.rules.find((x: any) => x.id === 'custom-policy');
    expect(rule.shortDescription.text).toBe('custom-policy');
    expect(rule.name).toBe('CustomPolicy');
  });
});
