import { DescribeBackupPolicyCommand, DescribeFileSystemPolicyCommand, EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** EFS: file systems (encryption, tags) with their file system policy and backup policy. */
export async function collectEfs(c: Collector, region: string): Promise<void> {
  const client = c.client(EFSClient, region);
  const fss = await listAll(c, 'elasticfilesystem', region, 'elasticfilesystem:DescribeFileSystems', ['AWS::EFS::FileSystem'], () => items(paginateDescribeFileSystems({ client }, {}), (p) => p.FileSystems));
  await Promise.all(
    (fss ?? []).map(async (fs) => {
      const id = fs.FileSystemId!;
      const arn = fs.FileSystemArn ?? c.arn('elasticfilesystem', region, `file-system/${id}`);
      const rec: SnapshotResource = { type: 'AWS::EFS::FileSystem', arn, region, account: c.accountId, data: { ...(plain(fs) as Record<string, unknown>), Tags: tagMap(fs.Tags) } };
      facet(rec, 'policy', await c.read('elasticfilesystem', region, 'elasticfilesystem:DescribeFileSystemPolicy', () => client.send(new DescribeFileSystemPolicyCommand({ FileSystemId: id }))), (v) => v.Policy ?? null);
      facet(rec, 'backupPolicy', await c.read('elasticfilesystem', region, 'elasticfilesystem:DescribeBackupPolicy', () => client.send(new DescribeBackupPolicyCommand({ FileSystemId: id }))), (v) => v.BackupPolicy ?? null);
      c.add(rec);
    }),
  );
}
