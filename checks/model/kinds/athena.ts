import { defineKinds } from './spec.js';

export const athenaKinds = defineKinds([
  {
    kind: 'aws.athena.workgroup',
    title: 'Athena workgroup',
    terraform: ['aws_athena_workgroup'],
    attrs: {
      name: { type: 'string', description: 'Workgroup name (name; live: WorkGroup.Name).' },
      state: { type: 'string', description: 'ENABLED or DISABLED (state; live: WorkGroup.State). Default ENABLED.' },
      enforceConfiguration: {
        type: 'boolean',
        description:
          'The workgroup settings override what a query asks for, result encryption included (configuration.enforce_workgroup_configuration; live: WorkGroup.Configuration.EnforceWorkGroupConfiguration). Default true; the primary workgroup AWS creates has false.',
      },
      resultEncryptionOption: {
        type: 'string',
        description:
          'Encryption of query results: SSE_S3, SSE_KMS or CSE_KMS (configuration.result_configuration.encryption_configuration.encryption_option; live: WorkGroup.Configuration.ResultConfiguration.EncryptionConfiguration.EncryptionOption). Absent: the workgroup sets none.',
      },
      resultKmsKeyArn: { type: 'string', description: 'KMS key of SSE_KMS or CSE_KMS results (…encryption_configuration.kms_key_arn; live: …EncryptionConfiguration.KmsKey).' },
      outputLocation: { type: 'string', description: 'S3 location of query results (configuration.result_configuration.output_location; live: ResultConfiguration.OutputLocation).' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      resultKey: { kinds: ['aws.kms.key'], description: 'The KMS key of resultKmsKeyArn, when it is in the model.' },
    },
  },
]);
