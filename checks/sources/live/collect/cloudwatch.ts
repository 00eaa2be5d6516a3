import { CloudWatchClient, ListTagsForResourceCommand, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** guard slice: CloudWatch metric alarms of the region (metric, namespace, actions) with their tags. */
export async function collectCloudWatch(c: Collector, region: string): Promise<void> {
  const client = c.client(CloudWatchClient, region);
  const alarms = await listAll(c, 'cloudwatch', region, 'cloudwatch:DescribeAlarms', ['AWS::CloudWatch::Alarm'], () =>
    items(paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm'] }), (p) => p.MetricAlarms),
  );
  await Promise.all(
    (alarms ?? []).map(async (a) => {
      const arn = a.AlarmArn ?? (a.AlarmName ? c.arn('cloudwatch', region, `alarm:${a.AlarmName}`) : undefined);
      if (!arn) return;
      const rec: SnapshotResource = { type: 'AWS::CloudWatch::Alarm', arn, region, account: c.accountId, data: plain(a) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('cloudwatch', region, 'cloudwatch:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
