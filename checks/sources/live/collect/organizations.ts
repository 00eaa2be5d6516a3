import { DescribePolicyCommand, ListParentsCommand, OrganizationsClient, paginateListPolicies, paginateListTargetsForPolicy, type PolicyTargetSummary } from '@aws-sdk/client-organizations';
import { facet, items, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::Organizations::Policy';

/** OUs nest at most five deep under the root; a longer walk means a misbehaving endpoint. */
const MAX_DEPTH = 8;

/**
 * org slice (issue 14, wave 4): the service control policies of the caller's organisation (ListPolicies,
 * DescribePolicy for the content, ListTargetsForPolicy) and where the audited account sits in it (the
 * `organizationTargets` setting: the account, its parent OUs and the root, from ListParents). An account in
 * no organisation records `[]` and lists nothing; a member account, which may not read policies, records the
 * failed calls, so the residency policy reports `error` for it (never a pass).
 */
export async function collectOrganizations(c: Collector, home: string): Promise<void> {
  // Organizations has one endpoint per partition; the SDK resolves it from any region.
  const client = c.client(OrganizationsClient, home);
  const global = c.settingsOf('global');
  const chain = await c.read('organizations', 'global', 'organizations:ListParents', async () => {
    const ids = [c.accountId];
    let child = c.accountId;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const parent = (await client.send(new ListParentsCommand({ ChildId: child }))).Parents?.[0];
      if (!parent?.Id) break;
      ids.push(parent.Id);
      if (parent.Type === 'ROOT') break;
      child = parent.Id;
    }
    return ids;
  });
  if (!chain.ok && !chain.notConfigured && chain.error.code === 'AWSOrganizationsNotInUseException') {
    global.data.organizationTargets = [];
    return;
  }
  facet(global, 'organizationTargets', chain);

  const policies = await listAll(c, 'organizations', 'global', 'organizations:ListPolicies', [TYPE], () => items(paginateListPolicies({ client }, { Filter: 'SERVICE_CONTROL_POLICY' }), (p) => p.Policies));
  await Promise.all(
    (policies ?? []).map(async (p) => {
      if (!p.Arn || !p.Id) return;
      const rec = c.add({ type: TYPE, arn: p.Arn, region: 'global', account: c.accountId, data: plain(p) as Record<string, unknown> });
      const described = await c.read('organizations', 'global', 'organizations:DescribePolicy', () => client.send(new DescribePolicyCommand({ PolicyId: p.Id })));
      facet(rec, 'content', described, (d) => d.Policy?.Content ?? null);
      const targets = await c.read('organizations', 'global', 'organizations:ListTargetsForPolicy', async () => {
        const out: PolicyTargetSummary[] = [];
        for await (const page of paginateListTargetsForPolicy({ client }, { PolicyId: p.Id })) for (const t of page.Targets ?? []) out.push(t);
        return out;
      });
      facet(rec, 'targets', targets);
    }),
  );
}
