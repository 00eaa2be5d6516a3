import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli, REPO } from '../cli/run.js';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateResults = ajv.compile(JSON.parse(readFileSync(join(REPO, 'reports/schema/results.schema.json'), 'utf8')));

const root = mkdtempSync(join(tmpdir(), 'fr-framework-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A security log group kept 180 days, under a DPA whose log floor is 90 days (FERPA's default is 365).
const stack = join(root, 'stack');
mkdirSync(stack);
writeFileSync(
  join(stack, 'main.tf'),
  `provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/security/audit"
  retention_in_days = 180
  tags = {
    DataClassification = "security-log"
  }
}
`,
);
writeFileSync(join(root, '.ferpa-ready.yaml'), 'profile:\n  securityLogMinDays: 90\n');

interface Doc {
  frameworks?: Array<{ id: string }>;
  profile: Record<string, unknown>;
  findings: Array<{ policyId: string; status: string; controls: string[]; frameworks?: Record<string, string[]>; evidence: Record<string, unknown> }>;
}
function scanJson(args: string[]): { code: number; doc: Doc; stderr: string } {
  const r = cli(['scan', 'stack', '--format', 'json', '--fail-on', 'medium', ...args], { cwd: root });
  const doc = JSON.parse(r.stdout) as Doc;
  expect(validateResults(doc), JSON.stringify(validateResults.errors)).toBe(true);
  return { code: r.code, doc, stderr: r.stderr };
}
const floorOf = (doc: Doc) => doc.findings.find((f) => f.policyId === 'aws-log-group-retention-floor')!;

describe('scan --framework judges with the framework profile and says which parameter decided', () => {
  it('default scan: the DPA floor (90) passes the 180-day group, and the findings carry no framework fields', () => {
    const { code, doc } = scanJson([]);
    const f = floorOf(doc);
    expect(f.status).toBe('pass');
    expect(f.controls).toEqual(['FERPA-LOG-05']);
    expect(f.frameworks).toBeUndefined();
    expect(f.evidence.profile).toBeUndefined();
    expect(doc.frameworks).toBeUndefined();
    expect(doc.profile.securityLogMinDays).toBe(90);
    expect(code).toBe(0);
  });

  it("--framework fedramp-moderate: FedRAMP's AU-11 floor (365 days) fails the same group, and the evidence names the parameter and the framework", () => {
    const { code, doc } = scanJson(['--framework', 'fedramp-moderate']);
    const f = floorOf(doc);
    expect(f.status).toBe('fail');
    expect(f.evidence.profile).toEqual([{ framework: 'fedramp-moderate', param: 'securityLogMinDays', source: 'framework', value: 365 }]);
    expect(f.evidence.retentionDays).toBe(180);
    expect(f.frameworks).toEqual({ 'fedramp-moderate': ['AU-11'] });
    expect(f.controls).toEqual(['FERPA-LOG-05']);
    expect(doc.frameworks!.map((x) => x.id)).toEqual(['fedramp-moderate']);
    expect(doc.profile.securityLogMinDays).toBe(365);
    expect(code).toBe(1);
  });

  it('--framework ferpa: the DPA value decides and is named as set in the configuration', () => {
    const f = floorOf(scanJson(['--framework', 'ferpa']).doc);
    expect(f.status).toBe('pass');
    expect(f.evidence.profile).toEqual([{ framework: 'ferpa', param: 'securityLogMinDays', source: 'config', value: 90 }]);
    expect(f.frameworks).toEqual({ ferpa: ['FERPA-LOG-05'] });
  });

  it('two frameworks at once: the larger floor (FedRAMP) decides, and the finding carries both frameworks\' ids', () => {
    const { doc } = scanJson(['--framework', 'ferpa', '--framework', 'soc2', '--framework', 'fedramp-moderate']);
    const f = floorOf(doc);
    expect(f.status).toBe('fail');
    expect(f.evidence.profile).toEqual([{ framework: 'fedramp-moderate', param: 'securityLogMinDays', source: 'framework', value: 365 }]);
    expect(f.frameworks).toEqual({ ferpa: ['FERPA-LOG-05'], soc2: ['CC7.2'], 'fedramp-moderate': ['AU-11'] });
  });

  it('SARIF and JUnit carry the selected framework ids; without --framework they do not', () => {
    const sarif = JSON.parse(cli(['scan', 'stack', '--framework', 'fedramp-moderate', '--format', 'sarif'], { cwd: root }).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'aws-log-group-retention-floor');
    expect(rule.properties.tags).toContain('fedramp-moderate:AU-11');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'aws-log-group-retention-floor');
    expect(result.properties.frameworks).toEqual({ 'fedramp-moderate': ['AU-11'] });
    expect(sarif.runs[0].properties.frameworks).toEqual([{ id: 'fedramp-moderate', version: '2026.11.1' }]);
    const junit = cli(['scan', 'stack', '--framework', 'fedramp-moderate', '--format', 'junit'], { cwd: root }).stdout;
    expect(junit).toContain('<property name="framework:fedramp-moderate" value="AU-11"/>');
    expect(junit).toMatch(/<failure [^>]*>[^<]*fedramp-moderate: AU-11/);
    const plain = cli(['scan', 'stack', '--format', 'sarif', '--format', 'junit'], { cwd: root }).stdout;
    expect(plain).not.toContain('fedramp');
  });

  it('conflicting profiles are a usage error naming the parameters and frameworks, on one line, with nothing on stdout', () => {
    const conf = join(root, 'patriot.yaml');
    writeFileSync(conf, 'frameworkProfiles:\n  fedramp-moderate:\n    backupMinDays: 2555\n');
    const r = cli(['scan', 'stack', '--config', conf, '--framework', 'ferpa', '--framework', 'fedramp-moderate', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/dispositionDays = 60 \(ferpa\) is below floor backupMinDays = 2555 \(fedramp-moderate/);
  });

  it('an unknown framework is a usage error listing the known ones', () => {
    const r = cli(['scan', 'stack', '--framework', 'hipaa'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--framework: unknown framework "hipaa" \(one of fedramp-moderate, ferpa, nist-800-53-moderate, soc2\)/);
  });
});

describe('policies list --framework', () => {
  it('lists the policies a framework maps with that framework\'s control ids', () => {
    const r = cli(['policies', 'list', '--framework', 'soc2', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; controls: string[]; frameworks: Record<string, string[]> }>;
    const floor = list.find((p) => p.id === 'aws-log-group-retention-floor')!;
    expect(floor.frameworks).toEqual({ soc2: ['CC7.2'] });
    expect(floor.controls).toEqual(['FERPA-LOG-05']);
    for (const p of list) expect(p.frameworks.soc2!.length, p.id).toBeGreaterThan(0);
  });

  it('text: the CONTROLS column holds the framework\'s ids and the footer counts what it maps', () => {
    const r = cli(['policies', 'list', '--framework', 'nist-800-53-moderate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^aws-log-group-retention-floor\s+medium\s+retention\s+hcl,plan,live\s+AU-11$/m);
    expect(r.stdout).not.toMatch(/^aws-lb-deletion-protection /m);
    // every core policy but those nist-800-53-moderate.yaml lists as unmapped (aws-lb-deletion-protection, ...)
    const total = readdirSync(join(REPO, 'policies')).filter((f) => f.endsWith('.policy.yaml')).length;
    const unmapped = Object.keys((parseYaml(readFileSync(join(REPO, 'policies/frameworks/nist-800-53-moderate.yaml'), 'utf8')) as { unmappedPolicies: Record<string, string> }).unmappedPolicies);
    expect(unmapped).toContain('aws-lb-deletion-protection');
    expect(r.stdout).toMatch(new RegExp(`^${total - unmapped.length} of ${total} policies mapped by nist-800-53-moderate`, 'm'));
  });
});
