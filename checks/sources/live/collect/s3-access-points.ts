import { GetAccessPointPolicyCommand, paginateListAccessPoints, S3ControlClient } from '@aws-sdk/client-s3-control';
import { facet, items, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::S3::AccessPoint';

/**
 * The S3 access points of one region (ListAccessPoints for the account, paginated), each with its `policy` facet
 * (GetAccessPointPolicy: the parsed document, null when the access point has none, NoSuchAccessPointPolicy; any other
 * failure is recorded as the facet's error, so the policy's verdict is `error`, never a pass).
 */
export async function collectS3AccessPoints(c: Collector, region: string): Promise<void> {
  if (c.covered(TYPE)) return;
  // The S3 Control endpoint rules put the account id in the host name; an emulator has one host.
  const endpoint = c.settings.endpoint;
  const client = c.client(S3ControlClient, region, endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {});
  const points = await listAll(c, 's3', region, 's3:ListAccessPoints', [TYPE], () => items(paginateListAccessPoints({ client }, { AccountId: c.accountId }), (p) => p.AccessPointList));
  await Promise.all(
    (points ?? []).map(async (ap) => {
      const name = ap.Name;
      if (!name) return;
      const arn = ap.AccessPointArn ?? c.arn('s3', region, `accesspoint/${name}`);
      // An access point belongs to the region its ARN names; an emulator that keeps one list for every region is read once.
      if (!c.claim(`${TYPE}|${arn}`)) return;
      const rec = c.add({ type: TYPE, arn, region: arn.split(':')[3] || region, account: c.accountId, data: plain(ap) as Record<string, unknown> });
      const pol = await c.read('s3', region, 's3:GetAccessPointPolicy', () => client.send(new GetAccessPointPolicyCommand({ AccountId: c.accountId, Name: name })));
      facet(rec, 'policy', pol, (v) => (v.Policy ? JSON.parse(v.Policy) : null));
    }),
  );
}
