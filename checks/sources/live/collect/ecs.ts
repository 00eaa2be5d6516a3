import { DescribeClustersCommand, DescribeTaskDefinitionCommand, ECSClient, paginateListClusters, paginateListTaskDefinitions } from '@aws-sdk/client-ecs';
import { createHash } from 'node:crypto';
import { items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';
import { envValueShape } from '../../../util/credentials.js';

export { envValueShape };

/**
 * Environment variable values may be secrets: the snapshot keeps each name, the shape of its value,
 * its length and a short SHA-256 prefix (to tell values apart over time), never a secret.
 */
function redactEnvironment(def: Record<string, unknown>): Record<string, unknown> {
  const containers = (def.containerDefinitions as Array<Record<string, unknown>> | undefined) ?? [];
  return {
    ...def,
    containerDefinitions: containers.map((cd) => ({
      ...cd,
      environment: ((cd.environment as Array<{ name?: string; value?: string }> | undefined) ?? []).map((e) => ({
        name: e.name,
        ...envValueShape(e.value),
        valueLength: e.value?.length ?? 0,
        valueSha256: e.value ? createHash('sha256').update(e.value).digest('hex').slice(0, 12) : null,
      })),
    })),
  };
}

/** ECS: clusters (settings, configuration) and the active task definitions (latest revision per family). */
export async function collectEcs(c: Collector, region: string): Promise<void> {
  const client = c.client(ECSClient, region);
  const [clusterArns, defArns] = await Promise.all([
    listAll(c, 'ecs', region, 'ecs:ListClusters', ['AWS::ECS::Cluster'], () => items(paginateListClusters({ client }, {}), (p) => p.clusterArns)),
    listAll(c, 'ecs', region, 'ecs:ListTaskDefinitions', ['AWS::ECS::TaskDefinition'], () => items(paginateListTaskDefinitions({ client }, { status: 'ACTIVE' }), (p) => p.taskDefinitionArns)),
  ]);
  for (let i = 0; i < (clusterArns ?? []).length; i += 100) {
    const batch = clusterArns!.slice(i, i + 100);
    const r = await c.read('ecs', region, 'ecs:DescribeClusters', () => client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'CONFIGURATIONS', 'TAGS'] })));
    if (!r.ok) {
      if (!r.notConfigured) c.listFailed('ecs', region, r.error, ['AWS::ECS::Cluster']);
      continue;
    }
    for (const cl of r.value.clusters ?? []) c.add({ type: 'AWS::ECS::Cluster', arn: cl.clusterArn!, region, account: c.accountId, data: plain({ ...cl, tags: tagMap(cl.tags) }) as Record<string, unknown> });
  }
  // Latest active revision per family.
  const latest = new Map<string, string>();
  for (const arn of defArns ?? []) {
    const m = /task-definition\/(.+):(\d+)$/.exec(arn);
    if (!m) continue;
    const prev = latest.get(m[1]!);
    if (!prev || Number(/:(\d+)$/.exec(prev)![1]) < Number(m[2])) latest.set(m[1]!, arn);
  }
  await Promise.all(
    [...latest.values()].map(async (arn) => {
      const rec: SnapshotResource = { type: 'AWS::ECS::TaskDefinition', arn, region, account: c.accountId, data: { taskDefinitionArn: arn } };
      const r = await c.read('ecs', region, 'ecs:DescribeTaskDefinition', () => client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] })));
      if (r.ok) rec.data = { ...(redactEnvironment(plain(r.value.taskDefinition) as Record<string, unknown>)), tags: tagMap(r.value.tags) };
      else if (!r.notConfigured) (rec.errors ??= {}).definition = r.error;
      c.add(rec);
    }),
  );
}
