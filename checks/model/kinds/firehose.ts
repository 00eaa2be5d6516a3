import { defineKinds } from './spec.js';

export const firehoseKinds = defineKinds([
  {
    kind: 'aws.firehose.delivery-stream',
    title: 'Kinesis Data Firehose delivery stream',
    terraform: ['aws_kinesis_firehose_delivery_stream'],
    attrs: {
      name: { type: 'string', description: 'Delivery stream name (name; live: DeliveryStreamName).' },
      sourceType: {
        type: 'string',
        description:
          'DirectPut, KinesisStreamAsSource or MSKAsSource (derived from kinesis_source_configuration / msk_source_configuration; live: DeliveryStreamType). Default DirectPut.',
      },
      sseEnabled: {
        type: 'boolean',
        description:
          'Server-side encryption of the records Firehose buffers (server_side_encryption.enabled; live: DeliveryStreamEncryptionConfiguration.Status ENABLED or ENABLING). Default false. Not available with a Kinesis stream source: the source stream encrypts the records then.',
      },
      sseKeyType: { type: 'string', description: 'AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK (server_side_encryption.key_type; live: DeliveryStreamEncryptionConfiguration.KeyType). Default AWS_OWNED_CMK.' },
      destination: {
        type: 'string',
        description:
          'Where records go, in Terraform words: extended_s3, http_endpoint, redshift, opensearch, opensearchserverless, elasticsearch, splunk, snowflake, iceberg (destination; live: the kind of the first entry of Destinations).',
      },
      httpEndpointUrl: { type: 'string', description: 'URL of an http_endpoint destination (http_endpoint_configuration.url; live: HttpEndpointDestinationDescription.EndpointConfiguration.Url).' },
      s3BucketArn: {
        type: 'string',
        description:
          'The S3 bucket the stream writes records to: the extended_s3 destination, or the S3 (backup) configuration of any other destination (bucket_arn; live: BucketARN of the S3 destination description).',
      },
      s3KmsKeyArn: {
        type: 'string',
        description: 'KMS key Firehose encrypts the objects it writes to S3 with (kms_key_arn of that S3 configuration; live: EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN). Absent: the bucket default encryption applies.',
      },
      s3KmsEncrypted: {
        type: 'boolean',
        description:
          'Firehose encrypts the objects it writes to S3 with a KMS key it names: true when kms_key_arn of that S3 configuration is set (a reference whose value is computed included; live: a KMSEncryptionConfig); false when unset (NoEncryption: the bucket default applies). Default false.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      sourceStream: { kinds: ['aws.kinesis.stream'], description: 'The Kinesis data stream of kinesis_source_configuration (live: Source.KinesisStreamSourceDescription.KinesisStreamARN).' },
      destinationBucket: { kinds: ['aws.s3.bucket'], description: 'The S3 bucket of s3BucketArn, when it is in the model.' },
      sseKey: { kinds: ['aws.kms.key'], description: 'The customer managed key of server_side_encryption.key_arn, when it is in the model.' },
    },
  },
]);
