import { InputError } from '../../errors.js';
import { KINDS } from '../../model/kinds/index.js';
import type { Resource } from '../../model/resource.js';
import { defaulted, errorVal, known, type Location, type Val } from '../../model/value.js';
import type { Snapshot, SnapshotAccountSettings, SnapshotError, SnapshotListError, SnapshotResource } from '../../sources/live/snapshot.js';
import { backupLiveAdapters } from './backup.js';
import { cloudtrailLiveAdapters } from './cloudtrail.js';
import { ec2LiveAdapters } from './ec2.js';
import { ec2InstanceLiveAdapters } from './ec2-instance.js';
import { ecsLiveAdapters } from './ecs.js';
import { elasticacheLiveAdapters } from './elasticache.js';
import { elbLiveAdapters } from './elb.js';
import { elbClassicLiveAdapters } from './elb-classic.js';
import { accountArn, describeError, liveAttr, type LiveAdapter, type LiveCtx } from './helpers/index.js';
import { classifyResources, DEFAULT_CLASSIFICATION, tagObject, type ClassificationOptions } from '../classification.js';
import type { Adapted, InventoryEntry } from '../inventory.js';
import { iamLiveAdapters } from './iam.js';
import { kmsLiveAdapters } from './kms.js';
import { logsLiveAdapters } from './logs.js';
import { rdsLiveAdapters } from './rds.js';
import { s3LiveAdapters } from './s3.js';
import { secretsLiveAdapters } from './secrets.js';
import { ssmLiveAdapters } from './ssm.js';
import { snsLiveAdapters } from './sns.js';
// stores2
import { docdbLiveAdapters } from './docdb.js';
import { neptuneLiveAdapters } from './neptune.js';
import { snapshotLiveAdapters } from './snapshots.js';
import { ecrLiveAdapters } from './ecr.js';
// doors (issue 14)
import { cloudfrontLiveAdapters } from './cloudfront.js';
import { ec2LaunchTemplateLiveAdapters } from './ec2-launch-template.js';
// stores slice
import { dynamodbLiveAdapters } from './dynamodb.js';
import { lambdaLiveAdapters } from './lambda.js';
import { efsLiveAdapters } from './efs.js';
import { sqsLiveAdapters } from './sqs.js';
// search slice
import { opensearchLiveAdapters } from './opensearch.js';
import { redshiftLiveAdapters } from './redshift.js';
import { memorydbLiveAdapters } from './memorydb.js';
// guard slice (issue 14, wave 3)
import { cloudwatchLiveAdapters } from './cloudwatch.js';
import { vpcEndpointLiveAdapters } from './vpc-endpoint.js';
// pipes slice
import { kinesisLiveAdapters } from './kinesis.js';
import { firehoseLiveAdapters } from './firehose.js';
import { eksLiveAdapters } from './eks.js';
import { athenaLiveAdapters } from './athena.js';
import { glueLiveAdapters } from './glue.js';
// doors2 (issue 14 follow-up)
import { apigatewayLiveAdapters } from './apigateway.js';
import { cognitoLiveAdapters } from './cognito.js';
import { wafv2LiveAdapters } from './wafv2.js';
// files-streams slice (issue 14, wave 4)
import { fsxLiveAdapters } from './fsx.js';
import { mskLiveAdapters } from './msk.js';
import { mqLiveAdapters } from './mq.js';
import { transferLiveAdapters } from './transfer.js';
import { rdsProxyLiveAdapters } from './rds-proxy.js';
import { dmsLiveAdapters } from './dms.js';
// lakes-apis slice (issue 14, wave 4)
import { opensearchServerlessLiveAdapters } from './opensearchserverless.js';
import { glueCatalogLiveAdapters } from './glue-catalog.js';
import { sagemakerLiveAdapters } from './sagemaker.js';
// ledgers slice
import { daxLiveAdapters } from './dax.js';
import { elasticacheServerlessLiveAdapters } from './elasticache-serverless.js';
import { rdsGlobalLiveAdapters } from './rds-global.js';
import { macieLiveAdapters } from './macie.js';
import { timestreamLiveAdapters } from './timestream.js';
import { qldbLiveAdapters } from './qldb.js';
import { keyspacesLiveAdapters } from './keyspaces.js';
// org slice (issue 14, wave 4)
import { organizationsLiveAdapters } from './organizations.js';
import { s3DirectoryLiveAdapters } from './s3-directory.js';
import { glacierLiveAdapters } from './glacier.js';
// apis slice (issue 14, wave 4)
import { appsyncLiveAdapters } from './appsync.js';
import { lakeformationLiveAdapters } from './lakeformation.js';
// live slice (issue 14)
import { alertingLiveAdapters } from './alerting.js';
import { ramLiveAdapters } from './ram.js';
import { s3AccessPointLiveAdapters } from './s3-access-point.js';

