import { normalizeIamDocument } from '../../model/iam-document.js';
import type { Resource } from '../../model/resource.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { credentialAttrs, dataAt, describeError, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';
import { errorVal } from '../../model/value.js';

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/** Inline policies of a role or user as aws.iam.policy resources (id: `<principal ARN>/inline/<name>`). */
function inline(rec: SnapshotResource, ctx: LiveCtx, principal: 'role' | 'user', owner: Resource): Resource[] {
  const out: Resource[] = [];
  const docs = (dataAt(rec, 'inlinePolicies') as Array<{ PolicyName: string; PolicyDocument: unknown }> | null | undefined) ?? [];
  for (const d of docs) {
    const prec: SnapshotResource = { type: 'AWS::IAM::InlinePolicy', arn: `${rec.arn}/inline/${d.PolicyName}`, region: rec.region, account: rec.account, data: d as unknown as Record<string, unknown> };
    const p = liveResource(prec, 'aws.iam.policy', ctx);
    p.attrs = {
      name: liveAttr(prec, ctx, 'PolicyName'),
      managed: liveDerived(prec, ctx, 'managed', false),
      awsManaged: liveDerived(prec, ctx, 'awsManaged', false),
      attachedTo: liveDerived(prec, ctx, 'attachedTo', [principal]),
      document: liveDerived(prec, ctx, 'PolicyDocument', normalizeIamDocument(d.PolicyDocument)),
      tags: liveDerived(prec, ctx, 'tags', {}, [], 'default'),
      dataClass: liveDerived(prec, ctx, 'dataClass', undefined, [], 'default'),
    };
    p.linkRefs!.push({ name: principal === 'role' ? 'roles' : 'users', kinds: [principal === 'role' ? 'aws.iam.role' : 'aws.iam.user'], literals: [rec.arn], loc: p.loc });
    (owner.linkRefs ??= []).push({ name: principal === 'role' ? 'policies' : 'inlinePolicies', kinds: ['aws.iam.policy'], literals: [prec.arn], loc: owner.loc });
    out.push(p);
  }
  return out;
}

/** A failed inline-policy listing: the owner gets a stand-in inline policy whose document is an error. */
function inlineFailed(rec: SnapshotResource, ctx: LiveCtx, principal: 'role' | 'user', owner: Resource): Resource[] {
  const err = rec.errors?.inlinePolicies;
  if (!err) return [];
  const prec: SnapshotResource = { type: 'AWS::IAM::InlinePolicy', arn: `${rec.arn}/inline/*`, region: rec.region, account: rec.account, data: {} };
  const p = liveResource(prec, 'aws.iam.policy', ctx);
  const msg = describeError(err);
  p.attrs = { managed: liveDerived(prec, ctx, 'managed', false), attachedTo: liveDerived(prec, ctx, 'attachedTo', [principal]), document: errorVal(msg, p.loc), name: errorVal(msg, p.loc) };
  (owner.linkRefs ??= []).push({ name: principal === 'role' ? 'policies' : 'inlinePolicies', kinds: ['aws.iam.policy'], literals: [prec.arn], loc: owner.loc });
  return [p];
}

const role: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.iam.role', ctx, [dataAt(rec, 'RoleName'), dataAt(rec, 'RoleId')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'RoleName'),
    path: liveAttr(rec, ctx, 'Path', { default: '/' }),
    assumeRolePolicy: liveDerived(rec, ctx, 'AssumeRolePolicyDocument', normalizeIamDocument(dataAt(rec, 'AssumeRolePolicyDocument'))),
    managedPolicyArns: liveAttr(rec, ctx, 'attachedPolicies', { default: [] }),
    permissionsBoundary: liveAttr(rec, ctx, 'PermissionsBoundary.PermissionsBoundaryArn'),
    maxSessionDuration: liveAttr(rec, ctx, 'MaxSessionDuration', { default: 3600 }),
    ...tagVals(rec, ctx),
  };
  const attached = (dataAt(rec, 'attachedPolicies') as string[] | null | undefined) ?? [];
  r.linkRefs!.push(liveLink(rec, ctx, 'policies', attached, ['aws.iam.policy'], { attribute: 'attachedPolicies' }));
  return [r, ...inline(rec, ctx, 'role', r), ...inlineFailed(rec, ctx, 'role', r)];
};

const user: LiveAdapter = (rec, ctx) => {
  const u = liveResource(rec, 'aws.iam.user', ctx, [dataAt(rec, 'UserName'), dataAt(rec, 'UserId')]);
  u.attrs = {
    name: liveAttr(rec, ctx, 'UserName'),
    path: liveAttr(rec, ctx, 'Path', { default: '/' }),
    permissionsBoundary: liveAttr(rec, ctx, 'PermissionsBoundary.PermissionsBoundaryArn'),
    ...credentialAttrs(rec, ctx),
    ...tagVals(rec, ctx),
  };
  const out: Resource[] = [u, ...inline(rec, ctx, 'user', u), ...inlineFailed(rec, ctx, 'user', u)];
  const attachedErr = rec.errors?.attachedPolicies;
  const attached = attachedErr ? ['*'] : ((dataAt(rec, 'attachedPolicies') as string[] | null | undefined) ?? []);
  for (const policyArn of attached) {
    const arec: SnapshotResource = { type: 'AWS::IAM::PolicyAttachment', arn: `${rec.arn}/attached/${policyArn}`, region: rec.region, account: rec.account, data: { policyArn } };
    const a = liveResource(arec, 'aws.iam.policy-attachment', ctx);
    a.attrs = attachedErr
      ? { policyArn: errorVal(describeError(attachedErr), a.loc), awsManagedPolicy: errorVal(describeError(attachedErr), a.loc) }
      : {
          policyArn: liveAttr(arec, ctx, 'policyArn'),
          awsManagedPolicy: liveDerived(arec, ctx, 'policyArn', AWS_MANAGED.test(policyArn)),
          principalTypes: liveDerived(arec, ctx, 'principalTypes', ['user']),
          principalNames: liveDerived(arec, ctx, 'principalNames', [dataAt(rec, 'UserName') as string]),
        };
    a.linkRefs!.push({ name: 'users', kinds: ['aws.iam.user'], literals: [rec.arn], inverse: 'policyAttachments', loc: a.loc });
    if (!attachedErr) a.linkRefs!.push({ name: 'policy', kinds: ['aws.iam.policy'], literals: [policyArn], inverse: 'attachments', loc: a.loc });
    out.push(a);
  }
  return out;
};

const managedPolicy: LiveAdapter = (rec, ctx) => {
  const p = liveResource(rec, 'aws.iam.policy', ctx, [dataAt(rec, 'PolicyName'), dataAt(rec, 'PolicyId')]);
  p.attrs = {
    name: liveAttr(rec, ctx, 'PolicyName'),
    arn: liveDerived(rec, ctx, 'Arn', rec.arn),
    managed: liveDerived(rec, ctx, 'managed', true),
    awsManaged: liveDerived(rec, ctx, 'Arn', AWS_MANAGED.test(rec.arn)),
    attachedTo: liveDerived(rec, ctx, 'attachedTo', [] as string[]),
    document: liveDerived(rec, ctx, 'document', normalizeIamDocument(dataAt(rec, 'document')), ['document']),
    ...tagVals(rec, ctx),
  };
  return p;
};

export const iamLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::IAM::ManagedPolicy': managedPolicy,
};
