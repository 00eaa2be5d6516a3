import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListPolicies,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListUserPolicies,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { facet, items, listAll, plain, type Collector, type Read } from './context.js';
import type { SnapshotResource } from '../snapshot.js';
import { pushAll } from '../../../util/push-all.js';

/** IAM returns policy documents URL-encoded. */
function decodeDocument(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(decodeURIComponent(raw));
  } catch {
    return raw;
  }
}

async function pages<T>(it: AsyncIterable<object>, key: string): Promise<T[]> {
  const out: T[] = [];
  for await (const p of it) pushAll(out, ((p as Record<string, unknown>)[key] as T[] | undefined) ?? []);
  return out;
}

/** Inline policies of a role or user: names, then each document. */
async function inlinePolicies(c: Collector, names: Read<string[]>, get: (name: string) => Promise<unknown>, action: string): Promise<Read<Array<{ PolicyName: string; PolicyDocument: unknown }>>> {
  if (!names.ok) return names as Read<never>;
  const docs: Array<{ PolicyName: string; PolicyDocument: unknown }> = [];
  for (const name of names.value) {
    const r = await c.read('iam', 'global', action, () => get(name));
    if (!r.ok) return r as Read<never>;
    docs.push({ PolicyName: name, PolicyDocument: decodeDocument((r.value as { PolicyDocument?: string }).PolicyDocument) });
  }
  return { ok: true, value: docs };
}

/** Fields of a credential report row the adapters read (no secrets: the report holds none). */
const REPORT_FIELDS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
];

/** The credential report's CSV (no quoted fields), rows keyed by ARN, with the fields the adapters read. */
export function parseCredentialReport(csv: string): Map<string, Record<string, string>> {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  const names = (head ?? '').split(',');
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    for (const f of REPORT_FIELDS) {
      const i = names.indexOf(f);
      if (i >= 0 && cells[i] !== undefined) row[f] = cells[i]!;
    }
    if (row.arn) rows.set(row.arn, row);
  }
  return rows;
}

/** Ask IAM for a fresh credential report (it is built asynchronously), then read it. */
async function credentialReport(c: Collector, client: IAMClient): Promise<Read<{ generatedAt: string; rows: Map<string, Record<string, string>> }>> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const gen = await c.read('iam', 'global', 'iam:GenerateCredentialReport', () => client.send(new GenerateCredentialReportCommand({})));
    if (!gen.ok) return gen as Read<never>;
    if (gen.value.State === 'COMPLETE') break;
    await new Promise((r) => setTimeout(r, 1000 + attempt * 500));
  }
  const got = await c.read('iam', 'global', 'iam:GetCredentialReport', () => client.send(new GetCredentialReportCommand({})));
  if (!got.ok) return got as Read<never>;
  const generatedAt = got.value.GeneratedTime ? new Date(got.value.GeneratedTime).toISOString() : '';
  return { ok: true, value: { generatedAt, rows: parseCredentialReport(new TextDecoder().decode(got.value.Content ?? new Uint8Array())) } };
}

/**
 * IAM (account-wide): the account summary (root MFA and access keys), the password policy, the credential
 * report (each user's row as its `credentialReport` facet); roles with trust policy,
 * inline and attached policies; users with inline and attached policies; customer-managed policies with
 * their default version's document. AWS-managed policies are referenced by ARN, not read.
 */
