// The Patriot variant of the reference stack (environments/patriot): the production stack with the
// Patriot Compliance design's numbers. Scanned against FedRAMP with the organisation's seven-year
// backup schedule it is clean; scanned against FERPA the same backups break the disposition ceiling;
// judged against both at once the scan refuses, naming the parameters. Through the real CLI.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { STACK_DIR } from '../../scripts/mutate.js';

const ENV = 'reference-stack/terraform/environments/patriot';
const CONFIG = `${ENV}/.ferpa-ready.yaml`;

interface Profiled {
  param: string;
  value: unknown;
  framework: string;
  source: string;
}
interface Doc {
  summary: Record<string, number>;
  frameworks?: Array<{ id: string }>;
  findings: Array<{ policyId: string; status: string; resource: { address: string }; frameworks?: Record<string, string[]>; evidence: { profile?: Profiled[] } & Record<string, unknown>; waiver?: { policy: string } }>;
}

function scan(frameworks: string[]): { code: number; doc: Doc; stderr: string } {
  const r = cli(['scan', ENV, '--config', CONFIG, ...frameworks.flatMap((f) => ['--framework', f]), '--format', 'json', '--fail-on', 'low']);
  return { code: r.code, doc: r.stdout ? (JSON.parse(r.stdout) as Doc) : ({} as Doc), stderr: r.stderr };
}
const byPolicy = (doc: Doc, id: string) => doc.findings.filter((f) => f.policyId === id);

describe('the Patriot variant against FedRAMP Moderate', () => {
  const { code, doc, stderr } = scan(['fedramp-moderate']);

  it('scans clean: no fail, no error, one unknown by design; the one waiver is the Aurora floor RDS cannot reach', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The organisation's region-deny SCP lives in the management account's stack, not this member stack: needs live verification.
    expect(doc.summary).toMatchObject({ fail: 0, error: 0, unknown: 1, waived: 1 });
    expect(doc.findings.filter((f) => f.status === 'unknown').map((f) => `${f.policyId} ${f.resource.address}`)).toEqual(['aws-scp-denies-unapproved-regions account']);
    expect(doc.summary.pass).toBeGreaterThan(200);
    const waived = doc.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => [f.policyId, f.resource.address])).toEqual([['aws-rds-cluster-backup-retention-floor', 'module.database.aws_rds_cluster.this']]);
    expect(waived[0]!.evidence.backupRetentionPeriod).toBe(35);
  });

  it('passes backup retention on both plans, and names backupMinDays = 2555 as set in the configuration for FedRAMP', () => {
    const plans = byPolicy(doc, 'aws-backup-plan-retention-bounded');
    expect(plans.map((f) => f.resource.address).sort()).toEqual(['module.backup.aws_backup_plan.this', 'module.backup.aws_backup_plan.weekly["weekly"]']);
    for (const f of plans) {
      expect(f.status).toBe('pass');
      expect(f.evidence.profile).toContainEqual({ param: 'backupMinDays', value: 2555, framework: 'fedramp-moderate', source: 'config' });
      expect(f.frameworks!['fedramp-moderate']).toContain('CP-9');
    }
    const weekly = plans.find((f) => f.resource.address.includes('weekly'))!;
    expect(weekly.evidence['rules[0].deleteAfter']).toBe(2555);
    expect(weekly.evidence['rules[0].copyActions[0].deleteAfter']).toBe(2555);
  });

  it('keeps TLS 1.3 only at the edge with a FIPS policy FedRAMP allows, and copies backups to an approved second region', () => {
    const tls = byPolicy(doc, 'aws-lb-listener-tls-policy-approved');
    expect(tls.map((f) => f.status)).toEqual(['pass']);
    expect(JSON.stringify(tls[0]!.evidence)).toContain('ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04');
    expect(tls[0]!.evidence.profile![0]).toMatchObject({ param: 'tlsPolicies', framework: 'fedramp-moderate', source: 'framework' });
    const copy = byPolicy(doc, 'aws-backup-copy-in-approved-region').find((f) => f.resource.address.includes('weekly'))!;
    expect(copy.status).toBe('pass');
    expect(String(copy.evidence['rules[0].copyActions[0].destinationVaultArn'])).toMatch(/^arn:aws:backup:us-west-2:.*\[us-west-2\]$/);
  });
});

describe('the Patriot variant against FERPA', () => {
  const { code, doc } = scan(['ferpa']);

  it('fails the backup retention ceiling on both plans and both vault locks, naming dispositionDays = 60 (and not the floor they meet)', () => {
    const failing = doc.findings.filter((f) => f.status === 'fail');
    expect(failing.map((f) => `${f.policyId} ${f.resource.address}`).sort()).toEqual([
      'aws-backup-plan-retention-bounded module.backup.aws_backup_plan.this',
      'aws-backup-plan-retention-bounded module.backup.aws_backup_plan.weekly["weekly"]',
      'aws-backup-vault-locked aws_backup_vault.dr',
      'aws-backup-vault-locked module.backup.aws_backup_vault.this',
    ]);
    for (const f of failing) expect(f.evidence.profile).toEqual([{ param: 'dispositionDays', value: 60, framework: 'ferpa', source: 'framework' }]);
    expect(byPolicy(doc, 'aws-backup-plan-retention-bounded')[0]!.frameworks).toEqual({ ferpa: ['FERPA-BAK-01', 'FERPA-RET-01', 'FERPA-DEL-01'] });
    expect(code).toBe(1);
  });

  it('finds nothing else wrong: the Aurora floor the FedRAMP scan waives passes under FERPA\'s 7 days', () => {
    // The one unknown is the organisation's region-deny SCP, which this member stack does not hold.
    expect(doc.summary).toMatchObject({ fail: 4, error: 0, unknown: 1, waived: 0 });
    const floor = byPolicy(doc, 'aws-rds-cluster-backup-retention-floor')[0]!;
    expect(floor.status).toBe('pass');
    expect(floor.evidence.profile).toEqual([{ param: 'backupMinDays', value: 7, framework: 'ferpa', source: 'framework' }]);
  });
});

