import { FSxClient, paginateDescribeFileSystems } from '@aws-sdk/client-fsx';
import type { SnapshotResource } from '../snapshot.js';
import { items, listAll, plain, tagMap, type Collector } from './context.js';

/** FSx: file systems of every type (key, per-type configuration) with the tags DescribeFileSystems returns. */
export async function collectFsx(c: Collector, region: string): Promise<void> {
  const client = c.client(FSxClient, region);
  const systems = await listAll(c, 'fsx', region, 'fsx:DescribeFileSystems', ['AWS::FSx::FileSystem'], () => items(paginateDescribeFileSystems({ client }, {}), (p) => p.FileSystems));
  for (const fs of systems ?? []) {
    const arn = fs.ResourceARN ?? c.arn('fsx', region, `file-system/${fs.FileSystemId}`);
    const { Tags, ...rest } = fs;
    const rec: SnapshotResource = { type: 'AWS::FSx::FileSystem', arn, region, account: c.accountId, data: { ...(plain(rest) as Record<string, unknown>), tags: tagMap(Tags) } };
    c.add(rec);
  }
}
