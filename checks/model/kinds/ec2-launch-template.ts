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
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the template tags as an object).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {},
  },
]);
