import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTags as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

/** Data event selections, normalised from basic and advanced selectors (trails and event data stores alike). */
const DATA_EVENTS = {
  type: 'object[]',
  description:
    'Data event selectors, normalised from event_selector.data_resource and advanced_event_selector (live: GetEventSelectors; an event data store: its AdvancedEventSelectors). One element per resource type selected.',
  fields: {
    resourceType: 'AWS::S3::Object, AWS::Lambda::Function, AWS::DynamoDB::Table, ...',
    arnPrefixes: 'ARN prefixes selected (empty list = every resource of the type; may hold "(known after apply)")',
    allResources: 'true when every resource of the type is selected (e.g. values ["arn:aws:s3"] or no resources.ARN field selector)',
    readWriteType: 'All, ReadOnly or WriteOnly',
    source: 'event_selector or advanced_event_selector',
  },
} satisfies AttrSpec;

export const cloudtrailKinds = defineKinds([
  {
    kind: 'aws.cloudtrail.trail',
    title: 'CloudTrail trail',
    terraform: ['aws_cloudtrail'],
    attrs: {
      name: { type: 'string', description: 'Trail name.' },
      isMultiRegion: { type: 'boolean', description: 'Trail records all enabled regions (is_multi_region_trail / IsMultiRegionTrail). Provider default false.' },
      includeGlobalServiceEvents: { type: 'boolean', description: 'Records global service events (IAM, STS, CloudFront). Default true.' },
      logFileValidation: { type: 'boolean', description: 'Log file integrity validation (enable_log_file_validation / LogFileValidationEnabled). Default false.' },
      enableLogging: { type: 'boolean', description: 'Trail is logging (enable_logging; live: GetTrailStatus IsLogging). Default true.' },
      isOrganizationTrail: { type: 'boolean', description: 'Organization trail (covers every member account). Default false.' },
      kmsKeyId: { type: 'string', description: 'KMS key ARN for SSE-KMS of log files (kms_key_id / KmsKeyId), when configured or known.' },
      bucketName: { type: 'string', description: 'Destination S3 bucket name (s3_bucket_name / S3BucketName).' },
      cloudWatchLogsGroupArn: { type: 'string', description: 'CloudWatch Logs log group ARN deliveries go to (usually ends in `:*`).' },
      dataEvents: DATA_EVENTS,
      managementEvents: {
        type: 'string',
        description:
          "Management events the trail records: 'All' (read and write), 'ReadOnly', 'WriteOnly' or 'None'. No event selector at all records all; a basic selector records them unless include_management_events / IncludeManagementEvents is false, limited by its read_write_type; an advanced selector records them when it selects eventCategory Management, limited by a readOnly field selector (live: GetEventSelectors).",
      },
      s3DataEventsAllBuckets: {
        type: 'boolean',
        description: 'True when the trail logs S3 object-level (data) events for every bucket, reads and writes.',
      },
      ...tagAttrs,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'KMS key of kms_key_id, when in the model.' },
      bucket: { kinds: ['aws.s3.bucket'], description: 'Destination bucket (s3_bucket_name); the bucket gets the inverse link `trails`.' },
      cloudWatchLogsGroup: { kinds: ['aws.logs.log-group'], description: 'Log group of cloud_watch_logs_group_arn; the log group gets the inverse link `trails`.' },
      dataEventBuckets: {
        kinds: ['aws.s3.bucket'],
        description: 'Buckets named in S3 data event selectors (by reference or ARN); each bucket gets the inverse link `dataEventTrails`.',
      },
      dataEventTables: {
        kinds: ['aws.dynamodb.table'],
        description: 'DynamoDB tables named in AWS::DynamoDB::Table data event selectors (by reference or ARN); each table gets the inverse link `dataEventTrails`.',
      },
    },
  },
  {
    kind: 'aws.cloudtrail.event-data-store',
    title: 'CloudTrail Lake event data store',
    terraform: ['aws_cloudtrail_event_data_store'],
    attrs: {
      name: { type: 'string', description: 'Event data store name.' },
      enabled: {
        type: 'boolean',
        description: 'The store is ingesting events (Terraform: suspend not true; live: GetEventDataStore Status ENABLED). A stopped or suspended store records nothing.',
      },
      isMultiRegion: { type: 'boolean', description: 'The store records every Region (multi_region_enabled; live: MultiRegionEnabled). Default true.' },
      isOrganization: { type: 'boolean', description: 'The store records every account of the organisation (organization_enabled; live: OrganizationEnabled). Default false.' },
      dataEvents: DATA_EVENTS,
      kmsKeyId: { type: 'string', description: 'KMS key that encrypts the stored events (kms_key_id; live: KmsKeyId), when set.' },
      retentionPeriod: { type: 'number', description: 'Days events are kept (retention_period; live: RetentionPeriod). Default 2557.' },
      ...tagAttrs,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'KMS key of kms_key_id, when in the model.' },
      dataEventBuckets: {
        kinds: ['aws.s3.bucket'],
        description: 'Buckets named in its S3 data event selectors (by reference or ARN); each bucket gets the inverse link `dataEventTrails`.',
      },
      dataEventTables: {
        kinds: ['aws.dynamodb.table'],
        description: 'DynamoDB tables named in its AWS::DynamoDB::Table data event selectors; each table gets the inverse link `dataEventTrails`.',
      },
    },
  },
]);
