import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { facet, type Collector } from './context.js';

/**
 * guard slice: Amazon Macie (regional): the account's Macie session (status) as the region's `macie`
 * setting. Macie answers GetMacieSession in a region where it was never enabled with
 * AccessDeniedException "Macie is not enabled": that answer is `null`; any other AccessDenied is a
 * failed read (the auditor may lack the permission).
 */
export async function collectMacie(c: Collector, region: string): Promise<void> {
  const client = c.client(Macie2Client, region);
  const settings = c.settingsOf(region);
  const session = await c.read('macie2', region, 'macie2:GetMacieSession', () => client.send(new GetMacieSessionCommand({})));
  if (!session.ok && !session.notConfigured && /AccessDenied/.test(session.error.code) && /not enabled/i.test(session.error.message)) {
    settings.data.macie = null;
    return;
  }
  facet(settings, 'macie', session, (s) => ({ status: s.status, findingPublishingFrequency: s.findingPublishingFrequency }));
}
