import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A proxy as DescribeDBProxies describes it (tags are not read). */
const proxy: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.rds.proxy', ctx, [dataAt(rec, 'DBProxyName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'DBProxyName'),
    engineFamily: liveAttr(rec, ctx, 'EngineFamily'),
    requireTls: liveAttr(rec, ctx, 'RequireTLS', { default: false }),
    debugLogging: liveAttr(rec, ctx, 'DebugLogging', { default: false }),
    ...tagVals(rec, ctx),
  };
  return r;
};

export const rdsProxyLiveAdapters: Record<string, LiveAdapter> = { 'AWS::RDS::DBProxy': proxy };
