import { LakeFormationClient, paginateListResources } from '@aws-sdk/client-lakeformation';
import { items, listAll, plain, type Collector } from './context.js';

// apis slice (issue 14, wave 4)
/**
 * Lake Formation: the S3 locations registered in the region, as ListResources answers them. A location has no ARN
 * of its own: the record's ARN is `arn:<partition>:lakeformation:<region>:<account>:resource/<location ARN>`.
 */
export async function collectLakeFormation(c: Collector, region: string): Promise<void> {
  const client = c.client(LakeFormationClient, region);
  const resources = await listAll(c, 'lakeformation', region, 'lakeformation:ListResources', ['AWS::LakeFormation::Resource'], () => items(paginateListResources({ client }, {}), (p) => p.ResourceInfoList));
  for (const r of resources ?? []) {
    if (!r.ResourceArn) continue;
    c.add({ type: 'AWS::LakeFormation::Resource', arn: `arn:${c.partition}:lakeformation:${region}:${c.accountId}:resource/${r.ResourceArn}`, region, account: c.accountId, data: plain(r) as Record<string, unknown> });
  }
}
