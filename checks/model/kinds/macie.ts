import { defineKinds } from './spec.js';

export const macieKinds = defineKinds([
  {
    kind: 'aws.macie.classification-job',
    title: 'Amazon Macie sensitive data discovery (classification) job',
    terraform: ['aws_macie2_classification_job'],
    attrs: {
      name: { type: 'string', description: 'Job name (name; live: name).' },
      jobType: { type: 'string', description: 'ONE_TIME or SCHEDULED (job_type; live: jobType).' },
      jobStatus: {
        type: 'string',
        description:
          'RUNNING, IDLE (a scheduled job between runs), PAUSED (by Macie, over quota), USER_PAUSED, CANCELLED or COMPLETE (job_status, which Terraform leaves RUNNING when not set; live: jobStatus).',
      },
      bucketNames: {
        type: 'string[]',
        description: 'Buckets the job names explicitly (s3_job_definition.bucket_definitions[*].buckets, every block; live: bucketDefinitions[*].buckets).',
      },
      usesBucketCriteria: {
        type: 'boolean',
        description: 'The job selects buckets by criteria (s3_job_definition.bucket_criteria; live: bucketCriteria) rather than by name.',
      },
      bucketCriteria: {
        type: 'json',
        description:
          'The criteria, one shape for every source: { includes, excludes }, each null or a list of conditions joined by AND, each { property, comparator, values } (ACCOUNT_ID, S3_BUCKET_NAME, S3_BUCKET_EFFECTIVE_PERMISSION, S3_BUCKET_SHARED_ACCESS; values joined by OR) or { comparator, tags: [{ key, value }] }; unset when the job names its buckets.',
      },
    },
    links: {
      buckets: { kinds: ['aws.s3.bucket'], description: 'Buckets the job names, by Terraform reference or literal bucket name.' },
    },
  },
]);
