import { targetKindOfId } from '../shared/org-targets.js';
import { liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * org slice (issue 14, wave 4): a service control policy as ListPolicies summarises it (collect/organizations.ts),
 * with the `content` facet (DescribePolicy) and the `targets` facet (ListTargetsForPolicy); a failed read of
 * either makes that attribute an error, so the residency policy reports `error`.
 */
const targetIds = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map((t) => (t as { TargetId?: string }).TargetId).filter((x): x is string => typeof x === 'string') : undefined);

const policy: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.organizations.policy', ctx, [liveAttr(rec, ctx, 'Id').value]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    policyType: liveAttr(rec, ctx, 'Type', { default: 'SERVICE_CONTROL_POLICY' }),
    content: liveAttr(rec, ctx, 'content'),
    targets: liveAttr(rec, ctx, 'targets', { default: [], map: targetIds }),
    targetKinds: liveAttr(rec, ctx, 'targets', { default: [], map: (v) => targetIds(v)?.map(targetKindOfId) }),
    // Policy tags are not collected (ListTagsForResource is not in the auditor policy): no tags, never an error.
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

export const organizationsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Organizations::Policy': policy };
