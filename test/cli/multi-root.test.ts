import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { findingId } from '../../checks/engine/run.js';
import type { Finding, Results } from '../../checks/engine/types.js';
import { schemaValidator } from '../../checks/util/schemas.js';
import { cli } from './run.js';

/**
 * Several root modules in one scan keep apart (issue 11, item 5): the same address in two roots is two
 * findings, each naming its root, in the results document, the readiness report, JUnit and `diff`; the
 * account-level findings appear once; a single-root scan keeps the ids it always had.
 */
const work = mkdtempSync(join(tmpdir(), 'fr-multi-root-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ENCRYPTED = 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = true\n  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/abc"\n  tags              = { DataClassification = "student-data" }\n}\n';
const PLAIN = 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = false\n  tags              = { DataClassification = "student-data" }\n}\n';

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(work, rel)), { recursive: true });
  writeFileSync(join(work, rel), text);
}

write('envs/good/main.tf', ENCRYPTED);
write('envs/bad/main.tf', PLAIN);

const validate = schemaValidator('reports/schema/results.schema.json');
const readResults = (rel: string): Results => {
  const doc = JSON.parse(readFileSync(join(work, rel), 'utf8')) as Results;
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  return doc;
};
const ENC = 'aws-rds-instance-storage-encrypted';
const ofPolicy = (doc: Results, id: string) => doc.findings.filter((f) => f.policyId === id);