export { accountArn } from './helpers/index.js';

/** Live adapters by snapshot (CloudFormation-style) type. */
export const LIVE_ADAPTERS: Record<string, LiveAdapter> = {
  ...rdsLiveAdapters,
  ...ec2LiveAdapters,
  ...ec2InstanceLiveAdapters,
  ...s3LiveAdapters,
  ...kmsLiveAdapters,
  ...cloudtrailLiveAdapters,
  ...logsLiveAdapters,
  ...secretsLiveAdapters,
  ...elasticacheLiveAdapters,
  ...elbLiveAdapters,
  ...elbClassicLiveAdapters,
  ...backupLiveAdapters,
  ...ecsLiveAdapters,
  ...iamLiveAdapters,
  ...ssmLiveAdapters,
  ...snsLiveAdapters,
  // stores2
  ...docdbLiveAdapters,
  ...neptuneLiveAdapters,
  ...snapshotLiveAdapters,
  ...ecrLiveAdapters,
  // doors (issue 14)
  ...cloudfrontLiveAdapters,
  ...ec2LaunchTemplateLiveAdapters,
  // stores slice
  ...dynamodbLiveAdapters,
  ...lambdaLiveAdapters,
  ...efsLiveAdapters,
  ...sqsLiveAdapters,
  // search slice
  ...opensearchLiveAdapters,
  ...redshiftLiveAdapters,
  ...memorydbLiveAdapters,
  // guard slice (issue 14, wave 3)
  ...cloudwatchLiveAdapters,
  ...vpcEndpointLiveAdapters,
  // pipes slice
  ...kinesisLiveAdapters,
  ...firehoseLiveAdapters,
  ...eksLiveAdapters,
  ...athenaLiveAdapters,
  ...glueLiveAdapters,
  // doors2 (issue 14 follow-up)
  ...apigatewayLiveAdapters,
  ...cognitoLiveAdapters,
  ...wafv2LiveAdapters,
  // files-streams slice (issue 14, wave 4)
  ...fsxLiveAdapters,
  ...mskLiveAdapters,
  ...mqLiveAdapters,
  ...transferLiveAdapters,
  ...rdsProxyLiveAdapters,
  ...dmsLiveAdapters,
  // lakes-apis slice (issue 14, wave 4)
  ...opensearchServerlessLiveAdapters,
  ...glueCatalogLiveAdapters,
  ...sagemakerLiveAdapters,
  // ledgers slice
  ...daxLiveAdapters,
  ...elasticacheServerlessLiveAdapters,
  ...rdsGlobalLiveAdapters,
  ...macieLiveAdapters,
  ...timestreamLiveAdapters,
  ...qldbLiveAdapters,
  ...keyspacesLiveAdapters,
  // org slice (issue 14, wave 4)
  ...organizationsLiveAdapters,
  ...s3DirectoryLiveAdapters,
  ...glacierLiveAdapters,
  // apis slice (issue 14, wave 4)
  ...appsyncLiveAdapters,
  ...lakeformationLiveAdapters,
  // live slice (issue 14)
  ...alertingLiveAdapters,
  ...ramLiveAdapters,
  ...s3AccessPointLiveAdapters,
};

