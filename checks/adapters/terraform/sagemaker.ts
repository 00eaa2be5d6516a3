import { attr, awsManagedKeyAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const notebook: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sagemaker.notebook-instance', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    directInternetAccess: attr<string>(rec, 'direct_internet_access', { default: 'Enabled' }),
    rootAccess: attr<string>(rec, 'root_access', { default: 'Enabled' }),
    subnetId: attr<string>(rec, 'subnet_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** Terraform resource type -> adapter. */
export const sagemakerAdapters: Record<string, TfAdapter> = { aws_sagemaker_notebook_instance: notebook };
