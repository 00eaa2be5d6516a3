import { SecretsManagerClient, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { items, listAll, plain, tagMap, type Collector } from './context.js';

/** Secrets Manager: secret metadata (rotation, KMS key, tags). Secret values are never read. */
export async function collectSecrets(c: Collector, region: string): Promise<void> {
  const client = c.client(SecretsManagerClient, region);
  const secrets = await listAll(c, 'secretsmanager', region, 'secretsmanager:ListSecrets', ['AWS::SecretsManager::Secret'], () => items(paginateListSecrets({ client }, {}), (p) => p.SecretList));
  for (const s of secrets ?? []) {
    const arn = s.ARN ?? c.arn('secretsmanager', region, `secret:${s.Name}`);
    c.add({ type: 'AWS::SecretsManager::Secret', arn, region, account: c.accountId, data: plain({ ...s, Tags: tagMap(s.Tags) }) as Record<string, unknown> });
  }
}
