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
        description: 'The job selects buckets by runtime criteria (s3_job_definition.bucket_criteria; live: bucketCriteria) rather than by name: which buckets it covers cannot be read from here.',
      },
    },
    links: {
      buckets: { kinds: ['aws.s3.bucket'], description: 'Buckets the job names, by Terraform reference or literal bucket name.' },
    },
  },
]);
