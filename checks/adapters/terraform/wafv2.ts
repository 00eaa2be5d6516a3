import { attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const ACL = 'aws.wafv2.web-acl';

/** aws_wafv2_web_acl: its scope; logging is a separate resource (below), so false until one names it. */
const webAcl: TfAdapter = (rec) => {
  const r = tfResource(rec, ACL);
  r.attrs = {
    name: attr(rec, 'name'),
    scope: attr(rec, 'scope', { map: (v) => (typeof v === 'string' ? v.toUpperCase() : undefined) }),
    loggingConfigured: { value: false, origin: 'default', loc: r.loc },
    logDestinations: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_wafv2_web_acl_logging_configuration: a facet of the web ACL its resource_arn names. */
const loggingConfiguration: TfAdapter = (rec) => {
  const r = tfResource(rec, ACL);
  r.identifiers = [];
  // The destinations are often known only after apply (created in the same run); that logs go somewhere is certain.
  r.attrs = { loggingConfigured: { value: true, origin: 'explicit', loc: r.loc }, logDestinations: attr(rec, 'log_destination_configs') };
  r.mergeInto = 'webAcl';
  r.linkRefs = [linkRef(rec, 'webAcl', 'resource_arn', [ACL])];
  return r;
};

export const wafv2Adapters: Record<string, TfAdapter> = {
  aws_wafv2_web_acl: webAcl,
  aws_wafv2_web_acl_logging_configuration: loggingConfiguration,
};
