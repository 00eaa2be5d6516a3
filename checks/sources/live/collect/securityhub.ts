import { DescribeHubCommand, paginateGetEnabledStandards, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { facet, items, type Collector } from './context.js';

/**
 * Security Hub (regional): whether the hub is enabled (`securityHub`: the DescribeHub answer, `null` when
 * not subscribed) and its enabled standards (`securityHubStandards`).
 */
export async function collectSecurityHub(c: Collector, region: string): Promise<void> {
  const client = c.client(SecurityHubClient, region);
  const settings = c.settingsOf(region);
  const hub = await c.read('securityhub', region, 'securityhub:DescribeHub', () => client.send(new DescribeHubCommand({})));
  // Not subscribed (InvalidAccessException, in NOT_CONFIGURED) is an answer: no hub, no standards.
  if (!hub.ok && hub.notConfigured) {
    settings.data.securityHub = null;
    settings.data.securityHubStandards = [];
    return;
  }
  facet(settings, 'securityHub', hub, (h) => ({ HubArn: h.HubArn, SubscribedAt: h.SubscribedAt }));
  if (!hub.ok) return;
  const standards = await c.read('securityhub', region, 'securityhub:GetEnabledStandards', async () => {
    const out: Array<{ StandardsArn?: string; StandardsStatus?: string }> = [];
    for await (const page of items(paginateGetEnabledStandards({ client }, {}), (p) => p.StandardsSubscriptions)) for (const s of page ?? []) out.push({ StandardsArn: s.StandardsArn, StandardsStatus: s.StandardsStatus });
    return out;
  });
  facet(settings, 'securityHubStandards', standards);
}
