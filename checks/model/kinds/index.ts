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
// stores2
import { docdbKinds } from './docdb.js';
import { neptuneKinds } from './neptune.js';
import { snapshotKinds } from './snapshots.js';
import { ecrKinds } from './ecr.js';
// doors (issue 14)
import { cloudfrontKinds } from './cloudfront.js';
import { elbClassicKinds } from './elb-classic.js';
import { ec2LaunchTemplateKinds } from './ec2-launch-template.js';
import { cognitoKinds } from './cognito.js';
import { apigatewayKinds } from './apigateway.js';
// stores slice
import { dynamodbKinds } from './dynamodb.js';
import { lambdaKinds } from './lambda.js';
import { efsKinds } from './efs.js';
import { sqsKinds } from './sqs.js';
// search slice
import { opensearchKinds } from './opensearch.js';
import { redshiftKinds } from './redshift.js';
import { memorydbKinds } from './memorydb.js';
// guard slice (issue 14, wave 3)
import { cloudwatchKinds } from './cloudwatch.js';
import { alertingKinds } from './alerting.js';
import { vpcEndpointKinds } from './vpc-endpoint.js';
// pipes slice
import { kinesisKinds } from './kinesis.js';
import { firehoseKinds } from './firehose.js';
import { eksKinds } from './eks.js';
import { athenaKinds } from './athena.js';
import { glueKinds } from './glue.js';
// doors2 (issue 14 follow-up)
import { wafv2Kinds } from './wafv2.js';
// files-streams slice (issue 14, wave 4)
import { fsxKinds } from './fsx.js';
import { mskKinds } from './msk.js';
import { mqKinds } from './mq.js';
import { transferKinds } from './transfer.js';
import { rdsProxyKinds } from './rds-proxy.js';
import { dmsKinds } from './dms.js';
// lakes-apis slice (issue 14, wave 4)
import { opensearchServerlessKinds } from './opensearchserverless.js';
import { sagemakerKinds } from './sagemaker.js';
// ledgers slice
import { daxKinds } from './dax.js';
import { elasticacheServerlessKinds } from './elasticache-serverless.js';
import { rdsGlobalKinds } from './rds-global.js';
import { macieKinds } from './macie.js';
import { timestreamKinds } from './timestream.js';
import { qldbKinds } from './qldb.js';
import { keyspacesKinds } from './keyspaces.js';
// org slice (issue 14, wave 4)
import { organizationsKinds } from './organizations.js';
import { s3DirectoryKinds } from './s3-directory.js';
import { glacierKinds } from './glacier.js';
import { ramKinds } from './ram.js';
import { s3AccessPointKinds } from './s3-access-point.js';
// apis slice (issue 14, wave 4)
import { appsyncKinds } from './appsync.js';
import { lakeformationKinds } from './lakeformation.js';

/** Every kind declaration, in the order `KINDS` lists them. */
const SPECS = [
  ...accountKinds,
  ...rdsKinds,
  ...elasticacheKinds,
  ...backupKinds,
  ...ec2Kinds,
  ...elbKinds,
  ...s3Kinds,
  ...kmsKinds,
  ...cloudtrailKinds,
  ...logsKinds,
  ...iamKinds,
  ...secretsKinds,
  ...ecsKinds,
  ...ssmKinds,
  ...snsKinds,
  // stores2
  ...docdbKinds,
  ...neptuneKinds,
  ...snapshotKinds,
  ...ecrKinds,
  ...terraformKinds,
  ...inventoryKinds,
  // doors (issue 14)
  ...cloudfrontKinds,
  ...elbClassicKinds,
  ...ec2LaunchTemplateKinds,
  ...cognitoKinds,
  ...apigatewayKinds,
  // stores slice
  ...dynamodbKinds,
  ...lambdaKinds,
  ...efsKinds,
  ...sqsKinds,
  // search slice
  ...opensearchKinds,
  ...redshiftKinds,
  ...memorydbKinds,
  // guard slice (issue 14, wave 3)
  ...cloudwatchKinds,
  ...alertingKinds,
  ...vpcEndpointKinds,
  // pipes slice
  ...kinesisKinds,
  ...firehoseKinds,
  ...eksKinds,
  ...athenaKinds,
  ...glueKinds,
  // doors2 (issue 14 follow-up)
  ...wafv2Kinds,
  // files-streams slice (issue 14, wave 4)
  ...fsxKinds,
  ...mskKinds,
  ...mqKinds,
  ...transferKinds,
  ...rdsProxyKinds,
  ...dmsKinds,
  // lakes-apis slice (issue 14, wave 4)
  ...opensearchServerlessKinds,
  ...sagemakerKinds,
  // ledgers slice
  ...daxKinds,
  ...elasticacheServerlessKinds,
  ...rdsGlobalKinds,
  ...timestreamKinds,
  ...qldbKinds,
  ...keyspacesKinds,
  // org slice (issue 14, wave 4)
  ...organizationsKinds,
  ...s3DirectoryKinds,
  ...glacierKinds,
  // apis slice (issue 14, wave 4)
  ...appsyncKinds,
  ...lakeformationKinds,
  // Macie classification jobs over student-data buckets (issue 14)
  ...macieKinds,
  // RAM shares of data stores with other accounts
  ...ramKinds,
  // S3 access points: a bucket's other doors, each with a policy of its own
  ...s3AccessPointKinds,
] as const;

/** Every kind the model knows, by kind id. */
export const KINDS: Record<string, KindSpec> = Object.fromEntries(SPECS.map((k) => [k.kind, k]));

type DeclaredKind = (typeof SPECS)[number];
/** A kind id the model declares (`aws.rds.instance`). */
export type KindId = DeclaredKind['kind'];
type SpecOf<K extends KindId> = Extract<DeclaredKind, { kind: K }>;
/** The attributes every one of the kinds `K` declares (for a union, the ones they share). */
export type AttrName<K extends KindId> = keyof SpecOf<K>['attrs'] & string;
/** The links every one of the kinds `K` declares. */
export type LinkName<K extends KindId> = keyof SpecOf<K>['links'] & string;
/** The kinds a link of `K` may point at. */
export type LinkTarget<K extends KindId, L extends LinkName<K>> = SpecOf<K>['links'][L] extends { kinds: readonly (infer T)[] } ? Extract<T, KindId> : never;