export async function collectIam(c: Collector, home: string): Promise<void> {
  const client = c.client(IAMClient, home);
  const global = c.settingsOf('global');
  const summary = await c.read('iam', 'global', 'iam:GetAccountSummary', () => client.send(new GetAccountSummaryCommand({})));
  facet(global, 'iamAccountSummary', summary, (v) => v.SummaryMap ?? {});

  // guard slice: the password policy (NoSuchEntity: no custom policy, an answer) and the credential report.
  const passwordPolicy = await c.read('iam', 'global', 'iam:GetAccountPasswordPolicy', () => client.send(new GetAccountPasswordPolicyCommand({})));
  if (!passwordPolicy.ok && !passwordPolicy.notConfigured && passwordPolicy.error.code === 'NoSuchEntity') global.data.iamPasswordPolicy = null;
  else facet(global, 'iamPasswordPolicy', passwordPolicy, (v) => v.PasswordPolicy ?? {});
  const report = await credentialReport(c, client);
  facet(global, 'credentialReportGeneratedAt', report, (v) => v.generatedAt);
  const rootArn = `arn:${c.partition}:iam::${c.accountId}:root`;
  if (report.ok && !report.value.rows.has(rootArn)) (global.errors ??= {}).rootCredentials = { code: 'NotInReport', message: 'the root user is not in the credential report', call: 'iam:GetCredentialReport' };
  else facet(global, 'rootCredentials', report, (v) => v.rows.get(rootArn));

  const [roles, users, policies] = await Promise.all([
    listAll(c, 'iam', 'global', 'iam:ListRoles', ['AWS::IAM::Role'], () => items(paginateListRoles({ client }, {}), (p) => p.Roles)),
    listAll(c, 'iam', 'global', 'iam:ListUsers', ['AWS::IAM::User'], () => items(paginateListUsers({ client }, {}), (p) => p.Users)),
    listAll(c, 'iam', 'global', 'iam:ListPolicies', ['AWS::IAM::ManagedPolicy'], () => items(paginateListPolicies({ client }, { Scope: 'Local' }), (p) => p.Policies)),
  ]);

  await Promise.all(
    (roles ?? []).map(async (r) => {
      const rec: SnapshotResource = { type: 'AWS::IAM::Role', arn: r.Arn!, region: 'global', account: c.accountId, data: plain({ ...r, AssumeRolePolicyDocument: decodeDocument(r.AssumeRolePolicyDocument) }) as Record<string, unknown> };
      const [names, attached] = await Promise.all([
        c.read('iam', 'global', 'iam:ListRolePolicies', () => pages<string>(paginateListRolePolicies({ client }, { RoleName: r.RoleName }), 'PolicyNames')),
        c.read('iam', 'global', 'iam:ListAttachedRolePolicies', () => pages<{ PolicyArn?: string }>(paginateListAttachedRolePolicies({ client }, { RoleName: r.RoleName }), 'AttachedPolicies')),
      ]);
      facet(rec, 'inlinePolicies', await inlinePolicies(c, names, (n) => client.send(new GetRolePolicyCommand({ RoleName: r.RoleName, PolicyName: n })), 'iam:GetRolePolicy'));
      facet(rec, 'attachedPolicies', attached, (v) => v.map((a) => a.PolicyArn));
      c.add(rec);
    }),
  );
  await Promise.all(
    (users ?? []).map(async (u) => {
      const rec: SnapshotResource = { type: 'AWS::IAM::User', arn: u.Arn!, region: 'global', account: c.accountId, data: plain(u) as Record<string, unknown> };
      const [names, attached] = await Promise.all([
        c.read('iam', 'global', 'iam:ListUserPolicies', () => pages<string>(paginateListUserPolicies({ client }, { UserName: u.UserName }), 'PolicyNames')),
        c.read('iam', 'global', 'iam:ListAttachedUserPolicies', () => pages<{ PolicyArn?: string }>(paginateListAttachedUserPolicies({ client }, { UserName: u.UserName }), 'AttachedPolicies')),
      ]);
      facet(rec, 'inlinePolicies', await inlinePolicies(c, names, (n) => client.send(new GetUserPolicyCommand({ UserName: u.UserName, PolicyName: n })), 'iam:GetUserPolicy'));
      facet(rec, 'attachedPolicies', attached, (v) => v.map((a) => a.PolicyArn));
      // A user created after the report was generated has no row: an error, never a guess.
      const row = report.ok ? report.value.rows.get(u.Arn!) : undefined;
      if (report.ok && !row) (rec.errors ??= {}).credentialReport = { code: 'NotInReport', message: `${u.UserName} is not in the credential report generated at ${report.value.generatedAt}`, call: 'iam:GetCredentialReport' };
      else facet(rec, 'credentialReport', report, () => row);
      c.add(rec);
    }),
  );
  await Promise.all(
    (policies ?? []).map(async (p) => {
      const rec: SnapshotResource = { type: 'AWS::IAM::ManagedPolicy', arn: p.Arn!, region: 'global', account: c.accountId, data: plain(p) as Record<string, unknown> };
      const v = await c.read('iam', 'global', 'iam:GetPolicyVersion', () => client.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: p.DefaultVersionId })));
      facet(rec, 'document', v, (x) => decodeDocument(x.PolicyVersion?.Document));
      c.add(rec);
    }),
  );
}
