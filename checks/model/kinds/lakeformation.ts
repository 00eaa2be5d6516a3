import { defineKinds } from './spec.js';

// apis slice (issue 14, wave 4)
export const lakeformationKinds = defineKinds([
  {
    kind: 'aws.lakeformation.resource',
    title: 'Lake Formation registered data-lake location',
    terraform: ['aws_lakeformation_resource'],
    attrs: {
      resourceArn: { type: 'string', description: 'The registered S3 location, a bucket or prefix ARN (arn; live: ResourceArn of ListResources).' },
      roleArn: { type: 'string', description: 'The role Lake Formation uses to reach the location (role_arn; live: RoleArn). Absent: the service-linked role.' },
      hybridAccessEnabled: {
        type: 'boolean',
        description: "IAM and S3 policies still grant access to the location beside Lake Formation permissions (hybrid_access_enabled, default false; live: HybridAccessEnabled, which AWS always answers: a missing value is unknown).",
      },
      tags: { type: 'object', description: 'A registered location has no tags (empty).' },
      dataClass: {
        type: 'string',
        description: 'The classification of the bucket it is in (locations carry no tags); `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      location: { kinds: ['aws.s3.bucket'], description: 'The bucket the registered location is in (arn; live: ResourceArn), whose classification the location takes: locations carry no tags.' },
    },
  },
]);
