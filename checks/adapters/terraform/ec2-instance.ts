import type { TfRecord } from '../../sources/terraform/record.js';
import type { Resource } from '../../model/resource.js';
import { asBool, attr, computedAttr, imdsAttrs, linkRef, locOf, scanCredentials, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const USER_DATA = ['user_data', 'user_data_base64'];

/** The record with only its user data arguments: what the instance's own credential policy judges (live sees only that). */
function userDataOnly(rec: TfRecord): TfRecord {
  const pick = <T>(o: Record<string, T> | undefined): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const k of USER_DATA) if (o && k in o) out[k] = o[k]!;
    return out;
  };
  const sub: TfRecord = { ...rec, values: pick(rec.values), references: pick(rec.references) };
  if (rec.literals) sub.literals = pick(rec.literals);
  if (rec.configured) sub.configured = new Set([...rec.configured].filter((p) => USER_DATA.includes(p.split('.')[0]!)));
  return sub;
}

/** aws_instance: its user data, judged for credentials as the live collector judges DescribeInstanceAttribute userData. */
const instance: TfAdapter = (rec) => instanceOf(rec, 'id');

/**
 * aws_spot_instance_request takes every aws_instance argument and launches an EC2 instance: the same kind,
 * whose instance id is spot_instance_id (its own id is the request's, sir-...).
 */
const spotInstanceRequest: TfAdapter = (rec) => instanceOf(rec, 'spot_instance_id');

function instanceOf(rec: TfRecord, instanceIdPath: string): Resource {
  const r = tfResource(rec, 'aws.ec2.instance');
  const { uses, unread } = scanCredentials(userDataOnly(rec));
  const loc = locOf(rec, uses[0]?.attribute ?? unread[0]?.attribute ?? 'user_data');
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs = {
    instanceId: attr(rec, instanceIdPath),
    state: attr(rec, 'instance_state'),
    plaintextCredentials: { value: uses, origin: 'explicit', loc },
    unreadCredentials: { value: unread, origin: 'explicit', loc },
    ...imdsAttrs(rec),
    associatePublicIpAddress: computedAttr(rec, 'associate_public_ip_address', { map: asBool }),
    tags,
    dataClass,
  };
  r.linkRefs = [linkRef(rec, 'subnet', 'subnet_id', ['aws.ec2.subnet'])];
  return r;
};

export const ec2InstanceAdapters: Record<string, TfAdapter> = { aws_instance: instance, aws_spot_instance_request: spotInstanceRequest };
