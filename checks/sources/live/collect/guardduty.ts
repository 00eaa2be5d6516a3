import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { facet, items, type Collector } from './context.js';

/**
 * GuardDuty (regional): the region's detector (a region has at most one) with its status, data sources
 * and features, as the region's `guardDuty` setting; `null` when the region has no detector.
 */
export async function collectGuardDuty(c: Collector, region: string): Promise<void> {
  const client = c.client(GuardDutyClient, region);
  const settings = c.settingsOf(region);
  const ids = await c.read('guardduty', region, 'guardduty:ListDetectors', async () => {
    const out: string[] = [];
    for await (const page of items(paginateListDetectors({ client }, {}), (p) => p.DetectorIds)) for (const id of page ?? []) out.push(id);
    return out;
  });
  if (!ids.ok) return facet(settings, 'guardDuty', ids);
  if (ids.value.length === 0) {
    settings.data.guardDuty = null;
    return;
  }
  const detectorId = ids.value[0]!;
  const detector = await c.read('guardduty', region, 'guardduty:GetDetector', () => client.send(new GetDetectorCommand({ DetectorId: detectorId })));
  facet(settings, 'guardDuty', detector, (d) => ({ DetectorId: detectorId, Status: d.Status, DataSources: d.DataSources, Features: d.Features }));
}
