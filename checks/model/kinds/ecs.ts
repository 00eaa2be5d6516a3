import { defineKinds } from './spec.js';

export const ecsKinds = defineKinds([
  {
    kind: 'aws.ecs.task-definition',
    title: 'ECS task definition',
    terraform: ['aws_ecs_task_definition'],
    attrs: {
      family: { type: 'string', description: 'Task definition family.' },
      containerDefinitions: {
        type: 'object[]',
        description:
          'Containers, parsed from the container_definitions JSON (live: DescribeTaskDefinition containerDefinitions), with the ECS API field names. environment and secrets are always arrays (empty when absent). Unknown as a whole when the JSON is known only after apply.',
        fields: {
          name: 'container name',
          image: 'image reference',
          essential: 'essential flag (ECS default true)',
          environment: '[{name, value}] plaintext environment variables',
          environmentFiles: '[{type, value}] S3 objects holding environment files',
          secrets: '[{name, valueFrom}] variables injected from Secrets Manager or SSM Parameter Store',
          logConfiguration: '{logDriver, options, secretOptions} or absent (no log driver: output is lost or stays on the host)',
          readonlyRootFilesystem: 'boolean, ECS default false',
          privileged: 'boolean, ECS default false',
          user: 'user the container runs as (absent = image default, often root)',
        },
      },
      executionRoleArn: { type: 'string', description: 'Task execution role ARN (pulls images, reads `secrets`, writes awslogs).' },
      taskRoleArn: { type: 'string', description: 'Task role ARN (the application credentials).' },
      requiresCompatibilities: { type: 'string[]', description: 'Launch types: EC2, FARGATE, EXTERNAL.' },
      networkMode: { type: 'string', description: 'awsvpc, bridge, host or none. When unset the ECS default applies (bridge on EC2 Linux; Fargate requires awsvpc).' },
      pidMode: { type: 'string', description: 'host or task, when set.' },
      ipcMode: { type: 'string', description: 'host, task or none, when set.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
      },
    },
    links: {
      executionRole: { kinds: ['aws.iam.role'], description: 'The task execution role.' },
      taskRole: { kinds: ['aws.iam.role'], description: 'The task role.' },
      secretSources: { kinds: ['aws.secretsmanager.secret'], description: 'Secrets Manager secrets the containers read through `secrets[].valueFrom`, when they are in the scan.' },
    },
  },
]);