/** Model kinds a snapshot type produces (for list calls that failed: those kinds are unknown in that region). */
export const KINDS_OF_TYPE: Record<string, string[]> = {
  /** Only for a member account that could not be read at all. */
  'AWS::Account': ['aws.account'],
  'AWS::RDS::DBInstance': ['aws.rds.instance'],
  'AWS::RDS::DBCluster': ['aws.rds.cluster'],
  'AWS::EC2::SecurityGroup': ['aws.ec2.security-group'],
  'AWS::EC2::PrefixList': ['aws.ec2.managed-prefix-list'],
  'AWS::EC2::VPC': ['aws.ec2.vpc'],
  'AWS::EC2::Subnet': ['aws.ec2.subnet'],
  'AWS::EC2::FlowLog': ['aws.ec2.flow-log'],
  'AWS::EC2::Volume': ['aws.ec2.ebs-volume'],
  'AWS::EC2::Instance': ['aws.ec2.instance'],
  'AWS::S3::Bucket': ['aws.s3.bucket'],
  'AWS::KMS::Key': ['aws.kms.key'],
  'AWS::CloudTrail::Trail': ['aws.cloudtrail.trail'],
  'AWS::CloudTrail::EventDataStore': ['aws.cloudtrail.event-data-store'],
  'AWS::Logs::LogGroup': ['aws.logs.log-group'],
  'AWS::SecretsManager::Secret': ['aws.secretsmanager.secret'],
  'AWS::ElastiCache::ReplicationGroup': ['aws.elasticache.replication-group'],
  'AWS::ElastiCache::CacheCluster': ['aws.elasticache.cluster'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['aws.elb.load-balancer'],
  'AWS::ElasticLoadBalancingV2::Listener': ['aws.elb.listener'],
  'AWS::Backup::BackupPlan': ['aws.backup.plan'],
  'AWS::Backup::BackupVault': ['aws.backup.vault'],
  'AWS::ECS::TaskDefinition': ['aws.ecs.task-definition'],
  'AWS::IAM::Role': ['aws.iam.role', 'aws.iam.policy'],
  'AWS::IAM::User': ['aws.iam.user'],
  'AWS::IAM::ManagedPolicy': ['aws.iam.policy'],
  // stores2
  'AWS::DocDB::DBCluster': ['aws.docdb.cluster'],
  'AWS::Neptune::DBCluster': ['aws.neptune.cluster'],
  'AWS::RDS::DBSnapshot': ['aws.rds.snapshot'],
  'AWS::RDS::DBClusterSnapshot': ['aws.rds.snapshot'],
  'AWS::EC2::Snapshot': ['aws.ec2.snapshot'],
  'AWS::EC2::Image': ['aws.ec2.image'],
  'AWS::ECR::Repository': ['aws.ecr.repository'],
  // doors (issue 14)
  'AWS::CloudFront::Distribution': ['aws.cloudfront.distribution'],
  'AWS::EC2::LaunchTemplate': ['aws.ec2.launch-template'],
  // stores slice
  'AWS::DynamoDB::Table': ['aws.dynamodb.table'],
  'AWS::SNS::Topic': ['aws.sns.topic'],
  'AWS::Lambda::Function': ['aws.lambda.function'],
  'AWS::EFS::FileSystem': ['aws.efs.file-system'],
  'AWS::SQS::Queue': ['aws.sqs.queue'],
  // search slice
  'AWS::OpenSearchService::Domain': ['aws.opensearch.domain'],
  'AWS::Elasticsearch::Domain': ['aws.opensearch.domain'],
  'AWS::Redshift::Cluster': ['aws.redshift.cluster'],
  'AWS::Redshift::ClusterParameterGroup': ['aws.redshift.parameter-group'],
  'AWS::MemoryDB::Cluster': ['aws.memorydb.cluster'],
  // guard slice (issue 14, wave 3)
  'AWS::Logs::MetricFilter': ['aws.logs.metric-filter'],
  'AWS::CloudWatch::Alarm': ['aws.cloudwatch.alarm'],
  'AWS::EC2::VPCEndpoint': ['aws.ec2.vpc-endpoint'],
  // doors (wave 3)
  'AWS::ElasticLoadBalancing::LoadBalancer': ['aws.elb.classic-load-balancer'],
  // pipes slice
  'AWS::Kinesis::Stream': ['aws.kinesis.stream'],
  'AWS::KinesisFirehose::DeliveryStream': ['aws.firehose.delivery-stream'],
  'AWS::EKS::Cluster': ['aws.eks.cluster'],
  'AWS::Athena::WorkGroup': ['aws.athena.workgroup'],
  'AWS::Glue::DataCatalogEncryptionSettings': ['aws.glue.data-catalog'],
  'AWS::SSM::Parameter': ['aws.ssm.parameter'],
  // doors2 (issue 14 follow-up)
  'AWS::ApiGateway::Stage': ['aws.apigateway.stage'],
  'AWS::ApiGatewayV2::Stage': ['aws.apigateway.stage'],
  'AWS::ApiGateway::DomainName': ['aws.apigateway.domain-name'],
  'AWS::Cognito::UserPool': ['aws.cognito.user-pool'],
  'AWS::Cognito::IdentityPool': ['aws.cognito.identity-pool'],
  'AWS::WAFv2::WebACL': ['aws.wafv2.web-acl'],
  // files-streams slice (issue 14, wave 4)
  'AWS::FSx::FileSystem': ['aws.fsx.file-system'],
  'AWS::MSK::Cluster': ['aws.msk.cluster'],
  'AWS::MSK::ServerlessCluster': ['aws.msk.serverless-cluster'],
  'AWS::AmazonMQ::Broker': ['aws.mq.broker'],
  'AWS::Transfer::Server': ['aws.transfer.server'],
  'AWS::RDS::DBProxy': ['aws.rds.proxy'],
  'AWS::DMS::ReplicationInstance': ['aws.dms.replication-instance'],
  'AWS::DMS::Endpoint': ['aws.dms.endpoint'],
  // lakes-apis slice (issue 14, wave 4)
  'AWS::OpenSearchServerless::Collection': ['aws.opensearchserverless.collection'],
  'AWS::OpenSearchServerless::SecurityPolicy': ['aws.opensearchserverless.security-policy'],
  'AWS::Glue::Database': ['aws.glue.catalog-entry'],
  'AWS::Glue::Table': ['aws.glue.catalog-entry'],
  'AWS::SageMaker::NotebookInstance': ['aws.sagemaker.notebook-instance'],
  // variants slice (issue 14, wave 4)
  'AWS::DocDB::DBInstance': ['aws.docdb.instance'],
  'AWS::Neptune::DBInstance': ['aws.neptune.instance'],
  'AWS::DocDBElastic::Cluster': ['aws.docdb.elastic-cluster'],
  'AWS::Backup::LogicallyAirGappedBackupVault': ['aws.backup.vault'],
  'AWS::Redshift::ClusterSnapshot': ['aws.redshift.snapshot'],
  // ledgers slice
  'AWS::DAX::Cluster': ['aws.dax.cluster'],
  'AWS::ElastiCache::ServerlessCache': ['aws.elasticache.serverless-cache'],
  'AWS::RDS::GlobalCluster': ['aws.rds.global-cluster'],
  'AWS::Macie::ClassificationJob': ['aws.macie.classification-job'],
  'AWS::Timestream::Database': ['aws.timestream.database'],
  'AWS::Timestream::Table': ['aws.timestream.table'],
  'AWS::QLDB::Ledger': ['aws.qldb.ledger'],
  'AWS::Cassandra::Keyspace': ['aws.keyspaces.keyspace'],
  'AWS::Cassandra::Table': ['aws.keyspaces.table'],
  // org slice (issue 14, wave 4)
  'AWS::Organizations::Policy': ['aws.organizations.policy'],
  'AWS::S3Express::DirectoryBucket': ['aws.s3.directory-bucket'],
  'AWS::Glacier::Vault': ['aws.glacier.vault'],
  // rest slice (issue 14, wave 4)
  'AWS::RedshiftServerless::Namespace': ['aws.redshiftserverless.namespace'],
  'AWS::RedshiftServerless::Workgroup': ['aws.redshiftserverless.workgroup'],
  'AWS::DynamoDB::GlobalTable': ['aws.dynamodb.global-table'],
  // apis slice (issue 14, wave 4)
  'AWS::ApiGateway::RestApi': ['aws.apigateway.api'],
  'AWS::ApiGatewayV2::Api': ['aws.apigateway.api'],
  'AWS::AppSync::GraphQLApi': ['aws.appsync.graphql-api'],
  'AWS::LakeFormation::Resource': ['aws.lakeformation.resource'],
  // live slice (issue 14): a rule list that failed hides the rules and their targets
  'AWS::Events::Rule': ['aws.events.rule', 'aws.events.target'],
  'AWS::SNS::Subscription': ['aws.sns.subscription'],
  // live slice (issue 14): REST methods and HTTP/WebSocket routes
  'AWS::ApiGateway::Method': ['aws.apigateway.route'],
  'AWS::ApiGatewayV2::Route': ['aws.apigateway.route'],
  'AWS::RAM::ResourceShare': ['aws.ram.resource-share'],
  'AWS::S3::AccessPoint': ['aws.s3.access-point'],
};

/** Links a stand-in for unlisted resources makes to every resource of the region they would have linked to. */
const INVERSE_OF_UNLISTED: Record<string, { name: string; target: string; inverse: string }> = {
  // prefix lists that could not be listed may be any list a group of the region names
  'aws.ec2.managed-prefix-list': { name: 'namedBy', target: 'aws.ec2.security-group', inverse: 'prefixLists' },
  'aws.ec2.flow-log': { name: 'vpc', target: 'aws.ec2.vpc', inverse: 'flowLogs' },
  'aws.rds.instance': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.rds.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.elasticache.replication-group': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.elasticache.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.elb.load-balancer': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.elb.listener': { name: 'loadBalancer', target: 'aws.elb.load-balancer', inverse: 'listeners' },
  // stores2
  'aws.docdb.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.neptune.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  // search slice
  'aws.opensearch.domain': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.redshift.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.memorydb.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  // guard slice (issue 14, wave 3): unlisted metric filters reach every log group of the region
  'aws.logs.metric-filter': { name: 'logGroup', target: 'aws.logs.log-group', inverse: 'metricFilters' },
  'aws.ec2.vpc-endpoint': { name: 'vpc', target: 'aws.ec2.vpc', inverse: 'endpoints' },
  // doors (wave 3)
  'aws.elb.classic-load-balancer': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  // files-streams slice (issue 14, wave 4)
  'aws.msk.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.msk.serverless-cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.mq.broker': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  // ledgers slice
  'aws.dax.cluster': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.elasticache.serverless-cache': { name: 'securityGroups', target: 'aws.ec2.security-group', inverse: 'attachedResources' },
  'aws.timestream.table': { name: 'database', target: 'aws.timestream.database', inverse: 'tables' },
  'aws.keyspaces.table': { name: 'keyspace', target: 'aws.keyspaces.keyspace', inverse: 'tables' },
  // apis slice (issue 14, wave 4): stages that could not be listed may belong to any API of the region
  'aws.apigateway.stage': { name: 'api', target: 'aws.apigateway.api', inverse: 'stages' },
  // live slice (issue 14): subscriptions that could not be listed may belong to any topic of the region
  'aws.sns.subscription': { name: 'topic', target: 'aws.sns.topic', inverse: 'subscriptions' },
};

function keyIndex(s: Snapshot): LiveCtx['keys'] {
  const keys: LiveCtx['keys'] = new Map();
  for (const r of s.resources) {
    if (r.type !== 'AWS::KMS::Key') continue;
    const manager = r.data.KeyManager;
    const failed = r.errors?.metadata;
    const entry = { arn: r.arn, awsManaged: manager === 'AWS' ? true : manager === 'CUSTOMER' ? false : undefined, ...(failed ? { error: describeError(failed) } : {}) };
    keys.set(r.arn, entry);
    if (typeof r.data.KeyId === 'string') keys.set(r.data.KeyId, entry);
    for (const a of (r.data.Aliases as string[] | undefined) ?? []) {
      keys.set(`arn:${s.account.partition}:kms:${r.region}:${r.account}:${a}`, entry);
    }
  }
  return keys;
}

/**
 * An account resource of one account: for region `global`, the one holding the account-wide settings (S3
 * Block Public Access, the root user, the trails, the regions in use), read once and so reported once; for
 * a region, the one holding that region's settings (EBS defaults). `settingsScope` tells policies which is which.
 */
function accountResource(s: Snapshot, account: string, region: string, file: string, settings: SnapshotAccountSettings | undefined, resources: Resource[]): Resource {
  const id = accountArn({ snapshot: s, file, keys: new Map() }, region, account);
  const scope = region === 'global' ? 'account' : 'region';
  const loc = (attribute: string) => ({ file, address: id, attribute });
  const pick = (src: SnapshotAccountSettings | undefined, facet: string, attribute: string, get: (v: unknown) => unknown, dflt?: unknown): Val => {
    const err: SnapshotError | undefined = src?.errors?.[facet];
    if (err) return errorVal(describeError(err), loc(attribute));
    if (!src || !(facet in src.data)) return errorVal(`${facet} was not collected`, loc(attribute));
    const raw = src.data[facet];
    const v = raw === null || raw === undefined ? undefined : get(raw);
    return v === undefined ? defaulted(dflt, loc(attribute)) : known(v, loc(attribute));
  };
  const attrs: Record<string, Val> = {
    accountId: known(account, loc('accountId')),
    complete: known(true, loc('complete')),
    settingsScope: known(scope, loc('settingsScope')),
  };
  if (scope === 'region') {
    attrs.ebsEncryptionByDefault = pick(settings, 'ebsEncryptionByDefault', 'ebsEncryptionByDefault', (v) => v, false);
    attrs.ebsDefaultKmsKeyId = pick(settings, 'ebsDefaultKmsKeyId', 'ebsDefaultKmsKeyId', (v) => v);
    Object.assign(attrs, regionalGuardrails(settings, pick));
    // backup opt-in slice (moto does not implement DescribeRegionSettings: an error there, never a pass)
    attrs.backupRegionSettings = pick(settings, 'backupRegionSettings', 'backupRegionSettings', (v) => (v && typeof v === 'object' && !Array.isArray(v) ? [{ region, optIn: v }] : undefined), undefined);
  } else {
    Object.assign(attrs, globalSettings(s, account, settings, resources, pick, loc));
  }
  return {
    kind: 'aws.account',
    id,
    source: 'live',
    address: id,
    arn: id,
    sourceType: 'AWS::Account',
    loc: { file, address: id },
    account,
    region,
    attrs,
    links: {},
    identifiers: [id],
    linkRefs: [],
    input: file,
  };
}

type Pick = (src: SnapshotAccountSettings | undefined, facet: string, attribute: string, get: (v: unknown) => unknown, dflt?: unknown) => Val;

/** The account-wide attributes: S3 Block Public Access, the root user, and the regions holding resources. */
function globalSettings(s: Snapshot, account: string, global: SnapshotAccountSettings | undefined, resources: Resource[], pick: Pick, loc: (attribute: string) => Location): Record<string, Val> {
  const errorsOf = s.errors.filter((e) => (e.account ?? s.account.id) === account);
  const field = (k: string) => (v: unknown) => (v as Record<string, unknown>)[k];
  const pab = (k: string) => pick(global, 's3AccountPublicAccessBlock', k, (v) => field(k)(v) ?? false, false);
  const summary = (k: string) => (v: unknown) => {
    const n = field(k)(v);
    return typeof n === 'number' ? n > 0 : undefined;
  };
  const counts = new Map<string, { n: number; example: string }>();
  for (const r of resources) {
    if (!r.region || r.region === 'global' || r.readError || r.account !== account) continue;
    const c = counts.get(r.region) ?? { n: 0, example: r.id };
    c.n++;
    counts.set(r.region, c);
  }
  const regions = [...counts.keys()].sort();
  const unread = [...new Set(errorsOf.map((e) => e.region).filter((r) => r !== 'global' && !counts.has(r)))].sort();
  const unreadWhy = errorsOf.find((e) => unread.includes(e.region)) ? describeError(errorsOf.find((e) => unread.includes(e.region))!) : '';
  return {
    s3BlockPublicAcls: pab('BlockPublicAcls'),
    s3IgnorePublicAcls: pab('IgnorePublicAcls'),
    s3BlockPublicPolicy: pab('BlockPublicPolicy'),
    s3RestrictPublicBuckets: pab('RestrictPublicBuckets'),
    rootMfaEnabled: pick(global, 'iamAccountSummary', 'AccountMFAEnabled', summary('AccountMFAEnabled')),
    rootAccessKeysPresent: pick(global, 'iamAccountSummary', 'AccountAccessKeysPresent', summary('AccountAccessKeysPresent')),
    ...passwordPolicy(global, pick),
    rootDaysSinceLastUse: pick(global, 'rootCredentials', 'rootDaysSinceLastUse', (v) => rootDaysSinceLastUse(v as Record<string, string>, s.collectedAt)),
    // org slice (issue 14, wave 4): the account, its OUs and the root ([] outside any organisation).
    organizationTargets: pick(global, 'organizationTargets', 'organizationTargets', (v) => v, []),
    // Enabled regions the audit did not read (--regions): what lives there was never seen. A snapshot that did
    // not record them (older, or an account read only through AWS Config) leaves it unknown.
    regionsNotAudited:
      global && ('regionCoverage' in global.data || global.errors?.regionCoverage)
        ? pick(global, 'regionCoverage', 'regionsNotAudited', (v) => {
            const { enabled, audited } = v as { enabled?: string[]; audited?: string[] };
            return Array.isArray(enabled) && Array.isArray(audited) ? enabled.filter((r) => !audited.includes(r)).sort() : undefined;
          })
        : { value: undefined, origin: 'unknown', loc: loc('regionsNotAudited') },
    // A region whose listing failed may hold resources nobody saw: where data lives is then not known.
    ...(unread.length
      ? {
          regions: errorVal(`resources of ${unread.join(', ')} could not all be listed (${unreadWhy})`, loc('regions')),
          providerRegions: errorVal(`resources of ${unread.join(', ')} could not all be listed (${unreadWhy})`, loc('providerRegions')),
        }
      : {
          regions: known(regions, loc('regions')),
          providerRegions: known(
            regions.map((r) => ({ region: r, resources: counts.get(r)!.n, example: counts.get(r)!.example })),
            loc('providerRegions'),
          ),
        }),
  };
}

/** guard slice: GuardDuty, Security Hub and AWS Config of one region (a missing service is `false`, an unread one an error). */
function regionalGuardrails(settings: SnapshotAccountSettings | undefined, pick: Pick): Record<string, Val> {
  type Feature = { Name?: string; Status?: string };
  const feature = (v: unknown, name: string) => ((v as { Features?: Feature[] }).Features ?? []).find((f) => f.Name === name)?.Status;
  const list = (v: unknown) => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);
  return {
    guardDutyEnabled: pick(settings, 'guardDuty', 'guardDutyEnabled', (v) => (v as { Status?: string }).Status === 'ENABLED', false),
    guardDutyS3Protection: pick(settings, 'guardDuty', 'guardDutyS3Protection', (v) => (feature(v, 'S3_DATA_EVENTS') ?? (v as { DataSources?: { S3Logs?: { Status?: string } } }).DataSources?.S3Logs?.Status) === 'ENABLED', false),
    guardDutyRdsProtection: pick(settings, 'guardDuty', 'guardDutyRdsProtection', (v) => feature(v, 'RDS_LOGIN_EVENTS') === 'ENABLED', false),
    securityHubEnabled: pick(settings, 'securityHub', 'securityHubEnabled', () => true, false),
    securityHubAggregators: pick(settings, 'securityHubAggregators', 'securityHubAggregators', (v) => (Array.isArray(v) ? v : undefined), []),
    securityHubStandards: pick(settings, 'securityHubStandards', 'securityHubStandards', (v) => list(v).filter((x) => x.StandardsStatus === 'READY' || x.StandardsStatus === 'PENDING').map((x) => x.StandardsArn), []),
    configRecorderAllSupported: pick(settings, 'configRecorders', 'configRecorderAllSupported', (v) => list(v).some((r) => (r.recordingGroup as { allSupported?: boolean } | undefined)?.allSupported === true), false),
    configRecorderRecording: pick(settings, 'configRecorderStatus', 'configRecorderRecording', (v) => list(v).some((r) => r.recording === true), false),
    configDeliveryChannel: pick(settings, 'configDeliveryChannels', 'configDeliveryChannel', (v) => list(v).length > 0, false),
    // wave 3: IAM Access Analyzer (moto does not implement it: an error there, never a pass)
    accessAnalyzerEnabled: pick(settings, 'accessAnalyzers', 'accessAnalyzerEnabled', (v) => list(v).some((a) => a.status === 'ACTIVE'), false),
    macieEnabled: pick(settings, 'macie', 'macieEnabled', (v) => (v as { status?: string }).status === 'ENABLED', false),
    macieAdministrator: pick(settings, 'macieAdministrator', 'macieAdministrator', (v) => (typeof v === 'string' ? v : undefined), undefined),
  };
}

