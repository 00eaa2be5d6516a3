import { defineKinds } from './spec.js';

/**
 * A block of the Terraform configuration (provider, resource or data source) judged for what is written
 * in it rather than for what it deploys: credentials in provider arguments, user data and environments.
 * HCL and plan only; one per provider block, per block of a type that carries credentials, and per other
 * block holding one (address: the block's own, `provider.aws` for a provider).
 */
export const terraformKinds = defineKinds([
  {
    kind: 'aws.terraform.block',
    title: 'Terraform configuration block (credentials written in it)',
    terraform: [
      'provider',
      'aws_instance',
      'aws_launch_template',
      'aws_launch_configuration',
      'aws_spot_instance_request',
      'aws_lambda_function',
      'aws_ecs_task_definition',
      'aws_batch_job_definition',
      'aws_codebuild_project',
      'aws_elastic_beanstalk_environment',
      'aws_apprunner_service',
    ],
    attrs: {
      blockType: { type: 'string', description: 'provider, resource or data.' },
      terraformType: { type: 'string', description: 'Resource or data source type (aws_instance), or the provider name (aws).' },
      plaintextCredentials: {
        type: 'object[]',
        description:
          'Credentials written in plain (non-sensitive) values of the block, never the value itself: AWS access key ids, private keys, tokens, URLs with a password, a literal under a credential-named argument or variable, or a user-data line assigning one.',
        fields: { attribute: 'attribute path', variable: 'variable or key named, when not the attribute itself', line: 'line within user data, 1-based', reason: 'why it is a credential' },
      },
      unreadCredentials: {
        type: 'object[]',
        description:
          'Credential-carrying arguments (provider credentials, user data, environments, container definitions) whose value this input does not show and does not compute from another resource: a variable without a value, a local or function a plan does not expand.',
        fields: { attribute: 'attribute path', reason: 'why it could not be read' },
      },
    },
    links: {},
  },
]);
