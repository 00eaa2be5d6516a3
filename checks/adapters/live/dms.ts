import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A replication instance as DescribeReplicationInstances describes it (tags are not read). */
const replicationInstance: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.dms.replication-instance', ctx, [dataAt(rec, 'ReplicationInstanceIdentifier')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'ReplicationInstanceIdentifier'),
    publiclyAccessible: liveAttr(rec, ctx, 'PubliclyAccessible', { default: true }),
    ...tagVals(rec, ctx),
  };
  return r;
};

/** An endpoint as DescribeEndpoints describes it (tags are not read). */
const endpoint: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.dms.endpoint', ctx, [dataAt(rec, 'EndpointIdentifier')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'EndpointIdentifier'),
    endpointType: liveAttr(rec, ctx, 'EndpointType', { map: (v) => (typeof v === 'string' ? v.toLowerCase() : undefined) }),
    engineName: liveAttr(rec, ctx, 'EngineName'),
    sslMode: liveAttr(rec, ctx, 'SslMode', { default: 'none' }),
    ...tagVals(rec, ctx),
  };
  return r;
};

export const dmsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::DMS::ReplicationInstance': replicationInstance, 'AWS::DMS::Endpoint': endpoint };
