import type { KindSpec } from './spec.js';
import { accountKinds } from './account.js';
import { rdsKinds } from './rds.js';
import { elasticacheKinds } from './elasticache.js';
import { backupKinds } from './backup.js';
import { ec2Kinds } from './ec2.js';
import { elbKinds } from './elb.js';
import { s3Kinds } from './s3.js';
import { kmsKinds } from './kms.js';
import { cloudtrailKinds } from './cloudtrail.js';
import { logsKinds } from './logs.js';
import { iamKinds } from './iam.js';
import { secretsKinds } from './secrets.js';
import { ecsKinds } from './ecs.js';
import { terraformKinds } from './terraform.js';
import { inventoryKinds } from './inventory.js';
import { ssmKinds } from './ssm.js';
import { snsKinds } from './sns.js';

/** Every kind the model knows, by kind id. */
export const KINDS: Record<string, KindSpec> = Object.fromEntries(
  [accountKinds, rdsKinds, elasticacheKinds, backupKinds, ec2Kinds, elbKinds, s3Kinds, kmsKinds, cloudtrailKinds, logsKinds, iamKinds, secretsKinds, ecsKinds, ssmKinds, snsKinds, terraformKinds, inventoryKinds]
    .flat()
    .map((k) => [k.kind, k]),
);
