import { DescribeHubCommand, GetFindingAggregatorCommand, paginateGetEnabledStandards, paginateListFindingAggregators, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { facet, items, type Collector } from './context.js';

/**
 * Security Hub (regional): whether the hub is enabled (`securityHub`: the DescribeHub answer, `null` when
 * not subscribed), its enabled standards (`securityHubStandards`) and, in the aggregation Region, the
 * cross-Region finding aggregator (`securityHubAggregators`: [] elsewhere and where there is none).
 */
export async function collectSecurityHub(c: Collector, region: string): Promise<void> {
  const client = c.client(SecurityHubClient, region);
  const settings = c.settingsOf(region);
  const hub = await c.read('securityhub', region, 'securityhub:DescribeHub', () => client.send(new DescribeHubCommand({})));
  // Not subscribed (InvalidAccessException, in NOT_CONFIGURED) is an answer: no hub, no standards.
  if (!hub.ok && hub.notConfigured) {
    settings.data.securityHub = null;
    settings.data.securityHubStandards = [];
    settings.data.securityHubAggregators = [];
    return;
  }
  facet(settings, 'securityHub', hub, (h) => ({ HubArn: h.HubArn, SubscribedAt: h.SubscribedAt }));
  if (!hub.ok) return;
  const [standards] = await Promise.all([readStandards(c, client, region), collectAggregator(c, client, region)]);
  facet(settings, 'securityHubStandards', standards);
}

function readStandards(c: Collector, client: SecurityHubClient, region: string) {
  return c.read('securityhub', region, 'securityhub:GetEnabledStandards', async () => {
    const out: Array<{ StandardsArn?: string; StandardsStatus?: string }> = [];
    for await (const page of items(paginateGetEnabledStandards({ client }, {}), (p) => p.StandardsSubscriptions)) for (const s of page ?? []) out.push({ StandardsArn: s.StandardsArn, StandardsStatus: s.StandardsStatus });
    return out;
  });
}

/**
 * ListFindingAggregators answers the same (the account's one aggregator) in every Region; its configuration is
 * read once, in the Region the aggregator's ARN names, and kept on that Region's account settings.
 */
async function collectAggregator(c: Collector, client: SecurityHubClient, region: string): Promise<void> {
  const settings = c.settingsOf(region);
  const listed = await c.read('securityhub', region, 'securityhub:ListFindingAggregators', async () => {
    const arns: string[] = [];
    for await (const page of items(paginateListFindingAggregators({ client }, {}), (p) => p.FindingAggregators)) for (const a of page ?? []) if (a.FindingAggregatorArn) arns.push(a.FindingAggregatorArn);
    return arns;
  });
  if (!listed.ok) return facet(settings, 'securityHubAggregators', listed);
  const here = listed.value.filter((arn) => arn.split(':')[3] === region);
  const got = await c.read('securityhub', region, 'securityhub:GetFindingAggregator', () =>
    Promise.all(here.map((arn) => client.send(new GetFindingAggregatorCommand({ FindingAggregatorArn: arn })))),
  );
  facet(settings, 'securityHubAggregators', got, (answers) =>
    answers.map((a) => ({ region: a.FindingAggregationRegion ?? region, linkingMode: a.RegionLinkingMode ?? null, regions: a.Regions ?? [] })),
  );
}
