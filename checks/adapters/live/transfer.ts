import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A server: its id and the DescribeServer answer (facet `server`, tags as an object). */
const server: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.transfer.server', ctx, [dataAt(rec, 'ServerId')]);
  r.attrs = {
    protocols: liveAttr(rec, ctx, 'server.Protocols', { default: ['SFTP'] }),
    securityPolicyName: liveAttr(rec, ctx, 'server.SecurityPolicyName', { default: 'TransferSecurityPolicy-2018-11' }),
    endpointType: liveAttr(rec, ctx, 'server.EndpointType', { default: 'PUBLIC' }),
    loggingRole: liveAttr(rec, ctx, 'server.LoggingRole'),
    structuredLogDestinations: liveAttr(rec, ctx, 'server.StructuredLogDestinations', { default: [] }),
    ...tagVals(rec, ctx, 'server.Tags', 'server'),
  };
  return r;
};

export const transferLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Transfer::Server': server };
