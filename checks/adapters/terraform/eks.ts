import { attr, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.eks.cluster', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    // encryption_config accepts only resources = ["secrets"]: the block is the secrets' envelope key.
    secretsKeyArn: attr<string>(rec, 'encryption_config.provider.key_arn'),
    secretsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'encryption_config.provider.key_arn'),
    endpointPublicAccess: attr<boolean>(rec, 'vpc_config.endpoint_public_access', { default: true }),
    endpointPrivateAccess: attr<boolean>(rec, 'vpc_config.endpoint_private_access', { default: false }),
    publicAccessCidrs: computedAttr<string[]>(rec, 'vpc_config.public_access_cidrs', { default: ['0.0.0.0/0'] }),
    enabledLogTypes: attr<string[]>(rec, 'enabled_cluster_log_types', { default: [] }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'secretsKey', 'encryption_config.provider.key_arn', ['aws.kms.key']));
  return r;
};

/** Terraform resource type -> adapter. */
export const eksAdapters: Record<string, TfAdapter> = { aws_eks_cluster: cluster };
