import { errorVal, type Location } from '../../model/value.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { decodeBase64Text, scanText } from '../../util/credentials.js';
import { dataAt, describeError, imdsVals, liveAttr, liveDerived, liveLink, liveResource, locAt, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

interface Summary {
  present?: boolean;
  readable?: boolean;
  credentials?: Array<{ line?: number; name?: string; reason?: string }>;
}

/**
 * The user data summary of a record: the collector's (`userData`: present, readable, credentials by
 * line), or one made here from a raw `UserData` a snapshot from elsewhere kept (base64, or
 * `{ Value }` as DescribeInstanceAttribute returns it); undefined when the snapshot says nothing.
 */
function summaryOf(rec: SnapshotResource): Summary | undefined {
  const s = dataAt(rec, 'userData');
  if (s && typeof s === 'object') return s as Summary;
  const raw = dataAt(rec, 'UserData');
  const b64 = typeof raw === 'string' ? raw : raw && typeof raw === 'object' ? (raw as { Value?: unknown }).Value : undefined;
  if (raw === undefined) return undefined;
  if (typeof b64 !== 'string' || b64 === '') return { present: false };
  const text = decodeBase64Text(b64);
  return text === undefined ? { present: true, readable: false } : { present: true, readable: true, credentials: scanText(text) };
}

/** An EC2 instance: its user data judged for credentials (the snapshot keeps only what was found, by line). */
const instance: LiveAdapter = (rec: SnapshotResource, ctx: LiveCtx) => {
  const r = liveResource(rec, 'aws.ec2.instance', ctx, [dataAt(rec, 'InstanceId')]);
  const loc: Location = locAt(rec, ctx, 'userData');
  const summary = summaryOf(rec);
  const err = rec.errors?.userData;
  const uses = (summary?.credentials ?? []).map((c) => {
    const u: Record<string, unknown> = { attribute: 'userData', reason: c.reason ?? 'holds a credential', _loc: loc };
    if (c.name !== undefined) u.variable = c.name;
    if (c.line !== undefined) u.line = c.line;
    return u;
  });
  const unread = summary?.present && summary.readable === false ? [{ attribute: 'userData', reason: 'the user data is not text the scan can read (binary, or an archive other than gzip)', _loc: loc }] : [];
  r.attrs = {
    instanceId: liveAttr(rec, ctx, 'InstanceId'),
    state: liveAttr(rec, ctx, 'State.Name'),
    plaintextCredentials: err ? errorVal(describeError(err), loc) : summary ? liveDerived(rec, ctx, 'userData', uses) : { value: undefined, origin: 'unknown', loc },
    unreadCredentials: err ? errorVal(describeError(err), loc) : liveDerived(rec, ctx, 'userData', unread),
    ...imdsVals(rec, ctx, 'MetadataOptions'),
    associatePublicIpAddress: liveDerived(rec, ctx, 'PublicIpAddress', typeof dataAt(rec, 'PublicIpAddress') === 'string'),
    ...tagVals(rec, ctx),
  };
  const subnet = dataAt(rec, 'SubnetId') as string | undefined;
  if (subnet) r.linkRefs!.push(liveLink(rec, ctx, 'subnet', subnet, ['aws.ec2.subnet'], { attribute: 'SubnetId' }));
  return r;
};

export const ec2InstanceLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EC2::Instance': instance };
