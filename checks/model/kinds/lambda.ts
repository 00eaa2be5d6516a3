import { defineKinds } from './spec.js';

export const lambdaKinds = defineKinds([
  {
    kind: 'aws.lambda.function',
    title: 'Lambda function',
    terraform: ['aws_lambda_function', 'aws_lambda_permission', 'aws_lambda_function_url'],
    attrs: {
      functionName: { type: 'string', description: 'Function name (function_name; live: FunctionName).' },
      packageType: { type: 'string', description: 'Zip or Image (package_type; live: PackageType). Default Zip.' },
      runtime: { type: 'string', description: 'Runtime identifier such as python3.12 (runtime; live: Runtime). Absent for container images.' },
      kmsKeyArn: { type: 'string', description: 'KMS key encrypting the environment variables at rest (kms_key_arn; live: KMSKeyArn). Absent: the AWS managed key aws/lambda.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when the environment is encrypted with the AWS managed key aws/lambda (kms_key_arn unset, or alias/aws/lambda); false for a customer managed key (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER); unknown for a literal key ARN not in the input.',
      },
      hasEnvironment: { type: 'boolean', description: 'The function sets at least one environment variable (environment.variables; live: Environment.Variables). Default false.' },
      environmentVariables: {
        type: 'object[]',
        description:
          'Environment variables as {name, value} (environment.variables; live: Environment.Variables, whose values the collector keeps only when they are empty, flags or references; other literals arrive as marker strings, never the value).',
        fields: { name: 'variable name', value: 'the value, a redaction marker, or unknown' },
      },
      policyStatements: {
        type: 'object[]',
        description:
          'Statements of the function resource policy: one per aws_lambda_permission (principal, source_arn, source_account, principal_org_id as conditions), appended by the linker; live: the Statement list of GetPolicy. Default none.',
      },
      functionUrls: {
        type: 'object[]',
        description: 'Function URLs (aws_lambda_function_url, appended by the linker; live: ListFunctionUrlConfigs). Default none.',
        fields: { authType: 'AWS_IAM or NONE (authorization_type; live: AuthType)', qualifier: 'alias the URL points to, if any' },
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_arn, when it is in the model.' },
      function: { kinds: ['aws.lambda.function'], description: 'Permissions and function URLs: the function they belong to (merged into it).' },
    },
  },
]);
