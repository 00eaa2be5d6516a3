import { defineKinds } from './spec.js';

/**
 * S3 access points: a named network endpoint of one bucket with a resource policy of its own. A request through the
 * access point must be allowed by the access point's policy and by the bucket's (a bucket that delegates access
 * control to its access points lets the access point's policy decide), so a public access point policy is a door to
 * the bucket's objects that the bucket policy check never sees. The access point holds no data: it takes its
 * bucket's classification.
 */
export const s3AccessPointKinds = defineKinds([
  {
    kind: 'aws.s3.access-point',
    title: 'S3 access point',
    terraform: ['aws_s3_access_point', 'aws_s3control_access_point_policy'],
    attrs: {
      name: { type: 'string', description: 'Access point name, unique per account and Region (name; live: ListAccessPoints Name).' },
      bucket: { type: 'string', description: 'Name of the bucket the access point serves (bucket; live: Bucket).' },
      policy: {
        type: 'json',
        description:
          'Access point policy document (parsed JSON): the inline `policy` of aws_s3_access_point, replaced by an aws_s3control_access_point_policy naming the access point (live: GetAccessPointPolicy). Absent when there is none (the inline argument not configured, `{}`, or NoSuchAccessPointPolicy); unknown when its text is known only after apply.',
      },
      networkOrigin: {
        type: 'string',
        description: 'Internet, or VPC when S3 accepts requests through the access point only from one VPC (Terraform: VPC when vpc_configuration is set; live: NetworkOrigin).',
      },
      vpcId: { type: 'string', description: 'The VPC of a VPC-origin access point (vpc_configuration.vpc_id; live: VpcConfiguration.VpcId); absent for Internet origin.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: not read, {}).' },
      dataClass: {
        type: 'string',
        description: "Lowercased value of the first profile classificationTagKeys tag; without one, the classification of its bucket (the access point serves the bucket's objects).",
      },
    },
    links: {
      bucket: { kinds: ['aws.s3.bucket'], description: 'The bucket of `bucket`, whose classification the access point takes when it has none of its own.' },
      policySource: {
        kinds: ['aws.iam.policy-document'],
        description: 'The data.aws_iam_policy_document the policy expression references; code checks read its statements when the policy JSON is known only after apply.',
      },
      accessPoint: { kinds: ['aws.s3.access-point'], description: 'Facets (aws_s3control_access_point_policy): the access point whose policy they set.' },
    },
  },
]);
