import { ListTagsForResourceCommand, RedshiftServerlessClient, paginateListNamespaces, paginateListWorkgroups } from '@aws-sdk/client-redshift-serverless';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Redshift Serverless: namespaces (key, log exports) with their tags, and workgroups (public access, enhanced VPC
 * routing; ListWorkgroups describes them whole). moto does not implement this API: against it the lists fail and every
 * namespace and workgroup policy reports `error` for the region, never a pass.
 */
export async function collectRedshiftServerless(c: Collector, region: string): Promise<void> {
  const client = c.client(RedshiftServerlessClient, region);
  const namespaces = await listAll(c, 'redshift-serverless', region, 'redshift-serverless:ListNamespaces', ['AWS::RedshiftServerless::Namespace'], () =>
    items(paginateListNamespaces({ client }, {}), (p) => p.namespaces),
  );
  for (const ns of namespaces ?? []) {
    const arn = ns.namespaceArn;
    if (!arn) continue;
    const rec: SnapshotResource = { type: 'AWS::RedshiftServerless::Namespace', arn, region, account: c.accountId, data: plain(ns) as Record<string, unknown> };
    facet(rec, 'Tags', await c.read('redshift-serverless', region, 'redshift-serverless:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))), (v) => tagMap(v.tags));
    c.add(rec);
  }
  const workgroups = await listAll(c, 'redshift-serverless', region, 'redshift-serverless:ListWorkgroups', ['AWS::RedshiftServerless::Workgroup'], () =>
    items(paginateListWorkgroups({ client }, {}), (p) => p.workgroups),
  );
  for (const wg of workgroups ?? []) {
    if (!wg.workgroupArn) continue;
    c.add({ type: 'AWS::RedshiftServerless::Workgroup', arn: wg.workgroupArn, region, account: c.accountId, data: plain(wg) as Record<string, unknown> });
  }
}
