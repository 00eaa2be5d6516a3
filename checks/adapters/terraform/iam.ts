import type { LinkRef, Resource } from '../../model/resource.js';
import { documentFromStatementBlocks, normalizeIamDocument } from '../../model/iam-document.js';
import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asNumber, attr, computedAttr, isConfigured, linkRef, locOf, partialJsonVal, policyDocumentRef, rawAt, refersToType, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';
import { pushAll } from '../../util/push-all.js';

/** A normalised policy document from a JSON attribute (string or, from HCL `jsonencode`, an object). */
function documentAttr(rec: TfRecord, path: string): Val {
  const v = attr<unknown>(rec, path);
  if (v.origin === 'unknown') return partialJsonVal(rec, path, v);
  if (v.value === undefined) return v;
  const doc = normalizeIamDocument(v.value);
  if (doc === undefined) return { value: undefined, origin: 'unknown', loc: v.loc };
  return { ...v, value: doc };
}

const AWS_MANAGED_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\//;

function stringList(raw: unknown): string[] {
  if (typeof raw === 'string') return raw ? [raw] : [];
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return [];
}

/** A link request built by hand (for resources an adapter derives, such as inline policy blocks). */
function refTo(name: string, kinds: string[], addresses: string[], rec: TfRecord, path: string, inverse?: string): LinkRef {
  return { name, kinds, addresses, literals: [], loc: locOf(rec, path), ...(inverse ? { inverse } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------

function policyResource(rec: TfRecord, managed: boolean, attachedTo: string[]): Resource {
  const r = tfResource(rec, 'aws.iam.policy');
  r.attrs.name = attr<string>(rec, 'name');
  r.attrs.managed = { value: managed, origin: 'explicit', loc: r.loc };
  r.attrs.awsManaged = { value: false, origin: 'explicit', loc: r.loc };
  r.attrs.attachedTo = { value: attachedTo, origin: 'explicit', loc: r.loc };
  r.attrs.document = documentAttr(rec, 'policy');
  r.linkRefs!.push(policyDocumentRef(rec, 'documentSource', 'policy'));
  return r;
}

const managedPolicy: TfAdapter = (rec) => {
  const r = policyResource(rec, true, []);
  r.attrs.arn = attr<string>(rec, 'arn');
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs.tags = tags;
  r.attrs.dataClass = dataClass;
  return r;
};

function inlinePolicy(principal: 'role' | 'user' | 'group', link: 'roles' | 'users' | 'groups', inverse: string): TfAdapter {
  return (rec) => {
    const r = policyResource(rec, false, [principal]);
    r.linkRefs!.push(linkRef(rec, link, principal, [`aws.iam.${principal}`], { inverse }));
    return r;
  };
}

// ---------------------------------------------------------------------------------------------
// Principals
// ---------------------------------------------------------------------------------------------

const role: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.iam.role', [rec.values.name, rec.values.unique_id]);
  r.attrs.name = attr<string>(rec, 'name');
  r.attrs.path = attr<string>(rec, 'path', { default: '/' });
  r.attrs.assumeRolePolicy = documentAttr(rec, 'assume_role_policy');
  r.attrs.managedPolicyArns = computedAttr<string[]>(rec, 'managed_policy_arns', { default: [] });
  r.attrs.permissionsBoundary = attr<string>(rec, 'permissions_boundary');
  r.attrs.maxSessionDuration = attr<number>(rec, 'max_session_duration', { default: 3600, map: asNumber });
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs.tags = tags;
  r.attrs.dataClass = dataClass;
  r.linkRefs!.push(policyDocumentRef(rec, 'assumeRolePolicySource', 'assume_role_policy'));
  r.linkRefs!.push(linkRef(rec, 'policies', 'managed_policy_arns', ['aws.iam.policy']));
  r.linkRefs!.push(linkRef(rec, 'permissionsBoundaryPolicy', 'permissions_boundary', ['aws.iam.policy']));

  // inline_policy blocks: one aws.iam.policy each, named after the role and the policy name.
  const out: Resource[] = [r, ...exclusiveAttachments(rec, { path: 'managed_policy_arns', type: 'role', link: 'roles', principal: { self: true } })];
  const blocks = rawAt(rec.values, 'inline_policy');
  if (Array.isArray(blocks)) {
    blocks.forEach((b, i) => {
      if (!b || typeof b !== 'object' || isUnknown(b)) return;
      const o = b as Record<string, unknown>;
      // An empty inline_policy block (name and policy unset) tells AWS to remove inline policies: no document.
      if ((o.policy === undefined || o.policy === null || o.policy === '') && !isUnknown(o.policy)) return;
      const key = typeof o.name === 'string' && o.name ? JSON.stringify(o.name) : String(i);
      const address = `${rec.address}.inline_policy[${key}]`;
      const p = tfResource(rec, 'aws.iam.policy');
      p.id = address;
      p.address = address;
      p.arn = null;
      p.identifiers = [];
      p.loc = { ...locOf(rec, `inline_policy.${i}`), address };
      p.attrs.name = attr<string>(rec, `inline_policy.${i}.name`);
      p.attrs.managed = { value: false, origin: 'explicit', loc: p.loc };
      p.attrs.awsManaged = { value: false, origin: 'explicit', loc: p.loc };
      p.attrs.attachedTo = { value: ['role'], origin: 'explicit', loc: p.loc };
      p.attrs.document = documentAttr(rec, `inline_policy.${i}.policy`);
      p.linkRefs = [refTo('roles', ['aws.iam.role'], [rec.address], rec, `inline_policy.${i}`, 'policies'), policyDocumentRef(rec, 'documentSource', `inline_policy.${i}.policy`)];
      out.push(p);
    });
  }
  return out;
};

/** Where a list of policy ARNs attached exclusively to one principal lives, and who that principal is. */
interface ExclusiveList {
  /** The attribute holding the ARNs. */
  path: string;
  type: 'role' | 'user' | 'group';
  link: 'roles' | 'users' | 'groups';
  /** The principal: the resource itself (an aws_iam_role's managed_policy_arns), or a name attribute naming it. */
  principal: { self: true } | { namePath: string };
}

/**
 * Exclusive attachments, one aws.iam.policy-attachment per ARN, so the attachment policies see AWS managed
 * policies attached this way too (live: ListAttached*Policies yields the same resources): an aws_iam_role's
 * managed_policy_arns, and aws_iam_{role,user,group}_policy_attachments_exclusive.
 */
function exclusiveAttachments(rec: TfRecord, list: ExclusiveList): Resource[] {
  const raw = rawAt(rec.values, list.path);
  if (!Array.isArray(raw)) {
    // The whole list known only after apply: one attachment whose policy is unknown, never none. A role's
    // managed_policy_arns is Optional+Computed: not configured, a plan shows it computed, and it attaches nothing.
    if (!isUnknown(raw) || ('self' in list.principal && isConfigured(rec, list.path) === false)) return [];
    return exclusiveAttachmentsOf(rec, list, [UNKNOWN]);
  }
  return exclusiveAttachmentsOf(rec, list, raw);
}

function exclusiveAttachmentsOf(rec: TfRecord, list: ExclusiveList, raw: unknown[]): Resource[] {
  const refs = rec.references[list.path] ?? [];
  const customerRefs = refs.filter((a) => refersToType(a, 'aws_iam_policy'));
  const onlyCustomerRefs = refs.length > 0 && customerRefs.length === refs.length;
  const name = 'self' in list.principal ? attr<string>(rec, 'name') : attr<string>(rec, list.principal.namePath);
  return raw.map((arn, i) => {
    const key = typeof arn === 'string' ? JSON.stringify(arn) : String(i);
    const address = `${rec.address}.${list.path}[${key}]`;
    const a = tfResource(rec, 'aws.iam.policy-attachment');
    a.id = address;
    a.address = address;
    a.arn = null;
    a.identifiers = [];
    const loc = { ...locOf(rec, list.path), address };
    a.loc = loc;
    const known = typeof arn === 'string';
    a.attrs.policyArn = known ? { value: arn, origin: 'explicit', loc } : { value: undefined, origin: 'unknown', loc };
    a.attrs.awsManagedPolicy = known
      ? { value: AWS_MANAGED_POLICY.test(arn), origin: 'explicit', loc }
      : onlyCustomerRefs
        ? { value: false, origin: 'explicit', loc }
        : { value: undefined, origin: 'unknown', loc };
    a.attrs.principalTypes = { value: [list.type], origin: 'explicit', loc };
    a.attrs.principalNames = typeof name.value === 'string' ? { value: [name.value], origin: 'explicit', loc } : { value: undefined, origin: 'unknown', loc };
    a.linkRefs = [
      'self' in list.principal
        ? refTo(list.link, [`aws.iam.${list.type}`], [rec.address], rec, list.path, 'policyAttachments')
        : linkRef(rec, list.link, list.principal.namePath, [`aws.iam.${list.type}`], { inverse: 'policyAttachments' }),
      { name: 'policy', kinds: ['aws.iam.policy'], addresses: known ? [] : customerRefs, literals: known ? [arn] : [], loc, inverse: 'attachments' },
    ];
    return a;
  });
}

/** aws_iam_{role,user,group}_policy_attachments_exclusive: the only managed policies the principal has. */
function exclusive(type: 'role' | 'user' | 'group', link: 'roles' | 'users' | 'groups'): TfAdapter {
  return (rec) => exclusiveAttachments(rec, { path: 'policy_arns', type, link, principal: { namePath: `${type}_name` } });
}

const user: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.iam.user', [rec.values.name, rec.values.unique_id]);
  r.attrs.name = attr<string>(rec, 'name');
  r.attrs.path = attr<string>(rec, 'path', { default: '/' });
  r.attrs.permissionsBoundary = attr<string>(rec, 'permissions_boundary');
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs.tags = tags;
  r.attrs.dataClass = dataClass;
  return r;
};

const group: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.iam.group', [rec.values.name, rec.values.unique_id]);
  r.attrs.name = attr<string>(rec, 'name');
  r.attrs.path = attr<string>(rec, 'path', { default: '/' });
  return r;
};

