import { jsonAttr, attr, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** org slice (issue 14, wave 4): aws_glacier_vault; its access_policy is optional (none: owner-only access). */
const vault: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.glacier.vault', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    accessPolicy: jsonAttr(rec, 'access_policy'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(policyDocumentRef(rec, 'policySource', 'access_policy'));
  return r;
};

export const glacierAdapters: Record<string, TfAdapter> = { aws_glacier_vault: vault };
