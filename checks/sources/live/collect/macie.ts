import { GetAdministratorAccountCommand, GetMacieSessionCommand, Macie2Client, paginateListClassificationJobs } from '@aws-sdk/client-macie2';
import { facet, items, listAll, plain, type Collector } from './context.js';

/**
 * guard slice: Amazon Macie (regional): the account's Macie session (status) as the region's `macie`
 * setting. Macie answers GetMacieSession in a region where it was never enabled with
 * AccessDeniedException "Macie is not enabled": that answer is `null`; any other AccessDenied is a
 * failed read (the auditor may lack the permission).
 *
 * Where Macie may be on, the region's classification jobs (ListClassificationJobs, paginated: each
 * item names its buckets or says it selects them by criteria; no per-job call is needed) become
 * `AWS::Macie::ClassificationJob` records, and GetAdministratorAccount the `macieAdministrator`
 * setting: a member account's jobs are run by its Macie administrator and are not listed here. Where
 * Macie is off there are no jobs, and nothing more is asked.
 */
export async function collectMacie(c: Collector, region: string): Promise<void> {
  const client = c.client(Macie2Client, region);
  const settings = c.settingsOf(region);
  const session = await c.read('macie2', region, 'macie2:GetMacieSession', () => client.send(new GetMacieSessionCommand({})));
  if (!session.ok && !session.notConfigured && /AccessDenied/.test(session.error.code) && /not enabled/i.test(session.error.message)) {
    settings.data.macie = null;
    settings.data.macieAdministrator = null;
    return;
  }
  facet(settings, 'macie', session, (s) => ({ status: s.status, findingPublishingFrequency: s.findingPublishingFrequency }));
  const admin = await c.read('macie2', region, 'macie2:GetAdministratorAccount', () => client.send(new GetAdministratorAccountCommand({})));
  facet(settings, 'macieAdministrator', admin, (a) => a.administrator?.accountId ?? null);
  const jobs = await listAll(c, 'macie2', region, 'macie2:ListClassificationJobs', ['AWS::Macie::ClassificationJob'], () =>
    items(paginateListClassificationJobs({ client }, {}), (p) => p.items),
  );
  for (const j of jobs ?? []) {
    if (!j.jobId) continue;
    const arn = `arn:${c.partition}:macie2:${region}:${c.accountId}:classification-job/${j.jobId}`;
    c.add({ type: 'AWS::Macie::ClassificationJob', arn, region, account: c.accountId, data: plain(j) as Record<string, unknown> });
  }
}
