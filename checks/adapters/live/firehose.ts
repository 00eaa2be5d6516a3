import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const D = 'DeliveryStreamDescription';

/** DescribeDeliveryStream's destination descriptions, in Terraform's words for `destination`. */
const DESTINATIONS: Array<[string, string]> = [
  ['ExtendedS3DestinationDescription', 'extended_s3'],
  ['HttpEndpointDestinationDescription', 'http_endpoint'],
  ['RedshiftDestinationDescription', 'redshift'],
  ['AmazonopensearchserviceDestinationDescription', 'opensearch'],
  ['AmazonOpenSearchServerlessDestinationDescription', 'opensearchserverless'],
  ['ElasticsearchDestinationDescription', 'elasticsearch'],
  ['SplunkDestinationDescription', 'splunk'],
  ['SnowflakeDestinationDescription', 'snowflake'],
  ['IcebergDestinationDescription', 'iceberg'],
  ['S3DestinationDescription', 's3'],
];

/** The S3 configuration of a destination: the extended S3 destination, else the S3 (backup) description beside or inside it. */
function s3Of(dest: Record<string, unknown>, kind: string | undefined): Record<string, unknown> | undefined {
  const own = kind ? (dest[kind] as Record<string, unknown> | undefined) : undefined;
  if (kind === 'ExtendedS3DestinationDescription') return own;
  return (own?.S3BackupDescription ?? own?.S3DestinationDescription ?? dest.S3DestinationDescription) as Record<string, unknown> | undefined;
}

/** A delivery stream as DescribeDeliveryStream describes it (facet `DeliveryStreamDescription`), with its tags. */
const deliveryStream: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.firehose.delivery-stream', ctx, [dataAt(rec, 'DeliveryStreamName')]);
  const first = ((dataAt(rec, `${D}.Destinations`) as Array<Record<string, unknown>> | undefined) ?? [])[0] ?? {};
  const kind = DESTINATIONS.find(([k]) => first[k] !== undefined);
  const s3 = s3Of(first, kind?.[0]);
  const bucket = s3?.BucketARN as string | undefined;
  const s3Key = (s3?.EncryptionConfiguration as { KMSEncryptionConfig?: { AWSKMSKeyARN?: string } } | undefined)?.KMSEncryptionConfig?.AWSKMSKeyARN;
  const status = dataAt(rec, `${D}.DeliveryStreamEncryptionConfiguration.Status`) as string | undefined;
  const sourceStream = dataAt(rec, `${D}.Source.KinesisStreamSourceDescription.KinesisStreamARN`) as string | undefined;
  const sseKey = dataAt(rec, `${D}.DeliveryStreamEncryptionConfiguration.KeyARN`) as string | undefined;
  const url = (first.HttpEndpointDestinationDescription as { EndpointConfiguration?: { Url?: string } } | undefined)?.EndpointConfiguration?.Url;
  r.attrs = {
    name: liveAttr(rec, ctx, 'DeliveryStreamName'),
    sourceType: liveAttr(rec, ctx, `${D}.DeliveryStreamType`, { default: 'DirectPut' }),
    sseEnabled: liveDerived(rec, ctx, `${D}.DeliveryStreamEncryptionConfiguration.Status`, status === 'ENABLED' || status === 'ENABLING', [D], status ? 'explicit' : 'default'),
    sseKeyType: liveAttr(rec, ctx, `${D}.DeliveryStreamEncryptionConfiguration.KeyType`, { default: 'AWS_OWNED_CMK' }),
    destination: liveDerived(rec, ctx, `${D}.Destinations`, kind?.[1], [D]),
    httpEndpointUrl: liveDerived(rec, ctx, `${D}.Destinations`, url, [D]),
    s3BucketArn: liveDerived(rec, ctx, `${D}.Destinations`, bucket, [D]),
    s3KmsKeyArn: liveDerived(rec, ctx, `${D}.Destinations`, s3Key, [D]),
    s3KmsEncrypted: liveDerived(rec, ctx, `${D}.Destinations`, s3 ? Boolean(s3Key) : undefined, [D], s3Key ? 'explicit' : 'default'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (sourceStream) r.linkRefs!.push(liveLink(rec, ctx, 'sourceStream', sourceStream, ['aws.kinesis.stream'], { attribute: `${D}.Source` }));
  if (bucket) r.linkRefs!.push(liveLink(rec, ctx, 'destinationBucket', bucket, ['aws.s3.bucket'], { attribute: `${D}.Destinations` }));
  if (sseKey) r.linkRefs!.push(liveLink(rec, ctx, 'sseKey', sseKey, ['aws.kms.key'], { attribute: `${D}.DeliveryStreamEncryptionConfiguration.KeyARN` }));
  return r;
};

export const firehoseLiveAdapters: Record<string, LiveAdapter> = { 'AWS::KinesisFirehose::DeliveryStream': deliveryStream };
