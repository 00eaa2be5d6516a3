import { accountArn, dataAt, imdsVals, liveAttr, liveDerived, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** The default version's BlockDeviceMappings, in the shape the Terraform adapter gives. */
function blockDevices(raw: unknown): unknown[] {
  return (Array.isArray(raw) ? raw : []).map((m: Record<string, unknown>) => {
    const ebs = m.Ebs as Record<string, unknown> | undefined;
    return { deviceName: m.DeviceName ?? null, ebs: Boolean(ebs), encrypted: typeof ebs?.Encrypted === 'boolean' ? ebs.Encrypted : null, kmsKeyId: ebs?.KmsKeyId ?? null, snapshotId: ebs?.SnapshotId ?? null };
  });
}

/** A launch template judged by its default version's data (facet `defaultVersion`: LaunchTemplateData). */
const launchTemplate: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.launch-template', ctx, [dataAt(rec, 'LaunchTemplateId'), dataAt(rec, 'LaunchTemplateName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'LaunchTemplateName'),
    ...imdsVals(rec, ctx, 'defaultVersion.MetadataOptions'),
    blockDeviceMappings: liveDerived(rec, ctx, 'defaultVersion.BlockDeviceMappings', blockDevices(dataAt(rec, 'defaultVersion.BlockDeviceMappings')), ['defaultVersion']),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push({ name: 'account', kinds: ['aws.account'], literals: [accountArn(ctx, rec.region, rec.account)], loc: r.loc });
  return r;
};

export const ec2LaunchTemplateLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EC2::LaunchTemplate': launchTemplate };
