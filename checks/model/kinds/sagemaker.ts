import { defineKinds } from './spec.js';

export const sagemakerKinds = defineKinds([
  {
    kind: 'aws.sagemaker.notebook-instance',
    title: 'SageMaker notebook instance',
    terraform: ['aws_sagemaker_notebook_instance'],
    attrs: {
      name: { type: 'string', description: 'Notebook instance name (name; live: NotebookInstanceName).' },
      kmsKeyId: { type: 'string', description: 'KMS key of the ML storage volume (kms_key_id; live: KmsKeyId of DescribeNotebookInstance). Unset: the volume is encrypted with an AWS managed key.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The volume is encrypted with an AWS managed key (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      directInternetAccess: { type: 'string', description: 'Enabled or Disabled (direct_internet_access; live: DirectInternetAccess). Default Enabled: the instance reaches the internet through a SageMaker-managed network.' },
      rootAccess: { type: 'string', description: 'Enabled or Disabled (root_access; live: RootAccess). Default Enabled: notebook users can become root.' },
      subnetId: { type: 'string', description: 'The VPC subnet of the instance (subnet_id; live: SubnetId). Absent: no VPC interface.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTags as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
    },
  },
]);
