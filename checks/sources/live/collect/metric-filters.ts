import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import { items, listAll, plain, type Collector } from './context.js';

/**
 * guard slice: CloudWatch Logs metric filters of the region (the CIS 4.x filters on the trail's log
 * group). A filter has no ARN; its record is named after its log group and filter name.
 */
export async function collectMetricFilters(c: Collector, region: string): Promise<void> {
  const client = c.client(CloudWatchLogsClient, region);
  const filters = await listAll(c, 'logs', region, 'logs:DescribeMetricFilters', ['AWS::Logs::MetricFilter'], () => items(paginateDescribeMetricFilters({ client }, {}), (p) => p.metricFilters));
  for (const f of filters ?? []) {
    if (!f.filterName || !f.logGroupName) continue;
    const arn = c.arn('logs', region, `log-group:${f.logGroupName}:metric-filter:${f.filterName}`);
    c.add({ type: 'AWS::Logs::MetricFilter', arn, region, account: c.accountId, data: plain(f) as Record<string, unknown> });
  }
}
