// Every collector, and with them every service's SDK client: loaded by collectSnapshot (index.ts) while
// its first call (sts:GetCallerIdentity) is in flight, not before it.
import { collectBackup } from './backup.js';
import { collectCloudTrail, collectEventDataStores } from './cloudtrail.js';
import { collectEc2 } from './ec2.js';
import { collectEcs } from './ecs.js';
import { collectCacheClusters, collectElastiCache } from './elasticache.js';
import { collectElb } from './elb.js';
import { collectIam } from './iam.js';
import { collectKms } from './kms.js';
import { collectLogs } from './logs.js';
import { collectRds } from './rds.js';
import { collectS3 } from './s3.js';
import { collectSecrets } from './secrets.js';
import { collectSnapshots } from './snapshots.js';
import { collectConfigRecorder } from './config-recorder.js';
import { collectGuardDuty } from './guardduty.js';
import { collectSecurityHub } from './securityhub.js';
import { collectCloudFront } from './cloudfront.js';
import { collectLaunchTemplates } from './ec2-launch-templates.js';
import { collectDynamoDb } from './dynamodb.js';
import { collectSns } from './sns.js';
import { collectLambda } from './lambda.js';
import { collectEfs } from './efs.js';
import { collectSqs } from './sqs.js';
// search slice
import { collectOpenSearch } from './opensearch.js';
import { collectRedshift } from './redshift.js';
import { collectMemoryDb } from './memorydb.js';
// guard slice (issue 14, wave 3)
import { collectMetricFilters } from './metric-filters.js';
import { collectCloudWatch } from './cloudwatch.js';
import { collectVpcEndpoints } from './vpc-endpoints.js';
import { collectAccessAnalyzer } from './accessanalyzer.js';
import { collectMacie } from './macie.js';
import { collectEcr } from './ecr.js';
import { collectElbClassic } from './elb-classic.js';
// pipes slice
import { collectKinesis } from './kinesis.js';
import { collectFirehose } from './firehose.js';
import { collectEks } from './eks.js';
import { collectAthena } from './athena.js';
import { collectGlue } from './glue.js';
import { collectSsm } from './ssm.js';
// doors2 (issue 14 follow-up)
import { collectApiGateway } from './apigateway.js';
import { collectCognito } from './cognito.js';
import { collectCognitoIdentity } from './cognito-identity.js';
import { collectWafv2, collectWafv2CloudFront } from './wafv2.js';
// files-streams slice (issue 14, wave 4)
import { collectFsx } from './fsx.js';
import { collectMsk } from './msk.js';
import { collectMq } from './mq.js';
import { collectTransfer } from './transfer.js';
import { collectRdsProxies } from './rds-proxies.js';
import { collectDms } from './dms.js';
// lakes-apis slice (issue 14, wave 4)
import { collectOpenSearchServerless } from './opensearchserverless.js';
import { collectGlueCatalog } from './glue-catalog.js';
import { collectSageMaker } from './sagemaker.js';
// ledgers slice
import { collectDax } from './dax.js';
import { collectElastiCacheServerless } from './elasticache-serverless.js';
import { collectRdsGlobalClusters } from './rds-global.js';
import { collectTimestream } from './timestream.js';
import { collectQldb } from './qldb.js';
import { collectKeyspaces } from './keyspaces.js';
// org slice (issue 14, wave 4)
import { collectOrganizations } from './organizations.js';
import { collectS3Directory } from './s3-directory.js';
import { collectGlacier } from './glacier.js';
// rest slice (issue 14, wave 4)
import { collectRedshiftServerless } from './redshift-serverless.js';
import { collectDocDbElastic } from './docdb-elastic.js';
import { collectDynamoDbGlobalTables } from './dynamodb-global-tables.js';
// apis slice (issue 14, wave 4)
import { collectAppSync } from './appsync.js';
import { collectLakeFormation } from './lakeformation.js';
// live slice (issue 14): security findings routed to people
import { collectEventBridge } from './eventbridge.js';
import { collectSnsSubscriptions } from './sns-subscriptions.js';
import { collectRam } from './ram.js';
import { collectS3AccessPoints } from './s3-access-points.js';
import { collectBedrockKnowledgeBases, collectKendra, collectKinesisVideo, collectSageMakerFeatureGroups, collectDsql, collectEmr, collectLightsail, collectNeptuneGraph, collectQuickSight, collectS3Tables, collectTimestreamInfluxDb } from './unmodelled-stores.js';

export { collectFromConfig, completeFromDescribe } from './config.js';