/** guard slice: days from the root user's last use (console or access key) to the collection time; undefined when never used. */
function rootDaysSinceLastUse(row: Record<string, string>, collectedAt: string): number | undefined {
  const uses = [row.password_last_used, row.access_key_1_last_used_date, row.access_key_2_last_used_date]
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))
    .map((v) => Date.parse(v))
    .filter((t) => !Number.isNaN(t));
  if (!uses.length) return undefined;
  return Math.max(0, Math.floor((Date.parse(collectedAt) - uses.reduce((a, b) => (b > a ? b : a))) / 86_400_000));
}

/** guard slice: the IAM account password policy (none set: the AWS default policy, 8 characters, reuse allowed, no expiry). */
function passwordPolicy(global: SnapshotAccountSettings | undefined, pick: Pick): Record<string, Val> {
  const field = (k: string) => (v: unknown) => (v as Record<string, unknown>)[k];
  return {
    passwordPolicyPresent: pick(global, 'iamPasswordPolicy', 'passwordPolicyPresent', () => true, false),
    passwordMinLength: pick(global, 'iamPasswordPolicy', 'passwordMinLength', field('MinimumPasswordLength'), 8),
    passwordReusePrevention: pick(global, 'iamPasswordPolicy', 'passwordReusePrevention', field('PasswordReusePrevention'), 0),
    passwordMaxAgeDays: pick(global, 'iamPasswordPolicy', 'passwordMaxAgeDays', field('MaxPasswordAge'), 0),
  };
}

