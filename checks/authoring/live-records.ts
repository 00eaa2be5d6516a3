import { FIXTURE_ACCOUNT as A, FIXTURE_REGION as R } from './live-fixture.js';

/** How `policies new` writes a kind's record in a live fixture: its snapshot type, an ARN and the identifying fields. */
export interface LiveRecordTemplate {
  type: string;
  arn: (name: string) => string;
  /** The fields the live adapter identifies the resource by, filled with the name. */
  ids: (name: string) => Record<string, unknown>;
}

const arn = (service: string, resource: string, region = R): string => `arn:aws:${service}:${region}:${A}:${resource}`;

/** One template per kind a snapshot record produces (test/authoring checks them against the live adapters). */
export const LIVE_RECORDS: Record<string, LiveRecordTemplate> = {
  'aws.rds.instance': { type: 'AWS::RDS::DBInstance', arn: (n) => arn('rds', `db:${n}`), ids: (n) => ({ DBInstanceIdentifier: n }) },
  'aws.rds.cluster': { type: 'AWS::RDS::DBCluster', arn: (n) => arn('rds', `cluster:${n}`), ids: (n) => ({ DBClusterIdentifier: n }) },
  'aws.ec2.security-group': { type: 'AWS::EC2::SecurityGroup', arn: () => arn('ec2', 'security-group/sg-0123456789abcdef0'), ids: (n) => ({ GroupId: 'sg-0123456789abcdef0', GroupName: n }) },
  'aws.ec2.vpc': { type: 'AWS::EC2::VPC', arn: () => arn('ec2', 'vpc/vpc-0123456789abcdef0'), ids: () => ({ VpcId: 'vpc-0123456789abcdef0' }) },
  'aws.ec2.subnet': { type: 'AWS::EC2::Subnet', arn: () => arn('ec2', 'subnet/subnet-0123456789abcdef0'), ids: () => ({ SubnetId: 'subnet-0123456789abcdef0' }) },
  'aws.ec2.managed-prefix-list': { type: 'AWS::EC2::PrefixList', arn: () => arn('ec2', 'prefix-list/pl-0123456789abcdef0'), ids: (n) => ({ PrefixListId: 'pl-0123456789abcdef0', PrefixListName: n, OwnerId: A }) },
  'aws.ec2.flow-log': { type: 'AWS::EC2::FlowLog', arn: () => arn('ec2', 'vpc-flow-log/fl-0123456789abcdef0'), ids: () => ({ FlowLogId: 'fl-0123456789abcdef0' }) },
  'aws.ec2.ebs-volume': { type: 'AWS::EC2::Volume', arn: () => arn('ec2', 'volume/vol-0123456789abcdef0'), ids: () => ({ VolumeId: 'vol-0123456789abcdef0' }) },
  'aws.s3.bucket': { type: 'AWS::S3::Bucket', arn: (n) => `arn:aws:s3:::${n}`, ids: (n) => ({ Name: n }) },
  'aws.kms.key': { type: 'AWS::KMS::Key', arn: () => arn('kms', 'key/1234abcd-12ab-34cd-56ef-1234567890ab'), ids: () => ({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', KeyManager: 'CUSTOMER' }) },
  'aws.cloudtrail.trail': { type: 'AWS::CloudTrail::Trail', arn: (n) => arn('cloudtrail', `trail/${n}`), ids: (n) => ({ Name: n }) },
  'aws.logs.log-group': { type: 'AWS::Logs::LogGroup', arn: (n) => arn('logs', `log-group:/${n}`), ids: (n) => ({ logGroupName: `/${n}` }) },
  'aws.secretsmanager.secret': { type: 'AWS::SecretsManager::Secret', arn: (n) => arn('secretsmanager', `secret:${n}-AbCdEf`), ids: (n) => ({ Name: n }) },
  'aws.elasticache.replication-group': { type: 'AWS::ElastiCache::ReplicationGroup', arn: (n) => arn('elasticache', `replicationgroup:${n}`), ids: (n) => ({ ReplicationGroupId: n }) },
  'aws.elasticache.cluster': { type: 'AWS::ElastiCache::CacheCluster', arn: (n) => arn('elasticache', `cluster:${n}`), ids: (n) => ({ CacheClusterId: n }) },
  'aws.elb.load-balancer': { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', arn: (n) => arn('elasticloadbalancing', `loadbalancer/app/${n}/0123456789abcdef`), ids: (n) => ({ LoadBalancerName: n }) },
  'aws.backup.vault': { type: 'AWS::Backup::BackupVault', arn: (n) => arn('backup', `backup-vault:${n}`), ids: (n) => ({ BackupVaultName: n }) },
  'aws.backup.plan': { type: 'AWS::Backup::BackupPlan', arn: () => arn('backup', 'backup-plan:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'), ids: () => ({ BackupPlanId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' }) },
  'aws.ecs.task-definition': { type: 'AWS::ECS::TaskDefinition', arn: (n) => arn('ecs', `task-definition/${n}:1`), ids: (n) => ({ family: n, revision: 1 }) },
  'aws.iam.role': { type: 'AWS::IAM::Role', arn: (n) => `arn:aws:iam::${A}:role/${n}`, ids: (n) => ({ RoleName: n }) },
  'aws.iam.user': { type: 'AWS::IAM::User', arn: (n) => `arn:aws:iam::${A}:user/${n}`, ids: (n) => ({ UserName: n }) },
  'aws.iam.policy': { type: 'AWS::IAM::ManagedPolicy', arn: (n) => `arn:aws:iam::${A}:policy/${n}`, ids: (n) => ({ PolicyName: n }) },
  // stores2
  'aws.docdb.cluster': { type: 'AWS::DocDB::DBCluster', arn: (n) => arn('rds', `cluster:${n}`), ids: (n) => ({ DBClusterIdentifier: n, Engine: 'docdb' }) },
  'aws.neptune.cluster': { type: 'AWS::Neptune::DBCluster', arn: (n) => arn('rds', `cluster:${n}`), ids: (n) => ({ DBClusterIdentifier: n, Engine: 'neptune' }) },
  'aws.rds.snapshot': { type: 'AWS::RDS::DBSnapshot', arn: (n) => arn('rds', `snapshot:${n}`), ids: (n) => ({ DBSnapshotIdentifier: n, SnapshotType: 'manual' }) },
  'aws.ec2.snapshot': { type: 'AWS::EC2::Snapshot', arn: () => arn('ec2', 'snapshot/snap-0123456789abcdef0'), ids: () => ({ SnapshotId: 'snap-0123456789abcdef0' }) },
  'aws.ecr.repository': { type: 'AWS::ECR::Repository', arn: (n) => arn('ecr', `repository/${n}`), ids: (n) => ({ repositoryName: n }) },
  'aws.ec2.image': { type: 'AWS::EC2::Image', arn: () => arn('ec2', 'image/ami-0123456789abcdef0'), ids: (n) => ({ ImageId: 'ami-0123456789abcdef0', Name: n }) },
  // doors (issue 14)
  'aws.ec2.launch-template': { type: 'AWS::EC2::LaunchTemplate', arn: () => arn('ec2', 'launch-template/lt-0123456789abcdef0'), ids: (n) => ({ LaunchTemplateId: 'lt-0123456789abcdef0', LaunchTemplateName: n }) },
  'aws.cloudfront.distribution': { type: 'AWS::CloudFront::Distribution', arn: () => `arn:aws:cloudfront::${A}:distribution/E2QWRUHAPOMQZL`, ids: () => ({ Id: 'E2QWRUHAPOMQZL', DomainName: 'd111111abcdef8.cloudfront.net' }) },
  // stores slice
  'aws.sns.topic': { type: 'AWS::SNS::Topic', arn: (n) => arn('sns', n), ids: (n) => ({ Name: n, Attributes: { TopicArn: arn('sns', n) } }) },
  'aws.lambda.function': { type: 'AWS::Lambda::Function', arn: (n) => arn('lambda', `function:${n}`), ids: (n) => ({ FunctionName: n }) },
  'aws.efs.file-system': { type: 'AWS::EFS::FileSystem', arn: () => arn('elasticfilesystem', 'file-system/fs-0123456789abcdef0'), ids: () => ({ FileSystemId: 'fs-0123456789abcdef0' }) },
  'aws.sqs.queue': { type: 'AWS::SQS::Queue', arn: (n) => arn('sqs', n), ids: (n) => ({ QueueName: n, QueueUrl: `https://sqs.${R}.amazonaws.com/${A}/${n}`, Attributes: { QueueArn: arn('sqs', n) } }) },
  'aws.dynamodb.table': { type: 'AWS::DynamoDB::Table', arn: (n) => arn('dynamodb', `table/${n}`), ids: (n) => ({ TableName: n, Table: { TableName: n } }) },  // search slice
  'aws.opensearch.domain': { type: 'AWS::OpenSearchService::Domain', arn: (n) => arn('es', `domain/${n}`), ids: (n) => ({ DomainName: n, EngineVersion: 'OpenSearch_2.11' }) },
  'aws.redshift.cluster': { type: 'AWS::Redshift::Cluster', arn: (n) => arn('redshift', `cluster:${n}`), ids: (n) => ({ ClusterIdentifier: n }) },
  'aws.redshift.parameter-group': { type: 'AWS::Redshift::ClusterParameterGroup', arn: (n) => arn('redshift', `parametergroup:${n}`), ids: (n) => ({ ParameterGroupName: n }) },
  'aws.memorydb.cluster': { type: 'AWS::MemoryDB::Cluster', arn: (n) => arn('memorydb', `cluster/${n}`), ids: (n) => ({ Name: n }) },
  // variants slice (issue 14, wave 4)
  'aws.docdb.instance': { type: 'AWS::DocDB::DBInstance', arn: (n) => arn('rds', `db:${n}`), ids: (n) => ({ DBInstanceIdentifier: n, Engine: 'docdb' }) },
  'aws.neptune.instance': { type: 'AWS::Neptune::DBInstance', arn: (n) => arn('rds', `db:${n}`), ids: (n) => ({ DBInstanceIdentifier: n, Engine: 'neptune' }) },
  'aws.redshift.snapshot': { type: 'AWS::Redshift::ClusterSnapshot', arn: (n) => arn('redshift', `snapshot:warehouse/${n}`), ids: (n) => ({ SnapshotIdentifier: n, ClusterIdentifier: 'warehouse' }) },
  'aws.docdb.elastic-cluster': { type: 'AWS::DocDBElastic::Cluster', arn: () => arn('docdb-elastic', 'cluster/0123abcd-4567-89ef-0123-456789abcdef'), ids: (n) => ({ clusterName: n, clusterArn: arn('docdb-elastic', 'cluster/0123abcd-4567-89ef-0123-456789abcdef') }) },
  // ledgers slice
  'aws.dax.cluster': { type: 'AWS::DAX::Cluster', arn: (n) => arn('dax', `cache/${n}`), ids: (n) => ({ ClusterName: n }) },
  'aws.elasticache.serverless-cache': { type: 'AWS::ElastiCache::ServerlessCache', arn: (n) => arn('elasticache', `serverlesscache:${n}`), ids: (n) => ({ ServerlessCacheName: n }) },
  'aws.rds.global-cluster': { type: 'AWS::RDS::GlobalCluster', arn: (n) => `arn:aws:rds::${A}:global-cluster:${n}`, ids: (n) => ({ GlobalClusterIdentifier: n }) },
  'aws.timestream.database': { type: 'AWS::Timestream::Database', arn: (n) => arn('timestream', `database/${n}`), ids: (n) => ({ DatabaseName: n }) },
  'aws.keyspaces.keyspace': { type: 'AWS::Cassandra::Keyspace', arn: (n) => arn('cassandra', `/keyspace/${n}/`), ids: (n) => ({ keyspaceName: n }) },
  'aws.keyspaces.table': { type: 'AWS::Cassandra::Table', arn: (n) => arn('cassandra', `/keyspace/sis/table/${n}`), ids: (n) => ({ keyspaceName: 'sis', tableName: n }) },
  'aws.qldb.ledger': { type: 'AWS::QLDB::Ledger', arn: (n) => arn('qldb', `ledger/${n}`), ids: (n) => ({ Name: n, State: 'ACTIVE' }) },
  'aws.timestream.table': { type: 'AWS::Timestream::Table', arn: (n) => arn('timestream', `database/sis/table/${n}`), ids: (n) => ({ DatabaseName: 'sis', TableName: n }) },
  // rest slice (issue 14, wave 4)
  'aws.redshiftserverless.namespace': { type: 'AWS::RedshiftServerless::Namespace', arn: () => arn('redshift-serverless', 'namespace/0123abcd-4567-89ef-0123-456789abcdef'), ids: (n) => ({ namespaceName: n }) },
  // live slice (issue 14): an HTTP API route (REST methods are AWS::ApiGateway::Method records)
  'aws.apigateway.route': { type: 'AWS::ApiGatewayV2::Route', arn: () => `arn:aws:apigateway:${R}::/apis/a1b2c3d4e5/routes/r0ute01`, ids: (n) => ({ ApiId: 'a1b2c3d4e5', RouteId: 'r0ute01', RouteKey: `GET /${n}` }) },
  'aws.events.rule': { type: 'AWS::Events::Rule', arn: (n) => arn('events', `rule/${n}`), ids: (n) => ({ Name: n, Arn: arn('events', `rule/${n}`) }) },
};
