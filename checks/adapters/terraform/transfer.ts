import { attr, computedAttr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_transfer_server: SFTP only and the 2018-11 security policy unless configured otherwise. */
const server: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.transfer.server');
  r.attrs = {
    protocols: computedAttr<string[]>(rec, 'protocols', { default: ['SFTP'] }),
    securityPolicyName: attr<string>(rec, 'security_policy_name', { default: 'TransferSecurityPolicy-2018-11' }),
    endpointType: attr<string>(rec, 'endpoint_type', { default: 'PUBLIC' }),
    loggingRole: attr<string>(rec, 'logging_role'),
    structuredLogDestinations: attr<string[]>(rec, 'structured_log_destinations', { default: [] }),
    ...tagAttrs(rec),
  };
  return r;
};

export const transferAdapters: Record<string, TfAdapter> = { aws_transfer_server: server };
