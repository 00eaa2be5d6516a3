import { IMDS } from './ec2.js';
import { defineKinds } from './spec.js';

export const ec2LaunchTemplateKinds = defineKinds([
  {
    kind: 'aws.ec2.launch-template',
    title: 'EC2 launch template',
    terraform: ['aws_launch_template'],
    attrs: {
      name: { type: 'string', description: 'Launch template name (name; live LaunchTemplateName).' },
      // Terraform: the version the configuration describes (its latest); live: the default version (DescribeLaunchTemplateVersions $Default).
      ...IMDS,
      blockDeviceMappings: {
        type: 'object[]',
        description:
          'Block devices the template adds or overrides (block_device_mappings; live LaunchTemplateData.BlockDeviceMappings of the default version). Devices of the AMI the template does not name are not listed. Empty when none.',
        fields: {
          deviceName: 'device_name / DeviceName',
          ebs: 'The mapping is an EBS volume (an ebs block / Ebs), not an instance store or a suppressed device',
          encrypted: "ebs.encrypted ('true'/'false' in Terraform; Ebs.Encrypted live) as a boolean; null when not set (then the region's EBS encryption by default, or the snapshot, decides)",
          kmsKeyId: 'ebs.kms_key_id / Ebs.KmsKeyId',
          snapshotId: 'ebs.snapshot_id / Ebs.SnapshotId',
        },
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the template tags as an object).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {
      account: { kinds: ['aws.account'], description: "The account (its region's EBS encryption by default applies to the template's new volumes)" },
    },
  },
]);
