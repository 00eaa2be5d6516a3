import { UNKNOWN } from '../../model/value.js';
import { targetKindOfId, type TargetKind } from '../shared/org-targets.js';
import { attr, jsonAttr, linkRef, policyDocumentRef, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const POLICY = 'aws.organizations.policy';

/** aws_organizations_policy: type defaults to SERVICE_CONTROL_POLICY; attached nowhere until an attachment appends a target. */
const policy: TfAdapter = (rec) => {
  const r = tfResource(rec, POLICY);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    policyType: attr<string>(rec, 'type', { default: 'SERVICE_CONTROL_POLICY' }),
    content: jsonAttr(rec, 'content'),
    targets: { value: [], origin: 'default', loc: r.loc },
    targetKinds: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(policyDocumentRef(rec, 'contentSource', 'content'));
  return r;
};

/** The same for a target known only after apply, by the resource its expression references. */
function targetKindOfRefs(refs: string[]): TargetKind {
  const types = refs.map((a) => a.replace(/^(module\.[^.]+(\[[^\]]*\])?\.)*/, '').replace(/^data\./, '').split('.')[0]);
  if (types.includes('aws_organizations_organization')) return 'root';
  if (types.includes('aws_organizations_organizational_unit')) return 'ou';
  return types.includes('aws_organizations_account') ? 'account' : 'other';
}

/** aws_organizations_policy_attachment: appends its target_id (a root, OU or account id; often known only after apply) to the policy's targets. */
const attachment: TfAdapter = (rec) => {
  const r = tfResource(rec, POLICY);
  r.identifiers = [];
  const target = attr<string>(rec, 'target_id');
  // A target known only after apply (the organization's root id) is still one attachment: an unknown element, not an unknown list.
  const kind = typeof target.value === 'string' ? targetKindOfId(target.value) : targetKindOfRefs(referencesOf(rec, 'target_id'));
  r.attrs = {
    targets: { value: [target.origin === 'unknown' ? UNKNOWN : target.value], origin: 'explicit', loc: target.loc },
    targetKinds: { value: [kind], origin: 'explicit', loc: target.loc },
  };
  r.mergeInto = 'policy';
  r.appendAttrs = ['targets', 'targetKinds'];
  r.linkRefs!.push(linkRef(rec, 'policy', 'policy_id', [POLICY]));
  return r;
};

export const organizationsAdapters: Record<string, TfAdapter> = {
  aws_organizations_policy: policy,
  aws_organizations_policy_attachment: attachment,
};
