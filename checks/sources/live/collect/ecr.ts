import { ECRClient, GetRepositoryPolicyCommand, ListTagsForResourceCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** ECR: repositories as DescribeRepositories describes them, with their repository policy (null when none) and tags. */
export async function collectEcr(c: Collector, region: string): Promise<void> {
  const client = c.client(ECRClient, region);
  const repos = await listAll(c, 'ecr', region, 'ecr:DescribeRepositories', ['AWS::ECR::Repository'], () => items(paginateDescribeRepositories({ client }, {}), (p) => p.repositories));
  await Promise.all(
    (repos ?? []).map(async (repo) => {
      const arn = repo.repositoryArn;
      if (!arn || !repo.repositoryName) return;
      const rec: SnapshotResource = { type: 'AWS::ECR::Repository', arn, region, account: repo.registryId ?? c.accountId, data: plain(repo) as Record<string, unknown> };
      facet(rec, 'policy', await c.read('ecr', region, 'ecr:GetRepositoryPolicy', () => client.send(new GetRepositoryPolicyCommand({ repositoryName: repo.repositoryName, registryId: repo.registryId }))), (v) => v.policyText ?? null);
      facet(rec, 'tags', await c.read('ecr', region, 'ecr:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))), (v) => tagMap(v.tags));
      c.add(rec);
    }),
  );
}