/** The ARN of a stand-in for what a failed list would have returned (a model kind, or a type no adapter reads). */
function unlistedArn(s: Snapshot, region: string, account: string, what: string): string {
  return `arn:${s.account.partition}:unlisted:${region}:${account}:${what}`;
}

function unlistedWhy(error: SnapshotError, region: string, account: string, what: string): string {
  return `${describeError(error)}; the ${what} resources of ${region === 'global' ? `account ${account}` : region} could not be listed`;
}

/**
 * A stand-in for the resources a failed list call would have returned: every attribute of its kind is
 * an error, so each policy over that kind reports `error` for the region (never a silent pass).
 */
function unlisted(s: Snapshot, account: string, kind: string, region: string, error: SnapshotError, file: string): Resource {
  const id = unlistedArn(s, region, account, kind);
  const msg = unlistedWhy(error, region, account, kind);
  const spec = KINDS[kind];
  const attrs: Record<string, Val> = {};
  for (const name of Object.keys(spec?.attrs ?? {})) attrs[name] = errorVal(msg, { file, address: id, attribute: name });
  return { kind, id, source: 'live', address: id, arn: id, sourceType: 'unlisted', loc: { file, address: id }, account, region, attrs, links: {}, identifiers: [], linkRefs: [], input: file, readError: msg };
}

