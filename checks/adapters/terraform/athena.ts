import { attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const RESULT = 'configuration.result_configuration';

const workgroup: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.athena.workgroup', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    state: attr<string>(rec, 'state', { default: 'ENABLED' }),
    enforceConfiguration: attr<boolean>(rec, 'configuration.enforce_workgroup_configuration', { default: true }),
    resultEncryptionOption: attr<string>(rec, `${RESULT}.encryption_configuration.encryption_option`),
    resultKmsKeyArn: attr<string>(rec, `${RESULT}.encryption_configuration.kms_key_arn`),
    outputLocation: attr<string>(rec, `${RESULT}.output_location`),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'resultKey', `${RESULT}.encryption_configuration.kms_key_arn`, ['aws.kms.key']));
  return r;
};

/** Terraform resource type -> adapter. */
export const athenaAdapters: Record<string, TfAdapter> = { aws_athena_workgroup: workgroup };
