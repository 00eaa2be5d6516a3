import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListResourceTagsCommand, paginateListAliases, paginateListKeys } from '@aws-sdk/client-kms';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/** KMS: keys with their metadata, rotation status, key policy, aliases and tags (AWS-managed keys: metadata only). */
export async function collectKms(c: Collector, region: string): Promise<void> {
  if (c.covered('AWS::KMS::Key')) return;
  const client = c.client(KMSClient, region);
  const [keys, aliases] = await Promise.all([
    listAll(c, 'kms', region, 'kms:ListKeys', ['AWS::KMS::Key'], () => items(paginateListKeys({ client }, {}), (p) => p.Keys)),
    listAll(c, 'kms', region, 'kms:ListAliases', [], () => items(paginateListAliases({ client }, {}), (p) => p.Aliases)),
  ]);
  await Promise.all(
    (keys ?? []).map(async (k) => {
      const arn = k.KeyArn ?? c.arn('kms', region, `key/${k.KeyId}`);
      const rec: SnapshotResource = { type: 'AWS::KMS::Key', arn, region, account: c.accountId, data: { KeyId: k.KeyId, KeyArn: arn } };
      const meta = await c.read('kms', region, 'kms:DescribeKey', () => client.send(new DescribeKeyCommand({ KeyId: k.KeyId })));
      if (meta.ok) Object.assign(rec.data, plain(meta.value.KeyMetadata));
      else if (!meta.notConfigured) (rec.errors ??= {}).metadata = meta.error;
      rec.data.Aliases = (aliases ?? []).filter((a) => a.TargetKeyId === k.KeyId).map((a) => a.AliasName);
      const managedByAws = meta.ok && meta.value.KeyMetadata?.KeyManager === 'AWS';
      const symmetric = !meta.ok || (meta.value.KeyMetadata?.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
      if (!managedByAws) {
        const [rotation, policy, tags] = await Promise.all([
          symmetric ? c.read('kms', region, 'kms:GetKeyRotationStatus', () => client.send(new GetKeyRotationStatusCommand({ KeyId: k.KeyId }))) : undefined,
          c.read('kms', region, 'kms:GetKeyPolicy', () => client.send(new GetKeyPolicyCommand({ KeyId: k.KeyId, PolicyName: 'default' }))),
          c.read('kms', region, 'kms:ListResourceTags', () => client.send(new ListResourceTagsCommand({ KeyId: k.KeyId }))),
        ]);
        if (rotation) facet(rec, 'rotation', rotation, (v) => ({ enabled: v.KeyRotationEnabled ?? false, periodInDays: v.RotationPeriodInDays ?? null }));
        else rec.data.rotation = { enabled: false, periodInDays: null, applicable: false };
        facet(rec, 'policy', policy, (v) => (v.Policy ? JSON.parse(v.Policy) : null));
        facet(rec, 'tags', tags, (v) => tagMap(v.Tags?.map((t) => ({ Key: t.TagKey, Value: t.TagValue }))));
      }
      c.add(rec);
    }),
  );
}