/**
 * Snapshot -> model resources (`source: 'live'`, id = ARN). `display` is the snapshot path shown in
 * findings. Records of types no adapter knows are skipped.
 */
export function adaptSnapshot(snapshot: Snapshot, display: string, classification: ClassificationOptions = DEFAULT_CLASSIFICATION): Resource[] {
  return adaptSnapshotInventory(snapshot, display, classification).resources;
}

/** Model resources, and the inventory of every snapshot record (those of types no adapter maps included). */
export function adaptSnapshotInventory(snapshot: Snapshot, display: string, classification: ClassificationOptions = DEFAULT_CLASSIFICATION): Adapted {
  const ctx: LiveCtx = { snapshot, file: display, keys: misshapen(display, '/resources', () => keyIndex(snapshot)) };
  const out: Resource[] = [];
  const inventory: InventoryEntry[] = [];
  snapshot.resources.forEach((rec, i) => {
    const adapter = LIVE_ADAPTERS[rec.type];
    const produced = adapter ? misshapen(display, `/resources/${i} (${rec.type} ${rec.arn})`, () => adapter(rec, ctx)) : undefined;
    const made = !produced ? [] : Array.isArray(produced) ? produced : [produced];
    for (const r of made) out.push(r);
    const entry: InventoryEntry = { type: rec.type, address: null, arn: rec.arn, file: display, line: null, source: 'live', account: rec.account, region: rec.region, modelled: Boolean(adapter), resources: made };
    if (!made.length) entry.tags = unmodelledTags(rec, ctx);
    inventory.push(entry);
  });
  classifyResources(out, classification);
  const seen = new Set<string>();
  const listed = out.slice();
  for (const e of [...snapshot.errors, ...unreachable(snapshot)]) {
    const account = e.account ?? snapshot.account.id;
    for (const type of e.resourceTypes) {
      if (!KINDS_OF_TYPE[type] && !LIVE_ADAPTERS[type]) {
        const key = `${account}|${type}|${e.region}`;
        if (!seen.has(key)) inventory.push(unlistedEntry(snapshot, account, type, e, display));
        seen.add(key);
        continue;
      }
      for (const kind of KINDS_OF_TYPE[type] ?? []) {
        // An account that could not be read at all: its account-level policies say so once, not once per region.
        const region = kind === 'aws.account' ? 'global' : e.region;
        const key = `${account}|${kind}|${region}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const stand = unlisted(snapshot, account, kind, region, e, display);
        // What the missing resources would have linked to also sees the gap (a VPC's flow logs, a
        // security group's attached data stores), so a check over that link cannot pass or fail on it.
        const inRegion = (k: string) => listed.filter((r) => r.kind === k && r.region === e.region && r.account === account).map((r) => r.id);
        const back = INVERSE_OF_UNLISTED[kind];
        if (back) stand.linkRefs!.push({ name: back.name, kinds: [back.target], literals: inRegion(back.target), inverse: back.inverse, loc: stand.loc });
        out.push(stand);
      }
    }
  }
  const settings = new Map(snapshot.accountSettings.map((a) => [`${a.account ?? snapshot.account.id}|${a.region}`, a]));
  const regional = out.slice();
  for (const { id, regions } of auditedAccounts(snapshot)) {
    out.push(accountResource(snapshot, id, 'global', display, settings.get(`${id}|global`), regional));
    for (const region of regions) out.push(accountResource(snapshot, id, region, display, settings.get(`${id}|${region}`), regional));
  }
  return { resources: out, inventory };
}

/** The inventory entry standing in for the records of a type no adapter reads whose list failed. */
function unlistedEntry(s: Snapshot, account: string, type: string, error: SnapshotListError, file: string): InventoryEntry {
  const arn = unlistedArn(s, error.region, account, type);
  const readError = unlistedWhy(error, error.region, account, type);
  const loc = { file, address: arn };
  return { type, address: null, arn, file, line: null, source: 'live', account, region: error.region, modelled: false, resources: [], tags: errorVal(readError, { ...loc, attribute: 'tags' }), readError };
}

/** Tags of a record no adapter reads: `Tags` or `tags`, as an object or a Key/Value list. */
function unmodelledTags(rec: SnapshotResource, ctx: LiveCtx): Val {
  const path = 'Tags' in rec.data ? 'Tags' : 'tags';
  const tags = liveAttr<unknown>(rec, ctx, path, { default: {}, facet: path });
  return tags.error || tags.value === undefined ? tags : { ...tags, value: tagObject(tags.value) ?? {} };
}

/**
 * The snapshot schema leaves each resource's `data` open (it is what the AWS API returned); a value of
 * a type the API never returns (a list where it returns a string, ...) surfaces in an adapter as a
 * TypeError. That is a hand-edited or damaged snapshot: one line naming the resource, not a crash.
 */
function misshapen<T>(display: string, where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) {
      throw new InputError(`invalid snapshot: ${where}: data not in the shape the AWS API returns (${e.message.split('\n')[0]!.slice(0, 120)})`, display);
    }
    throw e;
  }
}

/** Accounts whose settings were read, with their regions: the snapshot's own, or every collected member of an organisation. */
function auditedAccounts(s: Snapshot): Array<{ id: string; regions: string[] }> {
  if (!s.accounts) return [{ id: s.account.id, regions: s.regions }];
  return s.accounts.filter((a) => a.status !== 'error' && a.access !== 'config-only').map((a) => ({ id: a.id, regions: a.regions ?? s.regions }));
}

/**
 * A member account whose role could not be assumed: nothing in it was read, so every kind (the account
 * itself included) is unknown in every audited region, each with the reason.
 */
function unreachable(s: Snapshot): SnapshotListError[] {
  const out: SnapshotListError[] = [];
  for (const a of s.accounts ?? []) {
    if (a.status !== 'error') continue;
    const error = a.error ?? { code: 'Unreachable', message: `account ${a.id} could not be read`, call: 'sts:AssumeRole' };
    for (const region of a.regions?.length ? a.regions : s.regions) {
      out.push({ ...error, account: a.id, service: 'sts', region, resourceTypes: [...Object.keys(KINDS_OF_TYPE), 'AWS::Account'] });
    }
  }
  return out;
}