// ---------------------------------------------------------------------------------------------
// Attachments and memberships
// ---------------------------------------------------------------------------------------------

type Principal = { path: string; type: 'role' | 'user' | 'group'; link: 'roles' | 'users' | 'groups' };

function attachment(principals: Principal[]): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.iam.policy-attachment');
    const arn = attr<string>(rec, 'policy_arn');
    r.attrs.policyArn = arn;
    // A reference to an aws_iam_policy resource is a customer managed policy even while its ARN is unknown.
    const customerRef = (rec.references['policy_arn'] ?? []).some((a) => refersToType(a, 'aws_iam_policy'));
    r.attrs.awsManagedPolicy =
      arn.origin === 'unknown'
        ? customerRef
          ? { value: false, origin: 'explicit', loc: arn.loc }
          : { value: undefined, origin: 'unknown', loc: arn.loc }
        : { value: typeof arn.value === 'string' && AWS_MANAGED_POLICY.test(arn.value), origin: arn.origin, loc: arn.loc };
    const types: string[] = [];
    const names: unknown[] = [];
    let unknownNames = false;
    for (const p of principals) {
      const raw = rawAt(rec.values, p.path);
      if (isUnknown(raw)) unknownNames = true;
      const list = stringList(raw);
      if (list.length || isUnknown(raw) || (rec.references[p.path]?.length ?? 0) > 0) types.push(p.type);
      if (Array.isArray(raw) && raw.some(isUnknown)) unknownNames = true;
      pushAll(names, list);
      r.linkRefs!.push(linkRef(rec, p.link, p.path, [`aws.iam.${p.type}`], { inverse: 'policyAttachments' }));
    }
    r.attrs.principalTypes = { value: types, origin: 'explicit', loc: r.loc };
    r.attrs.principalNames = unknownNames ? { value: undefined, origin: 'unknown', loc: r.loc } : { value: names, origin: 'explicit', loc: r.loc };
    r.linkRefs!.push(linkRef(rec, 'policy', 'policy_arn', ['aws.iam.policy'], { inverse: 'attachments' }));
    return r;
  };
}

