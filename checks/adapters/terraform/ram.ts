import type { Resource } from '../../model/resource.js';
import { UNKNOWN } from '../../model/value.js';
import { SHAREABLE_STORE_KINDS } from '../../model/kinds/ram.js';
import { asBool, attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_ram_resource_share: what it holds and who it is shared with come from its association resources (facets). */
const share: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ram.resource-share', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    allowExternalPrincipals: attr<boolean>(rec, 'allow_external_principals', { default: true, map: asBool }),
    principals: { value: [], origin: 'default', loc: r.loc },
    resourceArns: { value: [], origin: 'default', loc: r.loc },
    tags: tagAttrs(rec).tags,
  };
  return r;
};

/** One association, a facet of its share: appends the resource (linked when in the input) or the principal. */
function association(field: 'resource_arn' | 'principal'): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.ram.resource-share', []);
    r.identifiers = [];
    const v = attr<string>(rec, field);
    const name = field === 'resource_arn' ? 'resourceArns' : 'principals';
    // known only after apply (a reference to the cluster's ARN): one unknown element, which the check pairs with the
    // resource the reference links to
    r.attrs = { [name]: { ...v, origin: v.origin === 'unknown' ? 'explicit' : v.origin, value: v.origin === 'unknown' ? [UNKNOWN] : typeof v.value === 'string' ? [v.value] : [] } };
    r.linkRefs = [linkRef(rec, 'share', 'resource_share_arn', ['aws.ram.resource-share'])];
    if (field === 'resource_arn') r.linkRefs.push(linkRef(rec, 'sharedResources', 'resource_arn', [...SHAREABLE_STORE_KINDS]));
    r.mergeInto = 'share';
    r.appendAttrs = [name];
    return r as Resource;
  };
}

export const ramAdapters: Record<string, TfAdapter> = {
  aws_ram_resource_share: share,
  aws_ram_resource_association: association('resource_arn'),
  aws_ram_principal_association: association('principal'),
};