describe('the Patriot variant against FERPA and FedRAMP at once', () => {
  it('refuses with exit 2 and one line naming the ceiling, the floor, their values and frameworks', () => {
    const { code, stderr, doc } = scan(['ferpa', 'fedramp-moderate']);
    expect(code).toBe(2);
    expect(doc).toEqual({});
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--framework ferpa + fedramp-moderate: the profiles conflict: ceiling dispositionDays = 60 (ferpa) is below floor backupMinDays = 2555 (fedramp-moderate, set in the configuration)');
  });
});

describe('the Patriot variant follows the design', () => {
  it('three zones and three subnet tiers, Aurora backups 35 days, AWS Backup daily and weekly kept seven years, weekly to cold storage after 30 days and copied to us-west-2', async () => {
    const { readHcl } = await import('../../checks/sources/hcl/index.js');
    const recs = (await readHcl([join(STACK_DIR, 'environments', 'patriot')], { env: {} })).records as Array<{ type: string; address: string; values: Record<string, unknown> }>;
    const of = (type: string) => recs.filter((r) => r.type === type);
    expect(of('aws_subnet')).toHaveLength(9);
    expect(new Set(of('aws_subnet').map((r) => (r.values.tags as Record<string, string>).Tier))).toEqual(new Set(['public', 'private', 'data']));
    expect(of('aws_nat_gateway')).toHaveLength(3);
    expect(of('aws_flow_log')).toHaveLength(1);
    const cluster = of('aws_rds_cluster')[0]!.values;
    expect(cluster).toMatchObject({ backup_retention_period: 35, deletion_protection: true, storage_encrypted: true, iam_database_authentication_enabled: true, enabled_cloudwatch_logs_exports: ['postgresql'] });
    expect(of('aws_rds_cluster_instance').every((r) => r.values.performance_insights_enabled === true)).toBe(true);
    const plans = Object.fromEntries(of('aws_backup_plan').map((r) => [r.address, r.values.rule as Array<Record<string, unknown>>]));
    const lifecycle = (rule: Record<string, unknown>) => (rule.lifecycle as Array<Record<string, unknown>>)[0]!;
    expect(lifecycle(plans['module.backup.aws_backup_plan.this']![0]!)).toMatchObject({ delete_after: 2555 });
    const weekly = plans['module.backup.aws_backup_plan.weekly["weekly"]']![0]!;
    expect(weekly.schedule).toBe('cron(0 6 ? * SUN *)');
    expect(lifecycle(weekly)).toMatchObject({ cold_storage_after: 30, delete_after: 2555 });
    const copy = (weekly.copy_action as Array<Record<string, unknown>>)[0]!;
    expect(copy.destination_vault_arn).toBe('arn:aws:backup:us-west-2:111122223333:backup-vault:ferpa-patriot-dr-vault');
    expect(lifecycle(copy)).toMatchObject({ cold_storage_after: 30, delete_after: 2555 });
    expect(of('aws_lb_listener').find((r) => r.values.port === 443)!.values.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04');
    expect(of('aws_wafv2_web_acl_association')).toHaveLength(1);
  });

  it('the weekly plan is off in mvp and production (their stacks are unchanged by it)', async () => {
    const { readHcl } = await import('../../checks/sources/hcl/index.js');
    for (const env of ['mvp', 'production']) {
      const recs = (await readHcl([join(STACK_DIR, 'environments', env)], { env: {} })).records as Array<{ type: string; address: string }>;
      expect(recs.filter((r) => r.type === 'aws_backup_plan').map((r) => r.address), env).toEqual(['module.backup.aws_backup_plan.this']);
    }
  });
});

describe('the Patriot FedRAMP readiness report', () => {
  it('scan --framework fedramp-moderate --format html renders the FedRAMP report: CA-8 attested, CP-9 waived with its control named, the crosswalk to FERPA', () => {
    const r = cli(['scan', ENV, '--config', CONFIG, '--framework', 'fedramp-moderate', '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toContain('<title>FedRAMP Moderate readiness report</title>');
    expect(html).toMatch(/<article class="control" id="CA-8"[^>]*><header><span class="id">CA-8<\/span><h3>Penetration Testing<\/h3><span class="pill"[^>]*>Attested<\/span>/);
    expect(html).toMatch(/<article class="control" id="CP-9"[^>]*><header>.*?<span class="pill"[^>]*>Waived<\/span>/);
    expect(html).toMatch(/<td data-label="Policy"><code>aws-rds-cluster-backup-retention-floor<\/code><\/td><td data-label="Controls"><a href="#CP-9"><code>CP-9<\/code><\/a><\/td>/);
    // FERPA's incident-response attestation belongs to the FERPA report, not this one
    expect(html).not.toContain('IRP-2026 v3');
    expect(html).toMatch(/<a href="#CP-9"><code>CP-9<\/code><\/a><\/td><td class="n" data-label="Policies">\d+<\/td><td class="n" data-label="Findings">\d+<\/td><td data-label="FERPA controls">[^<]*(<code[^>]*>FERPA-[A-Z]+-\d+<\/code>(, )?)*<code title="[^"]*">FERPA-BAK-01<\/code>/);
  });
});