/** aws_iam_user_group_membership: a facet of the user that adds the `groups` link. */
const userGroupMembership: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.iam.user-group-membership');
  r.linkRefs!.push(linkRef(rec, 'user', 'user', ['aws.iam.user']));
  r.linkRefs!.push(linkRef(rec, 'groups', 'groups', ['aws.iam.group']));
  r.mergeInto = 'user';
  return r;
};

// ---------------------------------------------------------------------------------------------
// data.aws_iam_policy_document
// ---------------------------------------------------------------------------------------------

const policyDocument: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.iam.policy-document');
  r.identifiers = [];
  const json = attr<unknown>(rec, 'json');
  const loc = locOf(rec, 'statement');
  if (json.origin !== 'unknown' && json.value !== undefined) {
    const doc = normalizeIamDocument(json.value);
    r.attrs.document = doc === undefined ? { value: undefined, origin: 'unknown', loc } : { value: doc, origin: 'explicit', loc };
  } else {
    r.attrs.document = { value: documentFromStatementBlocks(rec.values), origin: 'explicit', loc };
  }
  return r;
};

/** Terraform resource type -> adapter. */
export const iamAdapters: Record<string, TfAdapter> = {
  aws_iam_policy: managedPolicy,
  aws_iam_role_policy: inlinePolicy('role', 'roles', 'policies'),
  aws_iam_user_policy: inlinePolicy('user', 'users', 'inlinePolicies'),
  aws_iam_group_policy: inlinePolicy('group', 'groups', 'inlinePolicies'),
  aws_iam_role: role,
  aws_iam_user: user,
  aws_iam_group: group,
  aws_iam_role_policy_attachment: attachment([{ path: 'role', type: 'role', link: 'roles' }]),
  aws_iam_user_policy_attachment: attachment([{ path: 'user', type: 'user', link: 'users' }]),
  aws_iam_group_policy_attachment: attachment([{ path: 'group', type: 'group', link: 'groups' }]),
  aws_iam_policy_attachment: attachment([
    { path: 'roles', type: 'role', link: 'roles' },
    { path: 'users', type: 'user', link: 'users' },
    { path: 'groups', type: 'group', link: 'groups' },
  ]),
  aws_iam_role_policy_attachments_exclusive: exclusive('role', 'roles'),
  aws_iam_user_policy_attachments_exclusive: exclusive('user', 'users'),
  aws_iam_group_policy_attachments_exclusive: exclusive('group', 'groups'),
  aws_iam_user_group_membership: userGroupMembership,
  'data.aws_iam_policy_document': policyDocument,
};
