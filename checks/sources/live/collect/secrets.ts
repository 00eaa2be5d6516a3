import { GetResourcePolicyCommand, SecretsManagerClient, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Secrets Manager: secret metadata (rotation, KMS key, tags) and each secret's resource policy
 * (GetResourcePolicy, one call per secret: the service has no batch read; `resourcePolicy`, null when the
 * secret has none). Secret values are never read.
 */
export async function collectSecrets(c: Collector, region: string): Promise<void> {
  const client = c.client(SecretsManagerClient, region);
  const secrets = await listAll(c, 'secretsmanager', region, 'secretsmanager:ListSecrets', ['AWS::SecretsManager::Secret'], () => items(paginateListSecrets({ client }, {}), (p) => p.SecretList));
  await Promise.all(
    (secrets ?? []).map(async (s) => {
      const arn = s.ARN ?? c.arn('secretsmanager', region, `secret:${s.Name}`);
      const rec = c.add({ type: 'AWS::SecretsManager::Secret', arn, region, account: c.accountId, data: plain({ ...s, Tags: tagMap(s.Tags) }) as Record<string, unknown> });
      const policy = await c.read('secretsmanager', region, 'secretsmanager:GetResourcePolicy', () => client.send(new GetResourcePolicyCommand({ SecretId: arn })));
      facet(rec, 'resourcePolicy', policy, (v) => v.ResourcePolicy ?? null);
    }),
  );
}
