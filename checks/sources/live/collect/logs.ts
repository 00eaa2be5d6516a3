import { CloudWatchLogsClient, ListTagsForResourceCommand, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { facet, items, listAll, plain, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/** CloudWatch Logs: log groups (retention, KMS key) with their tags. */
export async function collectLogs(c: Collector, region: string): Promise<void> {
  if (c.covered('AWS::Logs::LogGroup')) return;
  const client = c.client(CloudWatchLogsClient, region);
  const groups = await listAll(c, 'logs', region, 'logs:DescribeLogGroups', ['AWS::Logs::LogGroup'], () => items(paginateDescribeLogGroups({ client }, {}), (p) => p.logGroups));
  await Promise.all(
    (groups ?? []).map(async (g) => {
      const arn = (g.arn ?? c.arn('logs', region, `log-group:${g.logGroupName}`)).replace(/:\*$/, '');
      const rec: SnapshotResource = { type: 'AWS::Logs::LogGroup', arn, region, account: c.accountId, data: plain(g) as Record<string, unknown> };
      const tags = await c.read('logs', region, 'logs:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn })));
      facet(rec, 'tags', tags, (v) => v.tags ?? {});
      c.add(rec);
    }),
  );
}
