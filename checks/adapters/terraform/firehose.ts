import { isUnknown } from '../../model/value.js';
import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, derived, isConfigured, linkRef, locOf, rawAt, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** The block holding the S3 bucket a destination writes to: the extended_s3 destination itself, or another destination's S3 (backup) configuration. */
function s3Block(destination: unknown): string | undefined {
  if (typeof destination !== 'string') return undefined;
  if (destination === 'extended_s3') return 'extended_s3_configuration';
  if (destination === 's3') return 's3_configuration';
  return `${destination}_configuration.s3_configuration`;
}

function present(raw: unknown): boolean {
  return Array.isArray(raw) ? raw.length > 0 : raw !== undefined && raw !== null;
}

/** Whether a key argument is set: a reference or a configured expression counts even while its value is computed. */
function keySet(rec: TfRecord, path: string): Val<boolean> {
  const raw = rawAt(rec.values, path);
  const loc = locOf(rec, path);
  if (isUnknown(raw)) {
    if (referencesOf(rec, path).length > 0 || isConfigured(rec, path) === true) return { value: true, origin: 'explicit', loc };
    return isConfigured(rec, path) === false ? { value: false, origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  }
  return typeof raw === 'string' && raw !== '' ? { value: true, origin: 'explicit', loc } : { value: false, origin: 'default', loc };
}

const deliveryStream: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.firehose.delivery-stream', [rec.values.name]);
  const destination = attr<string>(rec, 'destination');
  const kinesisSource = rawAt(rec.values, 'kinesis_source_configuration');
  const mskSource = rawAt(rec.values, 'msk_source_configuration');
  const sourceType = isUnknown(kinesisSource) || isUnknown(mskSource) ? undefined : present(kinesisSource) ? 'KinesisStreamAsSource' : present(mskSource) ? 'MSKAsSource' : 'DirectPut';
  const s3 = s3Block(destination.value);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    sourceType: sourceType === undefined ? { value: undefined, origin: 'unknown', loc: r.loc } : { value: sourceType, origin: sourceType === 'DirectPut' ? 'default' : 'explicit', loc: r.loc },
    sseEnabled: attr<boolean>(rec, 'server_side_encryption.enabled', { default: false }),
    sseKeyType: attr<string>(rec, 'server_side_encryption.key_type', { default: 'AWS_OWNED_CMK' }),
    destination,
    httpEndpointUrl: attr<string>(rec, 'http_endpoint_configuration.url'),
    s3BucketArn: s3 ? attr<string>(rec, `${s3}.bucket_arn`) : derived<string>(undefined, [destination]),
    s3KmsKeyArn: s3 ? attr<string>(rec, `${s3}.kms_key_arn`) : derived<string>(undefined, [destination]),
    s3KmsEncrypted: s3 ? keySet(rec, `${s3}.kms_key_arn`) : derived<boolean>(undefined, [destination]),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'sourceStream', 'kinesis_source_configuration.kinesis_stream_arn', ['aws.kinesis.stream']), linkRef(rec, 'sseKey', 'server_side_encryption.key_arn', ['aws.kms.key']));
  if (s3) r.linkRefs!.push(linkRef(rec, 'destinationBucket', `${s3}.bucket_arn`, ['aws.s3.bucket']));
  return r;
};

/** Terraform resource type -> adapter. */
export const firehoseAdapters: Record<string, TfAdapter> = { aws_kinesis_firehose_delivery_stream: deliveryStream };