describe('scan envs/ (a directory of two root modules, one failing, one passing)', () => {
  const r = cli(['scan', 'envs', '-f', 'json=multi.json', '-f', 'junit=multi.xml', '-f', 'sarif=multi.sarif', '-f', 'text'], { cwd: work });
  const doc = readResults('multi.json');

  it('exits 1 and lists both inputs', () => {
    expect(r.code, r.stderr).toBe(1);
    expect(doc.inputs.map((i) => i.path)).toEqual(['envs/bad', 'envs/good']);
  });

  it('gives the same address in each root its own finding, id, file and input', () => {
    const enc = ofPolicy(doc, ENC);
    expect(enc.map((f) => [f.status, f.input, f.resource.address, f.resource.file])).toEqual([
      ['fail', 'envs/bad', 'aws_db_instance.main', 'bad/main.tf'],
      ['pass', 'envs/good', 'aws_db_instance.main', 'good/main.tf'],
    ]);
    expect(new Set(enc.map((f) => f.id)).size).toBe(2);
    expect(new Set(doc.findings.map((f) => f.id)).size).toBe(doc.findings.length);
    expect(r.stdout).toContain('(bad/main.tf:3)');
  });

  it('reports account-level findings once per account and region, not once per root', () => {
    for (const id of ['aws-account-has-multi-region-trail', 'aws-ebs-default-encryption', 'aws-account-s3-public-access-block']) {
      expect(ofPolicy(doc, id), id).toHaveLength(1);
    }
    expect(doc.findings.filter((f) => f.resource.kind === 'aws.account').every((f) => f.id === findingId(f.policyId, { id: 'account', source: 'hcl' }))).toBe(true);
  });

  it('JUnit has one uniquely named case per root, the failure in the bad root', () => {
    const xml = readFileSync(join(work, 'multi.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(xml);
    for (const suite of parsed.testsuites.testsuite) {
      const names = suite.testcase.map((c: { name: string }) => c.name);
      expect(new Set(names).size, suite.name).toBe(names.length);
    }
    const cases = parsed.testsuites.testsuite.find((s: { name: string }) => s.name === ENC).testcase;
    expect(cases.map((c: { name: string; file: string; failure?: unknown }) => [c.name, c.file, Boolean(c.failure)])).toEqual([
      ['aws_db_instance.main [envs/bad]', 'envs/bad/main.tf', true],
      ['aws_db_instance.main [envs/good]', 'envs/good/main.tf', false],
    ]);
  });

  it('SARIF names each file from the working directory, with distinct fingerprints', () => {
    const sarif = JSON.parse(readFileSync(join(work, 'multi.sarif'), 'utf8'));
    const enc = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === ENC);
    expect(enc.map((x: any) => [x.locations[0].physicalLocation.artifactLocation.uri, x.properties.input])).toEqual([['envs/bad/main.tf', 'envs/bad']]);
  });

  it('the readiness report shows both, each with its root, and does not call the control ready', () => {
    const rep = cli(['report', '--results', 'multi.json', '-f', 'json=readiness.json'], { cwd: work });
    expect(rep.code, rep.stderr).toBeLessThan(2);
    const report = JSON.parse(readFileSync(join(work, 'readiness.json'), 'utf8'));
    const control = report.controls.find((c: { id: string }) => c.id === 'FERPA-ENC-01');
    expect(control.status).toBe('not-ready');
    const items = control.evidence.filter((e: { policyId: string }) => e.policyId === ENC);
    expect(items.map((e: any) => [e.status, e.input, e.location])).toEqual([
      ['fail', 'envs/bad', 'bad/main.tf:3'],
      ['pass', 'envs/good', 'good/main.tf:1'],
    ]);
  });
});

describe('scan good bad (two root folders named on the command line)', () => {
  it('keeps them apart with files relative to the folder holding both', () => {
    const r = cli(['scan', 'envs/good', 'envs/bad', '-f', 'json=two.json'], { cwd: work });
    expect(r.code, r.stderr).toBe(1);
    const enc = ofPolicy(readResults('two.json'), ENC);
    expect(enc.map((f) => [f.status, f.input, f.resource.file])).toEqual([
      ['fail', 'envs/bad', 'bad/main.tf'],
      ['pass', 'envs/good', 'good/main.tf'],
    ]);
  });
});

describe('a single root module keeps its ids, files and outputs', () => {
  it('ids carry no root, files stay relative to the root, and no input field is added', () => {
    const r = cli(['scan', 'envs/bad', '-f', 'json=single.json'], { cwd: work });
    expect(r.code, r.stderr).toBe(1);
    const doc = readResults('single.json');
    const [f] = ofPolicy(doc, ENC) as [Finding];
    expect(f.id).toBe(findingId(ENC, { id: 'aws_db_instance.main', source: 'hcl' }));
    expect(f.resource.file).toBe('main.tf');
    expect(doc.findings.some((x) => 'input' in x)).toBe(false);
  });
});

describe('diff between stored runs of a multi-root scan', () => {
  it('reports the finding that broke in one root as new, with its root, while the other still passes', () => {
    const store = join(work, 'store');
    cpSync(join(work, 'envs'), join(work, 'later'), { recursive: true });
    writeFileSync(join(work, 'later/bad/main.tf'), ENCRYPTED);
    expect(cli(['scan', 'later', '--store', store, '-f', 'json=/dev/null'], { cwd: work }).code).toBeLessThan(2);
    writeFileSync(join(work, 'later/bad/main.tf'), PLAIN);
    expect(cli(['scan', 'later', '--store', store, '-f', 'json=/dev/null'], { cwd: work }).code).toBe(1);
    const d = cli(['diff', '--store', store, '--format', 'json'], { cwd: work });
    expect(d.code, d.stderr).toBe(0);
    const diff = JSON.parse(d.stdout) as { new: Array<{ policyId: string; input?: string; resource: string }> };
    expect(diff.new.filter((e) => e.policyId === ENC)).toEqual([expect.objectContaining({ input: 'later/bad', resource: 'aws_db_instance.main' })]);
    expect(diff.new.some((e) => e.input === 'later/good')).toBe(false);
    const text = cli(['diff', '--store', store], { cwd: work });
    expect(text.stdout).toMatch(new RegExp(`${ENC}  aws_db_instance\\.main  \\(later/bad, hcl; pass -> fail\\)`));
  });
});
