import { parameterNameLooksSecret } from '../shared/secret-names.js';
import { attr, awsManagedKeyAttr, derived, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const parameter: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ssm.parameter', [rec.values.name]);
  const name = attr<string>(rec, 'name');
  r.attrs = {
    name,
    type: attr<string>(rec, 'type'),
    keyId: attr<string>(rec, 'key_id'),
    nameLooksSecret: derived(parameterNameLooksSecret(name.value), [name]),
    keyIsAwsManaged: awsManagedKeyAttr(rec, 'key_id'),
    tier: attr<string>(rec, 'tier', { default: 'Standard' }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'key_id', ['aws.kms.key']));
  return r;
};

export const ssmAdapters: Record<string, TfAdapter> = { aws_ssm_parameter: parameter };
