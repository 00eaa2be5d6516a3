import {
  GetAccountSummaryCommand,
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

/**
 * IAM (account-wide): the account summary (root MFA and access keys); roles with trust policy,
 * inline and attached policies; users with inline and attached policies; customer-managed policies with
 * their default version's document. AWS-managed policies are referenced by ARN, not read.
 */
export async function collectIam(c: Collector, home: string): Promise<void> {
  const client = c.client(IAMClient, home);
  const global = c.settingsOf('global');
  const summary = await c.read('iam', 'global', 'iam:GetAccountSummary', () => client.send(new GetAccountSummaryCommand({})));
  facet(global, 'iamAccountSummary', summary, (v) => v.SummaryMap ?? {});

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
