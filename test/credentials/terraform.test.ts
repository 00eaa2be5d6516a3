import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { POLICY, byAddress, plan, scan, tree } from './helpers.js';

// Issue 12, item 4: credentials written in Terraform, judged per block (one finding per block that holds
// one, at its own address), in HCL and in plans. The values below must never appear in a finding.
const KEY_ID = 'AKIAQ3PROBE7FERPA9X2';
const SECRET_KEY = 'Zx9vQ2mL7pR4tW8yB1nC6kD3fH5jG0sA2eU4iO7q';
const DB_PASSWORD = 'Winter-Roster-2026!';
const TOKEN = 'lms_51c0ffee9d2b7a44';
const VALUES = [KEY_ID, SECRET_KEY, DB_PASSWORD, TOKEN];

function noValues(findings: Finding[]): void {
  const text = JSON.stringify(findings);
  for (const v of VALUES) expect(text, `a finding holds ${v.slice(0, 4)}...`).not.toContain(v);
}

function only(findings: Finding[], address: string): Finding {
  const f = findings.filter((x) => x.resource.address === address);
  expect(f, `findings at ${address}: ${JSON.stringify(byAddress(findings))}`).toHaveLength(1);
  return f[0]!;
}

const PROVIDER_WITH_KEYS = `
provider "aws" {
  region     = "us-east-1"
  access_key = "${KEY_ID}"
  secret_key = "${SECRET_KEY}"
}
`;

const INSTANCE_EXPORTING_PASSWORD = `
resource "aws_instance" "web" {
  ami           = "ami-0c7217cdde317cfec"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_HOST=db.internal
    export DB_PASSWORD=${DB_PASSWORD}
    /opt/app/start
  EOT
}
`;

describe('HCL: the probes of issue 12', () => {
  it('provider access_key / secret_key literals fail at provider.aws, on the line of the first, naming both', async () => {
    const f = only(await scan([tree({ 'main.tf': PROVIDER_WITH_KEYS })]), 'provider.aws');
    expect(f.status).toBe('fail');
    expect(f.resource.kind).toBe('aws.terraform.block');
    expect(f.resource.line).toBe(4);
    expect(f.message).toContain('access_key');
    expect(f.message).toContain('secret_key');
    noValues([f]);
  });

  it('user_data exporting DB_PASSWORD fails at the instance, naming the variable and the line within user_data', async () => {
    const f = only(await scan([tree({ 'main.tf': INSTANCE_EXPORTING_PASSWORD })]), 'aws_instance.web');
    expect(f.status).toBe('fail');
    expect(f.evidence['plaintextCredentials[0]']).toMatchObject({ attribute: 'user_data', variable: 'DB_PASSWORD', line: 3 });
    noValues([f]);
  });

  it('a provider whose keys AWS never sees (LocalStack, mocks) passes, unless a value has a credential format', async () => {
    const findings = await scan([
      tree({
        'main.tf': `
provider "aws" {
  alias                       = "localstack"
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
}
provider "aws" {
  alias                       = "pasted"
  region                      = "us-east-1"
  access_key                  = "${KEY_ID}"
  secret_key                  = "${SECRET_KEY}"
  skip_credentials_validation = true
}
`,
      }),
    ]);
    expect(byAddress(findings)).toEqual({ 'provider.aws.localstack': 'pass', 'provider.aws.pasted': 'fail' });
    expect(only(findings, 'provider.aws.pasted').message).toContain('secret_key: holds an AWS secret access key');
  });

  it('a provider in a module is named by its module path', async () => {
    const dir = tree({ 'main.tf': 'module "legacy" {\n  source = "./legacy"\n}\n', 'legacy/main.tf': PROVIDER_WITH_KEYS });
    expect(byAddress(await scan([dir]))).toMatchObject({ 'module.legacy.provider.aws': 'fail' });
  });
});

