import { attr, awsManagedKeyAttr, linkRef, resourcePolicyFacet, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const stream: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kinesis.stream', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    encryptionType: attr<string>(rec, 'encryption_type', { default: 'NONE' }),
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    retentionHours: attr<number>(rec, 'retention_period', { default: 24 }),
    // aws_kinesis_resource_policy resources append theirs (resourcePolicy below)
    resourcePolicies: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** aws_kinesis_stream_consumer: an enhanced fan-out consumer, a facet of its stream (a policy written for it lands on the stream). */
const consumer: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kinesis.stream-consumer');
  r.linkRefs!.push(linkRef(rec, 'stream', 'stream_arn', ['aws.kinesis.stream']));
  r.mergeInto = 'stream';
  return r;
};

/**
 * aws_kinesis_resource_policy: the policy of a stream or of one of its consumers (`<stream ARN>/consumer/<name>:<time>`,
 * or a reference to an aws_kinesis_stream_consumer), a facet of the stream.
 */
const resourcePolicy: TfAdapter = (rec) => resourcePolicyFacet(rec, 'aws.kinesis.resource-policy', 'stream', ['aws.kinesis.stream', 'aws.kinesis.stream-consumer'], (arn) => arn.replace(/\/consumer\/.*$/, ''));

/** Terraform resource type -> adapter. */
export const kinesisAdapters: Record<string, TfAdapter> = { aws_kinesis_stream: stream, aws_kinesis_stream_consumer: consumer, aws_kinesis_resource_policy: resourcePolicy };
