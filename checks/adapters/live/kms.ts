import { dataAt, liveAttr, liveDerived, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A KMS key. AWS-managed keys rotate every year by AWS's own schedule; their rotation is not read. */
const key: LiveAdapter = (rec, ctx) => {
  const aliases = (dataAt(rec, 'Aliases') as string[] | undefined) ?? [];
  const region = rec.region;
  const aliasArns = aliases.map((a) => `arn:${ctx.snapshot.account.partition}:kms:${region}:${rec.account}:${a}`);
  const r = liveResource(rec, 'aws.kms.key', ctx, [dataAt(rec, 'KeyId'), ...aliasArns]);
  const manager = dataAt(rec, 'KeyManager') as string | undefined;
  const awsManaged = manager === 'AWS';
  const state = dataAt(rec, 'KeyState') as string | undefined;
  const rotationOn = dataAt(rec, 'rotation.enabled') === true;
  r.attrs = {
    keyId: liveAttr(rec, ctx, 'KeyId'),
    description: liveAttr(rec, ctx, 'Description', { facet: 'metadata' }),
    customerManaged: liveDerived(rec, ctx, 'KeyManager', manager === undefined ? undefined : manager === 'CUSTOMER', ['metadata']),
    enabled: liveDerived(rec, ctx, 'KeyState', state === undefined ? undefined : state === 'Enabled', ['metadata']),
    keyUsage: liveAttr(rec, ctx, 'KeyUsage', { default: 'ENCRYPT_DECRYPT', facet: 'metadata' }),
    keySpec: liveAttr(rec, ctx, 'KeySpec', { default: 'SYMMETRIC_DEFAULT', facet: 'metadata' }),
    rotationEnabled: awsManaged ? liveDerived(rec, ctx, 'rotation', true, [], 'default') : liveAttr(rec, ctx, 'rotation.enabled', { default: false, facet: 'rotation' }),
    rotationPeriodDays: awsManaged ? liveDerived(rec, ctx, 'rotation', 365, [], 'default') : liveDerived(rec, ctx, 'rotation', rotationOn ? ((dataAt(rec, 'rotation.periodInDays') as number | null) ?? 365) : undefined, ['rotation'], dataAt(rec, 'rotation.periodInDays') ? 'explicit' : 'default'),
    deletionWindowDays: liveAttr(rec, ctx, 'PendingDeletionWindowInDays', { facet: 'metadata' }),
    pendingDeletion: liveDerived(rec, ctx, 'KeyState', state === undefined ? undefined : state === 'PendingDeletion', ['metadata']),
    keyPolicy: awsManaged ? liveDerived(rec, ctx, 'policy', undefined, [], 'default') : liveAttr(rec, ctx, 'policy'),
    multiRegion: liveAttr(rec, ctx, 'MultiRegion', { default: false, facet: 'metadata' }),
    keyOrigin: liveAttr(rec, ctx, 'Origin', { default: 'AWS_KMS', facet: 'metadata' }),
    replica: liveDerived(rec, ctx, 'MultiRegionConfiguration', dataAt(rec, 'MultiRegionConfiguration.MultiRegionKeyType') === 'REPLICA', ['metadata']),
    aliases: liveDerived(rec, ctx, 'Aliases', aliases),
    ...(awsManaged ? { tags: liveDerived(rec, ctx, 'tags', {}, [], 'default'), dataClass: liveDerived(rec, ctx, 'dataClass', undefined, [], 'default') } : tagVals(rec, ctx, 'tags', 'tags')),
  };
  return r;
};

export const kmsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::KMS::Key': key };
