import { AddTagsToStreamCommand, CreateStreamCommand, KinesisClient, StartStreamEncryptionCommand } from '@aws-sdk/client-kinesis';
import { CreateDeliveryStreamCommand, FirehoseClient, StartDeliveryStreamEncryptionCommand } from '@aws-sdk/client-firehose';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { AthenaClient, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the pipes seed created: a compliant resource and a broken one of each service. */
export interface SeededPipes {
  goodStream: string;
  badStream: string;
  goodDelivery: string;
  badDelivery: string;
  goodVendor: string;
  badVendor: string;
  goodCluster: string;
  badCluster: string;
  goodWorkgroup: string;
  badWorkgroup: string;
  /** A credential-named SecureString under the customer managed key. */
  goodParameter: string;
  /** A credential-named plain String. */
  plainParameter: string;
  /** A SecureString under the AWS managed key alias/aws/ssm. */
  awsKeyParameter: string;
}

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/pipes-seed`;
const STUDENT = { DataClassification: 'student-data' };

/**
 * The pipes slice's services (Kinesis, Firehose, EKS) in one region: one resource that meets every policy and one
 * that breaks each of them. The buckets the delivery streams write to are seeded too: one SSE-KMS, one without
 * default encryption configured.
 */
export async function seedPipes(cfg: Cfg, region: string, keyArn: string): Promise<SeededPipes> {
  const s3 = new S3Client({ ...cfg(region), forcePathStyle: true });
  const bucket = async (name: string, kms: boolean) => {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: 'DataClassification', Value: 'student-data' }] } }));
    if (kms) await s3.send(new PutBucketEncryptionCommand({ Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } }));
    return `arn:aws:s3:::${name}`;
  };
  const goodBucket = await bucket('pipes-lake-good', true);
  const badBucket = await bucket('pipes-lake-bad', false);

  // moto speaks HTTP/1.1 only; the Kinesis client defaults to HTTP/2.
  const kinesis = new KinesisClient({ ...cfg(region), requestHandler: new NodeHttpHandler() });
  const stream = async (name: string, good: boolean) => {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    await kinesis.send(new AddTagsToStreamCommand({ StreamName: name, Tags: STUDENT }));
    if (good) await kinesis.send(new StartStreamEncryptionCommand({ StreamName: name, EncryptionType: 'KMS', KeyId: keyArn }));
    return `arn:aws:kinesis:${region}:${ACCOUNT}:stream/${name}`;
  };

  const firehose = new FirehoseClient(cfg(region));
  const tags = [{ Key: 'DataClassification', Value: 'student-data' }];
  const toLake = async (name: string, good: boolean) => {
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: {
          RoleARN: ROLE,
          BucketARN: good ? goodBucket : badBucket,
          EncryptionConfiguration: good ? { KMSEncryptionConfig: { AWSKMSKeyARN: keyArn } } : { NoEncryptionConfig: 'NoEncryption' },
        },
        Tags: tags,
      }),
    );
    if (good) await firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: name, DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: keyArn } }));
    return `arn:aws:firehose:${region}:${ACCOUNT}:deliverystream/${name}`;
  };
  const toVendor = async (name: string, good: boolean) => {
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        DeliveryStreamType: 'DirectPut',
        HttpEndpointDestinationConfiguration: {
          EndpointConfiguration: { Name: 'analytics-vendor', Url: `${good ? 'https' : 'http'}://ingest.analytics-vendor.example/v1/firehose` },
          RoleARN: ROLE,
          S3BackupMode: 'FailedDataOnly',
          S3Configuration: { RoleARN: ROLE, BucketARN: goodBucket, EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: keyArn } } },
        },
        Tags: tags,
      }),
    );
    await firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: name, DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
    return `arn:aws:firehose:${region}:${ACCOUNT}:deliverystream/${name}`;
  };

  const eks = new EKSClient(cfg(region));
  const cluster = async (name: string, good: boolean) => {
    const out = await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: ROLE,
        resourcesVpcConfig: good ? { subnetIds: ['subnet-0a1b2c3d'], endpointPublicAccess: false, endpointPrivateAccess: true } : { subnetIds: ['subnet-0a1b2c3d'] },
        ...(good
          ? {
              encryptionConfig: [{ resources: ['secrets'], provider: { keyArn } }],
              logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator'], enabled: true }] },
            }
          : {}),
        tags: STUDENT,
      }),
    );
    return out.cluster!.arn!;
  };

  const athena = new AthenaClient(cfg(region));
  const workgroup = async (name: string, good: boolean) => {
    await athena.send(
      new CreateWorkGroupCommand({
        Name: name,
        Configuration: {
          EnforceWorkGroupConfiguration: good,
          ResultConfiguration: { OutputLocation: 's3://pipes-lake-good/athena/', ...(good ? { EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: keyArn } } : {}) },
        },
        Tags: tags,
      }),
    );
    return `arn:aws:athena:${region}:${ACCOUNT}:workgroup/${name}`;
  };

  const ssm = new SSMClient(cfg(region));
  const parameter = async (name: string, type: 'String' | 'SecureString', keyId?: string) => {
    await ssm.send(new PutParameterCommand({ Name: name, Type: type, Value: 'seed-only-parameter-value', ...(keyId ? { KeyId: keyId } : {}), Tags: tags }));
    return `arn:aws:ssm:${region}:${ACCOUNT}:parameter${name}`;
  };

  return {
    goodStream: await stream('attendance-events-good', true),
    badStream: await stream('attendance-events-bad', false),
    goodDelivery: await toLake('roster-to-lake-good', true),
    badDelivery: await toLake('roster-to-lake-bad', false),
    goodVendor: await toVendor('events-to-vendor-good', true),
    badVendor: await toVendor('events-to-vendor-bad', false),
    goodCluster: await cluster('workers-good', true),
    badCluster: await cluster('workers-bad', false),
    goodWorkgroup: await workgroup('analysts-good', true),
    badWorkgroup: await workgroup('analysts-bad', false),
    goodParameter: await parameter('/pipes/db-password', 'SecureString', keyArn),
    plainParameter: await parameter('/pipes/api-token', 'String'),
    awsKeyParameter: await parameter('/pipes/export-token', 'SecureString'),
  };
}
