import { defineCheck } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import { attrNamed, linkedNamed } from '../model/typed.js';
import { isUnknown, type Location } from '../model/value.js';

/**
 * Role-based access on a Redis OSS / Valkey replication group or serverless cache lets in only users who sign in: no user of its user
 * groups is enabled (access string `on ...`) without a password. The user with id `default` is the one ElastiCache
 * creates in every account, enabled, without a password and with every command on every key: a group that lists it
 * admits every client that reaches the port. A group or user the input does not hold is unknown (its users are
 * unseen); live, a failed read of the region's groups or users is an error. No user group at all is not met (the
 * policy's other branch, an AUTH token, decides then).
 */
const BUILT_IN_DEFAULT = 'default';

const messages = {
  noUserGroups: 'no RBAC user group',
  openUser: 'user {user} of user group {group} is enabled without a password ({access})',
  builtInDefault: 'user group {group} lists the built-in user "default" (enabled, no password, every command on every key)',
  groupUnseen: 'user group {group} is not in this input: its users are unseen',
  userUnseen: 'user {user} of user group {group} is not in this input',
  userUnknown: 'whether user {user} of user group {group} signs in without a password is known only after apply',
  membersUnknown: 'the users of the user groups are known only after apply',
} as const;

interface Member {
  userId: string;
  accessString?: unknown;
  passwordless?: unknown;
  /** The user is not described (not in the input, or not listed by the region). */
  unseen?: boolean;
}

type Group = { id: string; members?: Member[] };

const enabled = (access: unknown): boolean => typeof access === 'string' && /^\s*on\b/i.test(access);

/** Terraform: the groups of userGroupIds through the userGroups link, their users through each group's users link. */
function terraformGroups(r: Resource, model: Model, ids: string[]): Group[] {
  const linked = linkedNamed(model, r, 'userGroups', 'aws.elasticache.user-group');
  const byId = new Map<string, (typeof linked)[number]>();
  for (const g of linked) {
    const id = g.attrs.userGroupId?.value;
    if (typeof id === 'string') byId.set(id, g);
  }
  // a reference whose id is known only after apply: the linked groups are the ones named; none linked is unseen
  if (ids.some(isUnknown) && !linked.length) return [{ id: '(known after apply)' }];
  const groups = ids.some(isUnknown) || ids.length === 0 ? linked : ids.map((id) => byId.get(id) ?? id);
  return groups.map((g) => {
    if (typeof g === 'string') return { id: g };
    const id = String(g.attrs.userGroupId?.value ?? g.address ?? g.id);
    const userIds = g.attrs.userIds;
    if (!userIds || userIds.origin === 'unknown' || !Array.isArray(userIds.value)) return { id, members: [{ userId: '(known after apply)', passwordless: undefined, accessString: undefined }] };
    const users = linkedNamed(model, g, 'users', 'aws.elasticache.user');
    return {
      id,
      members: (userIds.value as unknown[]).map((uid) => {
        const u = users.find((x) => x.attrs.userId?.value === uid);
        if (u) return { userId: String(uid), accessString: u.attrs.accessString?.value, passwordless: u.attrs.passwordless?.origin === 'unknown' ? undefined : u.attrs.passwordless?.value };
        return { userId: isUnknown(uid) ? '(known after apply)' : String(uid), unseen: !isUnknown(uid), passwordless: undefined };
      }),
    };
  });
}

/** Live: userGroupUsers as the collector read it. */
function liveGroups(value: unknown, ids: string[]): Group[] {
  const read = new Map<string, Member[]>();
  for (const g of Array.isArray(value) ? (value as Array<{ userGroupId?: string; users?: Array<Record<string, unknown>> }>) : []) {
    if (typeof g.userGroupId === 'string')
      read.set(
        g.userGroupId,
        (g.users ?? []).map((u) => ({ userId: String(u.userId), accessString: u.accessString, passwordless: u.passwordless, unseen: u.accessString === null && u.userName === null })),
      );
  }
  return ids.map((id) => ({ id, members: read.get(id) }));
}

export const codeCheck = defineCheck({
  name: 'elasticache-users-closed',
  description: 'The RBAC user groups of a replication group or serverless cache admit no enabled user without a password (the built-in default user included).',
  kinds: ['aws.elasticache.replication-group', 'aws.elasticache.serverless-cache'],
  messages,
  evaluate(r, ctx) {
    const idsVal = attrNamed(r, 'userGroupIds');
    const loc: Location | undefined = idsVal?.loc ?? r.loc;
    const ev = (value: unknown) => [{ path: 'userGroupIds', value, loc }];
    if (idsVal?.error) return { truth: 'error', evidence: ev(null), loc, error: idsVal.error };
    if (!idsVal || idsVal.origin === 'unknown' || !Array.isArray(idsVal.value)) return { truth: 'unknown', evidence: ev('(known after apply)'), loc, message: { id: 'membersUnknown' } };
    const ids = idsVal.value as string[];
    if (ids.length === 0) return { truth: 'false', evidence: ev([]), loc, message: { id: 'noUserGroups' } };
    let groups: Group[];
    if (r.source === 'live') {
      const users = attrNamed(r, 'userGroupUsers');
      if (users?.error) return { truth: 'error', evidence: [{ path: 'userGroupUsers', value: null, loc: users.loc }], loc: users.loc, error: users.error };
      if (!users || users.origin === 'unknown' || users.value === null || users.value === undefined) return { truth: 'unknown', evidence: ev(ids), loc, message: { id: 'membersUnknown' } };
      groups = liveGroups(users.value, ids);
    } else groups = terraformGroups(r, ctx.model, ids);
    let unknown: { id: keyof typeof messages; data: Record<string, string> } | undefined;
    for (const g of groups) {
      if (!g.members) {
        unknown ??= { id: 'groupUnseen', data: { group: g.id } };
        continue;
      }
      for (const m of g.members) {
        // the built-in user: never a resource of the input, and live described as ElastiCache made it
        if (m.userId === BUILT_IN_DEFAULT && (m.unseen || (enabled(m.accessString) && m.passwordless === true)))
          return { truth: 'false', evidence: ev(ids), loc, message: { id: 'builtInDefault', data: { group: g.id } } };
        if (m.unseen) {
          unknown ??= { id: 'userUnseen', data: { user: m.userId, group: g.id } };
          continue;
        }
        if (m.passwordless === true && enabled(m.accessString))
          return { truth: 'false', evidence: ev(ids), loc, message: { id: 'openUser', data: { user: m.userId, group: g.id, access: String(m.accessString) } } };
        if (m.passwordless === undefined || (m.passwordless === true && typeof m.accessString !== 'string')) unknown ??= { id: 'userUnknown', data: { user: m.userId, group: g.id } };
      }
    }
    if (unknown) return { truth: 'unknown', evidence: ev(ids), loc, message: unknown as never };
    return { truth: 'true', evidence: ev(ids), loc };
  },
});
