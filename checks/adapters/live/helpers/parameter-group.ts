/** The parameter group a DB instance or cluster of the RDS API (RDS, Aurora, DocumentDB) reads, as its own model resource. */
import type { Resource } from '../../../model/resource.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import { liveRefToken } from './links.js';
import { dataAt, liveResource, type LiveCtx } from './record.js';
import { liveDerived } from './values.js';

/**
 * A parameter group as its own model resource (one per group name, shared by its users), from the `parameters`
 * facet the collector keeps on the record that uses it.
 */
export function parameterGroup(rec: SnapshotResource, ctx: LiveCtx, name: string, cluster: boolean): Resource {
  const arn = `arn:${ctx.snapshot.account.partition}:rds:${rec.region}:${rec.account}:${cluster ? 'cluster-pg' : 'pg'}:${name}`;
  const pg: SnapshotResource = { type: cluster ? 'AWS::RDS::DBClusterParameterGroup' : 'AWS::RDS::DBParameterGroup', arn, region: rec.region, account: rec.account, data: {}, ...(rec.errors?.parameters ? { errors: { parameters: rec.errors.parameters } } : {}) };
  const params = dataAt(rec, 'parameters') as Record<string, { value: string | null }> | null | undefined;
  // A region-scoped token: group names repeat across regions, and ARN-form matching would join them.
  const r = liveResource(pg, 'aws.rds.parameter-group', ctx, [liveRefToken(pg.arn)]);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (v?.value !== null && v?.value !== undefined) values[k] = v.value;
  r.attrs = {
    name: liveDerived(pg, ctx, 'name', name),
    parameters: liveDerived(pg, ctx, 'parameters', values, ['parameters']),
    isClusterGroup: liveDerived(pg, ctx, 'isClusterGroup', cluster),
    isDefaultGroup: liveDerived(pg, ctx, 'isDefaultGroup', name.startsWith('default.')),
    tags: liveDerived(pg, ctx, 'tags', {} as Record<string, string>, [], 'default'),
    dataClass: liveDerived(pg, ctx, 'dataClass', undefined, [], 'default'),
  };
  return r;
}

/**
 * `r` and, when it names a parameter group, that group as a resource, with the link `name` from `r` to it
 * (`parameterGroup` for an instance, `clusterParameterGroup` for a cluster).
 */
export function withParameterGroup(rec: SnapshotResource, ctx: LiveCtx, r: Resource, group: string | undefined, name: 'parameterGroup' | 'clusterParameterGroup'): Resource[] {
  if (!group) return [r];
  const pg = parameterGroup(rec, ctx, group, name === 'clusterParameterGroup');
  (r.linkRefs ??= []).push({ name, kinds: ['aws.rds.parameter-group'], literals: [liveRefToken(pg.arn!)], loc: r.loc });
  return [r, pg];
}
