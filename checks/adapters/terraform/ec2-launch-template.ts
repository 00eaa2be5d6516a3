import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import { accountLink, attr, imdsAttrs, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** `"true"` / `"false"` (aws_launch_template writes ebs.encrypted as a string) or a bool; unset or `""` is null. */
function encryptedFlag(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return null;
}

/** The template's block_device_mappings, one entry per mapping. */
function blockDevices(raw: unknown, loc: Val['loc']): Val {
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  const list = Array.isArray(raw) ? raw : [];
  const value = list.map((m) => {
    if (isUnknown(m) || !m || typeof m !== 'object') return UNKNOWN;
    const b = m as Record<string, unknown>;
    const ebsRaw = b.ebs;
    if (isUnknown(ebsRaw)) return { deviceName: b.device_name ?? null, ebs: UNKNOWN, encrypted: UNKNOWN, kmsKeyId: UNKNOWN, snapshotId: UNKNOWN };
    const ebs = Array.isArray(ebsRaw) ? (ebsRaw[0] as Record<string, unknown> | undefined) : undefined;
    const at = (k: string) => (ebs ? (isUnknown(ebs[k]) ? UNKNOWN : (ebs[k] ?? null)) : null);
    return { deviceName: isUnknown(b.device_name) ? UNKNOWN : (b.device_name ?? null), ebs: Boolean(ebs), encrypted: ebs ? encryptedFlag(ebs.encrypted) : null, kmsKeyId: at('kms_key_id'), snapshotId: at('snapshot_id') };
  });
  return { value, origin: list.length ? 'explicit' : 'default', loc };
}

/** aws_launch_template: the version the configuration describes (Terraform makes it the latest). */
const launchTemplate: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ec2.launch-template', [rec.values.name]);
  r.attrs = { name: attr(rec, 'name'), ...imdsAttrs(rec), blockDeviceMappings: blockDevices(rawAt(rec.values, 'block_device_mappings'), locOf(rec, 'block_device_mappings')), ...tagAttrs(rec) };
  r.linkRefs = [accountLink(r.loc)];
  return r;
};

export const ec2LaunchTemplateAdapters: Record<string, TfAdapter> = { aws_launch_template: launchTemplate };