/** Regional collectors, by name (every one runs in every audited region). */
export const REGIONAL_COLLECTORS = {
  ec2: collectEc2,
  rds: collectRds,
  kms: collectKms,
  cloudtrail: collectCloudTrail,
  cloudtrailLake: collectEventDataStores,
  logs: collectLogs,
  secretsmanager: collectSecrets,
  elasticache: collectElastiCache,
  elasticacheClusters: collectCacheClusters,
  elasticloadbalancing: collectElb,
  backup: collectBackup,
  ecs: collectEcs,
  // stores2
  snapshots: collectSnapshots,
  // guard slice: account guardrails, per region
  guardduty: collectGuardDuty,
  securityhub: collectSecurityHub,
  configRecorder: collectConfigRecorder,
  // doors (issue 14)
  ec2LaunchTemplates: collectLaunchTemplates,
  // stores slice
  dynamodb: collectDynamoDb,
  sns: collectSns,
  lambda: collectLambda,
  efs: collectEfs,
  sqs: collectSqs,
  // search slice
  opensearch: collectOpenSearch,
  redshift: collectRedshift,
  memorydb: collectMemoryDb,
  // guard slice (issue 14, wave 3): CIS 4.x metric filters and alarms
  metricFilters: collectMetricFilters,
  cloudwatch: collectCloudWatch,
  vpcEndpoints: collectVpcEndpoints,
  accessAnalyzer: collectAccessAnalyzer,
  macie: collectMacie,
  // doors (wave 3)
  ecr: collectEcr,
  elbClassic: collectElbClassic,
  // pipes slice
  kinesis: collectKinesis,
  firehose: collectFirehose,
  eks: collectEks,
  athena: collectAthena,
  glue: collectGlue,
  ssm: collectSsm,
  // doors2 (issue 14 follow-up)
  apigateway: collectApiGateway,
  cognito: collectCognito,
  cognitoIdentity: collectCognitoIdentity,
  wafv2: collectWafv2,
  // files-streams slice (issue 14, wave 4)
  fsx: collectFsx,
  msk: collectMsk,
  mq: collectMq,
  transfer: collectTransfer,
  rdsProxies: collectRdsProxies,
  dms: collectDms,
  // lakes-apis slice (issue 14, wave 4)
  opensearchServerless: collectOpenSearchServerless,
  glueCatalog: collectGlueCatalog,
  sagemaker: collectSageMaker,
  // ledgers slice
  dax: collectDax,
  elasticacheServerless: collectElastiCacheServerless,
  timestream: collectTimestream,
  qldb: collectQldb,
  keyspaces: collectKeyspaces,
  // org slice (issue 14, wave 4)
  s3Directory: collectS3Directory,
  glacier: collectGlacier,
  // rest slice (issue 14, wave 4)
  redshiftServerless: collectRedshiftServerless,
  docdbElastic: collectDocDbElastic,
  dynamodbGlobalTables: collectDynamoDbGlobalTables,
  // apis slice (issue 14, wave 4)
  appsync: collectAppSync,
  lakeformation: collectLakeFormation,
  // live slice (issue 14): EventBridge rules with their targets, SNS subscriptions
  eventbridge: collectEventBridge,
  snsSubscriptions: collectSnsSubscriptions,
  // data stores the model does not know yet: listed so that the inventory counts them
  dsql: collectDsql,
  lightsail: collectLightsail,
  s3Tables: collectS3Tables,
  neptuneGraph: collectNeptuneGraph,
  timestreamInfluxDb: collectTimestreamInfluxDb,
  emr: collectEmr,
  quicksight: collectQuickSight,
  bedrockKnowledgeBases: collectBedrockKnowledgeBases,
  kendra: collectKendra,
  kinesisVideo: collectKinesisVideo,
  sagemakerFeatureGroups: collectSageMakerFeatureGroups,
  // AWS RAM shares of data stores with other accounts
  ram: collectRam,
  // S3 access points and their policies (a bucket's other doors)
  s3AccessPoints: collectS3AccessPoints,
} as const;

/** Account-wide collectors, run once from the first audited region. */
export const GLOBAL_COLLECTORS = {
  s3: collectS3,
  iam: collectIam,
  // doors (issue 14)
  cloudfront: collectCloudFront,
  // doors2 (issue 14 follow-up): CloudFront-scope web ACLs
  wafv2CloudFront: collectWafv2CloudFront,
  // ledgers slice: Aurora global databases are account-wide
  rdsGlobalClusters: collectRdsGlobalClusters,
  // org slice (issue 14, wave 4): service control policies and the account's place in the organisation
  organizations: collectOrganizations,
} as const;
