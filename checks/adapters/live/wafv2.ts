import { dataAt, liveAttr, liveDerived, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * A web ACL as ListWebACLs summarises it (collect/wafv2.ts), with `Scope` and the `logging` facet: its entry of
 * ListLoggingConfigurations (null when none; an error when that list failed, so the policy reports `error`).
 */
const webAcl: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.wafv2.web-acl', ctx, [dataAt(rec, 'Id')]);
  const logging = dataAt(rec, 'logging') as { LogDestinationConfigs?: string[] } | null | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    scope: liveAttr(rec, ctx, 'Scope'),
    loggingConfigured: liveDerived(rec, ctx, 'logging', Boolean(logging?.LogDestinationConfigs?.length), ['logging'], logging ? 'explicit' : 'default'),
    logDestinations: liveAttr(rec, ctx, 'logging.LogDestinationConfigs', { default: [], facet: 'logging' }),
    // Web ACL tags are not collected (ListTagsForResource is not in the auditor policy): no tags, never an error.
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

export const wafv2LiveAdapters: Record<string, LiveAdapter> = { 'AWS::WAFv2::WebACL': webAcl };