describe('HCL: where credentials hide', () => {
  it('base64 and gzip+base64 user data is decoded before it is judged', async () => {
    const script = `#!/bin/bash\necho "LMS_API_TOKEN=${TOKEN}" >> /etc/worker.env\n`;
    const findings = await scan([
      tree({
        'main.tf': `
resource "aws_instance" "b64" {
  ami              = "ami-1"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode(${JSON.stringify(script)})
}
resource "aws_launch_template" "gz" {
  name_prefix = "w-"
  user_data   = base64gzip(${JSON.stringify(script)})
}
resource "aws_launch_template" "literal" {
  name_prefix = "l-"
  user_data   = "${Buffer.from(script).toString('base64')}"
}
`,
      }),
    ]);
    expect(byAddress(findings)).toEqual({ 'aws_instance.b64': 'fail', 'aws_launch_template.gz': 'fail', 'aws_launch_template.literal': 'fail' });
    for (const f of findings) expect(f.message).toMatch(/line 2 \(LMS_API_TOKEN\).*base64-decoded/);
    noValues(findings);
  });

  it('a Lambda function with a literal access key is named at its own address', async () => {
    const findings = await scan([
      tree({
        'main.tf': `
resource "aws_lambda_function" "export" {
  function_name = "export"
  role          = "arn:aws:iam::111122223333:role/export"
  environment {
    variables = {
      AWS_ACCESS_KEY_ID = "${KEY_ID}"
      REGION            = "us-east-1"
    }
  }
}
`,
      }),
    ]);
    const f = only(findings, 'aws_lambda_function.export');
    expect(f.status).toBe('fail');
    expect(f.message).toContain('environment[0].variables.AWS_ACCESS_KEY_ID');
    expect(f.message).toContain('AWS access key id');
    noValues(findings);
  });

  it('two resources holding credentials are two findings; a clean one of the same kind passes', async () => {
    const findings = await scan([
      tree({
        'main.tf': `
resource "aws_instance" "a" {
  ami       = "ami-1"
  user_data = "export DB_PASSWORD=${DB_PASSWORD}"
}
resource "aws_instance" "b" {
  ami       = "ami-1"
  user_data = "aws configure set aws_secret_access_key ${SECRET_KEY}"
}
resource "aws_instance" "clean" {
  ami       = "ami-1"
  user_data = "#!/bin/bash\\nexport DB_HOST=db.internal\\n"
}
resource "aws_ssm_parameter" "vendor" {
  name  = "/sis/vendor"
  type  = "String"
  value = "${TOKEN}"
  tags  = { api_token = "${TOKEN}" }
}
`,
      }),
    ]);
    expect(byAddress(findings)).toEqual({ 'aws_instance.a': 'fail', 'aws_instance.b': 'fail', 'aws_instance.clean': 'pass', 'aws_ssm_parameter.vendor': 'fail' });
    expect(findings.filter((f) => f.status === 'fail')).toHaveLength(3);
    noValues(findings);
  });

  it('references, placeholders and empty values are not credentials', async () => {
    const findings = await scan([
      tree({
        'main.tf': `
resource "aws_instance" "web" {
  ami       = "ami-1"
  user_data = <<-EOT
    #!/bin/bash
    export DB_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf
    export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id "$DB_PASSWORD_SECRET_ARN" --query SecretString --output text)"
    export API_TOKEN=""
    export CACHE_TOKEN=$CACHE_TOKEN_FROM_SSM
    export SESSION_SECRET=$\${SESSION_SECRET}
    export DATABASE_URL="postgres://app:$\${DB_PASSWORD}@db.internal/sis"
    echo "password: <set me>"
  EOT
  metadata_options {
    http_tokens = "required"
  }
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::111122223333:role/f"
  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"
      API_KEY_PARAMETER      = "/sis/prod/api-key"
      TOKEN_TTL              = "3600"
      CLIENT_SECRET          = ""
    }
  }
}
`,
      }),
    ]);
    expect(byAddress(findings)).toEqual({ 'aws_instance.web': 'pass', 'aws_lambda_function.f': 'pass' });
  });

  it('sensitive variables and computed values are not literals; a non-sensitive default is; a variable with no value is unknown', async () => {
    const findings = await scan(
      [
        tree({
          'main.tf': `
variable "key_sensitive" {
  type      = string
  sensitive = true
  default   = "${KEY_ID}"
}
variable "secret_plain" {
  type    = string
  default = "${SECRET_KEY}"
}
variable "token_unset" {
  type = string
}
provider "aws" {
  alias      = "sensitive"
  region     = "us-east-1"
  access_key = var.key_sensitive
}
provider "aws" {
  alias      = "plain"
  region     = "us-east-1"
  secret_key = var.secret_plain
}
provider "aws" {
  alias  = "unset"
  region = "us-east-1"
  token  = var.token_unset
}
data "aws_secretsmanager_secret_version" "key" {
  secret_id = "sis/deployer"
}
provider "aws" {
  alias      = "fetched"
  region     = "us-east-1"
  access_key = jsondecode(data.aws_secretsmanager_secret_version.key.secret_string)["id"]
}
`,
        }),
      ],
      POLICY,
      { vars: {} },
    );
    expect(byAddress(findings)).toEqual({
      'provider.aws.sensitive': 'pass',
      'provider.aws.plain': 'fail',
      'provider.aws.unset': 'unknown',
      'provider.aws.fetched': 'pass',
    });
    noValues(findings);
  });
});

