import { attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const parameter: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ssm.parameter', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    type: attr<string>(rec, 'type'),
    keyId: attr<string>(rec, 'key_id'),
    tier: attr<string>(rec, 'tier', { default: 'Standard' }),
    ...tagAttrs(rec),
  };
  return r;
};

export const ssmAdapters: Record<string, TfAdapter> = { aws_ssm_parameter: parameter };
