import { DescribeLaunchTemplateVersionsCommand, EC2Client, paginateDescribeLaunchTemplates } from '@aws-sdk/client-ec2';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * EC2 launch templates with the settings of their default version. Only the metadata options and the
 * block device mappings are kept: a version's user data may hold credentials and never enters a snapshot.
 */
export async function collectLaunchTemplates(c: Collector, region: string): Promise<void> {
  const client = c.client(EC2Client, region);
  const templates = await listAll(c, 'ec2', region, 'ec2:DescribeLaunchTemplates', ['AWS::EC2::LaunchTemplate'], () =>
    items(paginateDescribeLaunchTemplates({ client }, {}), (p) => p.LaunchTemplates),
  );
  await Promise.all(
    (templates ?? []).map(async (t) => {
      if (!t.LaunchTemplateId) return;
      const rec: SnapshotResource = {
        type: 'AWS::EC2::LaunchTemplate',
        arn: c.arn('ec2', region, `launch-template/${t.LaunchTemplateId}`),
        region,
        account: c.accountId,
        data: plain({ LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: t.LaunchTemplateName, DefaultVersionNumber: t.DefaultVersionNumber, LatestVersionNumber: t.LatestVersionNumber, Tags: tagMap(t.Tags) }) as Record<string, unknown>,
      };
      const read = await c.read('ec2', region, 'ec2:DescribeLaunchTemplateVersions', () =>
        client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, Versions: ['$Default'] })),
      );
      facet(rec, 'defaultVersion', read, (v) => {
        const data = v.LaunchTemplateVersions?.[0]?.LaunchTemplateData;
        return { MetadataOptions: data?.MetadataOptions ?? null, BlockDeviceMappings: data?.BlockDeviceMappings ?? [] };
      });
      c.add(rec);
    }),
  );
}
