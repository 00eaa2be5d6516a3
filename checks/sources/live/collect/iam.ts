import { GetAccountSummaryCommand, IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
import { facet, items, listAll, plain, type Collector } from './context.js';

/** IAM (account-wide): the account summary (root MFA and access keys) and roles with their trust policies. */
export async function collectIam(c: Collector, home: string): Promise<void> {
  const client = c.client(IAMClient, home);
  const global = c.settingsOf('global');
  const summary = await c.read('iam', 'global', 'iam:GetAccountSummary', () => client.send(new GetAccountSummaryCommand({})));
  facet(global, 'iamAccountSummary', summary, (v) => v.SummaryMap ?? {});
  const roles = await listAll(c, 'iam', 'global', 'iam:ListRoles', ['AWS::IAM::Role'], () => items(paginateListRoles({ client }, {}), (p) => p.Roles));
  for (const r of roles ?? []) {
    let trust: unknown = r.AssumeRolePolicyDocument;
    if (typeof trust === 'string') {
      try {
        trust = JSON.parse(decodeURIComponent(trust));
      } catch {
        /* keep the text */
      }
    }
    c.add({ type: 'AWS::IAM::Role', arn: r.Arn!, region: 'global', account: c.accountId, data: plain({ ...r, AssumeRolePolicyDocument: trust }) as Record<string, unknown> });
  }
}
