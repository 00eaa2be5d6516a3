import { normalizeIamDocument } from '../../model/iam-document.js';
import { computed, dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers.js';

const role: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.iam.role', ctx, [dataAt(rec, 'RoleName'), dataAt(rec, 'RoleId')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'RoleName'),
    path: liveAttr(rec, ctx, 'Path', { default: '/' }),
    assumeRolePolicy: computed(rec, ctx, 'AssumeRolePolicyDocument', normalizeIamDocument(dataAt(rec, 'AssumeRolePolicyDocument'))),
    permissionsBoundary: liveAttr(rec, ctx, 'PermissionsBoundary.PermissionsBoundaryArn'),
    maxSessionDuration: liveAttr(rec, ctx, 'MaxSessionDuration', { default: 3600 }),
    ...tagVals(rec, ctx),
  };
  return r;
};

export const iamLiveAdapters: Record<string, LiveAdapter> = { 'AWS::IAM::Role': role };