describe('plan: the probes of issue 12', () => {
  it('provider_config access_key / secret_key constants fail at provider.aws', async () => {
    const dir = tree({
      'plan.json': plan({
        providers: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' }, access_key: { constant_value: KEY_ID }, secret_key: { constant_value: SECRET_KEY } } } },
      }),
    });
    const f = only(await scan([join(dir, 'plan.json')]), 'provider.aws');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/access_key.*secret_key/);
    noValues([f]);
  });

  it('user_data exporting DB_PASSWORD fails whether the plan shows it (provider v6) or only its hash (v5); a hash alone is unknown', async () => {
    const script = `#!/bin/bash\nexport DB_PASSWORD=${DB_PASSWORD}\n`;
    const dir = tree({
      'plan.json': plan({
        resources: [
          { type: 'aws_instance', name: 'v6', values: { ami: 'ami-1', user_data: script }, expressions: { user_data: { constant_value: script } } },
          { type: 'aws_instance', name: 'v5', values: { ami: 'ami-1', user_data: 'b6e4a0f1c3d25e7f8a9b0c1d2e3f4a5b6c7d8e9f' }, expressions: { user_data: { constant_value: script } } },
          { type: 'aws_instance', name: 'templated', values: { ami: 'ami-1', user_data: '0e9b741f530e2e2020c048d8e5c4fe7011876bfc' }, expressions: { user_data: {} } },
          { type: 'aws_instance', name: 'computed', values: { ami: 'ami-1' }, afterUnknown: { user_data: true }, expressions: { user_data: { references: ['aws_db_instance.main.address', 'aws_db_instance.main'] } } },
        ],
      }),
    });
    const findings = await scan([join(dir, 'plan.json')]);
    expect(byAddress(findings)).toMatchObject({ 'aws_instance.v6': 'fail', 'aws_instance.v5': 'fail', 'aws_instance.templated': 'unknown', 'aws_instance.computed': 'pass' });
    expect(only(findings, 'aws_instance.v5').message).toContain('user_data line 2 (DB_PASSWORD)');
    noValues(findings);
  });

  it('gzip+base64 user data of a launch template is decoded', async () => {
    const b64 = gzipSync(Buffer.from(`#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: |\n      API_TOKEN=${TOKEN}\n`)).toString('base64');
    const dir = tree({ 'plan.json': plan({ resources: [{ type: 'aws_launch_template', name: 'lt', values: { name_prefix: 'w-', user_data: b64 }, expressions: { user_data: {} } }] }) });
    const f = only(await scan([join(dir, 'plan.json')]), 'aws_launch_template.lt');
    expect(f.status).toBe('fail');
    expect(f.message).toContain('user_data line 5 (API_TOKEN)');
    expect(f.message).toContain('base64-decoded');
  });

  it('a Lambda with a literal access key and an ECS task with a password are two findings, each at its own address', async () => {
    const dir = tree({
      'plan.json': plan({
        resources: [
          { type: 'aws_lambda_function', name: 'export', values: { function_name: 'export', environment: [{ variables: { AWS_ACCESS_KEY_ID: KEY_ID } }] } },
          {
            type: 'aws_ecs_task_definition',
            name: 'api',
            values: { family: 'api', container_definitions: JSON.stringify([{ name: 'api', environment: [{ name: 'DB_PASSWORD', value: DB_PASSWORD }] }]) },
          },
          { type: 'aws_lambda_function', name: 'clean', values: { function_name: 'clean', environment: [{ variables: { LOG_LEVEL: 'info' } }] } },
        ],
      }),
    });
    const findings = await scan([join(dir, 'plan.json')]);
    expect(byAddress(findings)).toEqual({ 'provider.aws': 'pass', 'aws_lambda_function.export': 'fail', 'aws_ecs_task_definition.api': 'fail', 'aws_lambda_function.clean': 'pass' });
    expect(only(findings, 'aws_ecs_task_definition.api').message).toContain('container_definitions[0].environment[0].value (DB_PASSWORD)');
    noValues(findings);
  });

  it('provider credentials from variables: sensitive passes, non-sensitive fails, a local (not in a plan) is unknown, a data source passes', async () => {
    const dir = tree({
      'plan.json': plan({
        variables: { key_sensitive: { value: KEY_ID, sensitive: true }, secret_plain: { value: SECRET_KEY } },
        providers: {
          'aws.sensitive': { name: 'aws', alias: 'sensitive', expressions: { access_key: { references: ['var.key_sensitive'] } } },
          'aws.plain': { name: 'aws', alias: 'plain', expressions: { secret_key: { references: ['var.secret_plain'] } } },
          'aws.local': { name: 'aws', alias: 'local', expressions: { secret_key: { references: ['local.deployer_secret'] } } },
          'aws.fetched': { name: 'aws', alias: 'fetched', expressions: { access_key: { references: ['data.aws_secretsmanager_secret_version.key.secret_string', 'data.aws_secretsmanager_secret_version.key'] } } },
          'legacy:aws': { name: 'aws', module_address: 'module.legacy', expressions: { access_key: { references: ['var.key'] } } },
        },
        moduleCalls: { legacy: { source: './legacy', expressions: { key: { references: ['var.secret_plain'] } }, module: { variables: { key: {} } } } },
      }),
    });
    const findings = await scan([join(dir, 'plan.json')]);
    expect(byAddress(findings)).toEqual({
      'provider.aws.sensitive': 'pass',
      'provider.aws.plain': 'fail',
      'provider.aws.local': 'unknown',
      'provider.aws.fetched': 'pass',
      'module.legacy.provider.aws': 'fail',
    });
    noValues(findings);
  });

  it('a value the plan marks sensitive is never read, in planned values or in the configuration', async () => {
    const script = `export DB_PASSWORD=${DB_PASSWORD}\n`;
    const dir = tree({
      'plan.json': plan({
        resources: [{ type: 'aws_instance', name: 'web', values: { ami: 'ami-1', user_data: script }, afterSensitive: { user_data: true }, expressions: { user_data: { constant_value: script } } }],
      }),
    });
    expect(byAddress(await scan([join(dir, 'plan.json')]))).toMatchObject({ 'aws_instance.web': 'pass' });
  });
});

describe('a block judged twice keeps its links', () => {
  it('an address shared by a resource and its configuration block (listed after it) links to the resource', async () => {
    const { linkModel } = await import('../../checks/adapters/link.js');
    const { resource } = await import('../helpers/policy-tester.js');
    const task = resource('aws.ecs.task-definition', 'aws_ecs_task_definition.api', {});
    const block = resource('aws.terraform.block', 'aws_ecs_task_definition.api#configuration', {}, { address: 'aws_ecs_task_definition.api' });
    const user = resource('aws.ecs.task-definition', 'aws_ecs_task_definition.other', {}, { linkRefs: [{ name: 'sibling', kinds: ['aws.ecs.task-definition'], addresses: ['aws_ecs_task_definition.api'] }] });
    const m = linkModel([task, user, block]);
    expect(m.get('aws_ecs_task_definition.other')!.links.sibling).toEqual(['aws_ecs_task_definition.api']);
    expect(m.get('aws_ecs_task_definition.api#configuration')!.kind).toBe('aws.terraform.block');
  });
});
