import { defineKinds } from './spec.js';

export const dynamodbKinds = defineKinds([
  {
    kind: 'aws.dynamodb.table',
    title: 'DynamoDB table',
    // variants slice: a replica of a global table is the table in another region (its own key, PITR, deletion protection)
    terraform: ['aws_dynamodb_table', 'aws_dynamodb_table_replica'],
    attrs: {
      name: { type: 'string', description: 'Table name (name; live: TableName).' },
      kmsKeyArn: {
        type: 'string',
        description: 'KMS key of server-side encryption (server_side_encryption.kms_key_arn; live: SSEDescription.KMSMasterKeyArn). Absent: the AWS owned key (encryption not enabled) or aws/dynamodb (enabled without a key).',
      },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when the table is encrypted with a key AWS controls: the AWS owned key (server_side_encryption absent or enabled = false; live: no SSEDescription, the default) or the AWS managed key aws/dynamodb (enabled without kms_key_arn, or alias/aws/dynamodb); false for a customer managed key (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER); unknown for a literal key ARN not in the input.',
      },
      pointInTimeRecovery: {
        type: 'boolean',
        description: 'Continuous backups with point-in-time recovery (point_in_time_recovery.enabled; live: DescribeContinuousBackups PointInTimeRecoveryStatus = ENABLED). Default false.',
      },
      deletionProtection: { type: 'boolean', description: 'The table cannot be deleted while on (deletion_protection_enabled; live: DeletionProtectionEnabled). Default false.' },
      ttlEnabled: {
        type: 'boolean',
        description: 'Time to live expires items by an attribute (ttl.enabled; live: DescribeTimeToLive TimeToLiveStatus ENABLED or ENABLING). Default false.',
      },
      ttlAttributeName: { type: 'string', description: 'The item attribute holding the expiry time (ttl.attribute_name; live: TimeToLiveDescription.AttributeName).' },
      replicas: {
        type: 'object[]',
        description: 'Global table replicas (replica blocks; live: Replicas). Default none.',
        fields: {
          region: 'replica region (region_name; live: RegionName)',
          kmsKeyArn: 'KMS key in the replica region (kms_key_arn; live: KMSMasterKeyId); absent = aws/dynamodb there',
          kmsKeyIsAwsManaged: 'same meaning as the table-level attribute, for the replica key',
        },
      },
      resourcePolicies: {
        type: 'json',
        description:
          "Resource policies of the table and of its stream, one document each (aws_dynamodb_resource_policy `policy`, whose resource_arn is the table's ARN or its stream's; live: GetResourcePolicy of the table and of its latest stream). Default []: none, so only the owning account's principals that IAM allows.",
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      policySources: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document each resource policy is written with.' },
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of server_side_encryption.kms_key_arn, when it is in the model.' },
      dataEventTrails: { kinds: ['aws.cloudtrail.trail', 'aws.cloudtrail.event-data-store'], description: 'Inverse: trails and event data stores whose DynamoDB data event selectors name this table.' },
    },
  },
  // rest slice (issue 14, wave 4)
  {
    kind: 'aws.dynamodb.global-table',
    title: 'DynamoDB global table (version 2017.11.29)',
    terraform: ['aws_dynamodb_global_table'],
    attrs: {
      name: { type: 'string', description: 'Global table name, the name of its replica tables (name; live: GlobalTableName).' },
      replicaRegions: {
        type: 'string[]',
        description: 'Regions of its replicas (replica.region_name; live: ReplicationGroup[].RegionName). The global table holds no items itself: each replica is an aws_dynamodb_table of the same name in that region.',
      },
      tags: { type: 'object', description: 'None: a 2017 global table takes no tags (its replica tables carry them). Always {}.' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      replicas: { kinds: ['aws.dynamodb.table'], description: 'Its replica tables (the tables of its name), whose classification it takes: a 2017 global table carries no tags; student-data or pii on any replica wins.' },
    },
  },
]);
