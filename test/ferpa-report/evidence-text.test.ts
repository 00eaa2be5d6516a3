// Evidence values as phrases a reviewer reads (reports/ferpa/evidence-text.ts), where each evidence row
// comes from (evidence-origin.ts), and both in the rendered HTML and Markdown.
import { describe, expect, it } from 'vitest';
import { describeValue, messageText } from '../../reports/ferpa/evidence-text.js';
import { findingInput, originParts } from '../../reports/ferpa/evidence-origin.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';
import { finding, input, META, NOW, results, smallFramework } from './sample.js';

const KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AccountAdministration', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root'] }, Action: ['kms:*'], Resource: ['*'] },
    { Sid: 'App', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app'] }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: ['*'] },
    {
      Sid: 'ServiceUse',
      Effect: 'Allow',
      Principal: { Service: ['backup.amazonaws.com'] },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: ['*'],
      Condition: { StringEquals: { 'aws:SourceAccount': ['111122223333'] } },
    },
  ],
};

describe('policy documents read as one phrase per statement', () => {
  it('a KMS key policy: principals and actions, "*" resources left out, conditions spelled', () => {
    expect(describeValue(KEY_POLICY)).toEqual([
      'Allow root account: kms:*',
      'Allow role/app: kms:Decrypt, kms:GenerateDataKey*',
      'Allow service backup.amazonaws.com: kms:Encrypt, kms:Decrypt when StringEquals aws:SourceAccount = 111122223333',
    ]);
  });

  it('principals of another account name that account; a wildcard principal is "anyone (*)"', () => {
    const doc = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::444455556666:role/auditor'] }, Action: ['kms:DescribeKey'], Resource: '*' },
        { Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'], Resource: '*' },
      ],
    };
    expect(describeValue(doc)).toEqual(['Allow root account (111122223333): kms:*', 'Allow role/auditor (444455556666): kms:DescribeKey', 'Allow anyone (*): kms:Decrypt']);
  });

  it('identity statements name their resources, "*" included; Deny, NotAction and key-only conditions read plainly', () => {
    expect(describeValue({ Action: ['*'], Effect: 'Allow', Resource: ['*'], Sid: 'BreakGlass' })).toEqual(['Allow: * on *']);
    expect(describeValue({ Action: ['*'], Effect: 'Allow', Resource: ['*'], Condition: { StringEquals: ['aws:SourceVpc'] } })).toEqual(['Allow: * on * when StringEquals aws:SourceVpc']);
    expect(
      describeValue({
        Statement: [
          { Effect: 'Deny', Principal: { AWS: ['*'] }, Action: ['s3:*'], Resource: ['arn:aws:s3:::records', 'arn:aws:s3:::records/*'], Condition: { Bool: { 'aws:SecureTransport': ['false'] } } },
          { Effect: 'Allow', NotAction: ['iam:*'], Resource: ['*'] },
        ],
      }),
    ).toEqual(['Deny anyone (*): s3:* on arn:aws:s3:::records, arn:aws:s3:::records/* when Bool aws:SecureTransport = false', 'Allow: every action except iam:* on *']);
    expect(
      describeValue({ Effect: 'Allow', Principal: { Federated: ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'] }, Action: ['sts:AssumeRoleWithWebIdentity'] }),
    ).toEqual(['Allow federated token.actions.githubusercontent.com: sts:AssumeRoleWithWebIdentity']);
  });
});

describe('security-group rules read as "protocol port from source"', () => {
  const rule = (o: Record<string, unknown>) => ({ cidrIpv4: [], cidrIpv6: [], prefixLists: [], sourceSecurityGroups: [], self: false, protocol: 'tcp', ...o });

  it('world-open, group-sourced, self, port ranges and all traffic', () => {
    expect(describeValue(rule({ fromPort: 5432, toPort: 5432, cidrIpv4: ['0.0.0.0/0'], description: 'contractor access' }))).toEqual(['tcp 5432 from 0.0.0.0/0 ("contractor access")']);
    expect(describeValue(rule({ fromPort: 443, toPort: 443, cidrIpv4: ['0.0.0.0/0'], cidrIpv6: ['::/0'] }))).toEqual(['tcp 443 from 0.0.0.0/0, ::/0']);
    expect(describeValue(rule({ fromPort: 5432, toPort: 5432, sourceSecurityGroups: ['sg-app'] }))).toEqual(['tcp 5432 from sg-app']);
    expect(describeValue(rule({ fromPort: 6000, toPort: 6400, self: true }))).toEqual(['tcp 6000-6400 from itself']);
    expect(describeValue(rule({ protocol: '-1', fromPort: 0, toPort: 0, cidrIpv4: ['10.0.0.0/8'] }))).toEqual(['all traffic from 10.0.0.0/8']);
    expect(describeValue(rule({ fromPort: 6000, toPort: 6400, cidrIpv4: ['0.0.0.0/0'], sourceSecurityGroups: '(known after apply)' }))).toEqual([
      'tcp 6000-6400 from 0.0.0.0/0, (known after apply) (sourceSecurityGroups)',
    ]);
  });

  it('a list of rules is one phrase per rule', () => {
    expect(describeValue([rule({ fromPort: 443, toPort: 443, cidrIpv4: ['0.0.0.0/0'] }), rule({ fromPort: 80, toPort: 80, cidrIpv4: ['0.0.0.0/0'] })])).toEqual([
      'tcp 443 from 0.0.0.0/0',
      'tcp 80 from 0.0.0.0/0',
    ]);
  });
});

describe('plain values', () => {
  it('booleans are yes/no, missing is "not set", lists are comma lists (or items for the profile), empty lists "none"', () => {
    expect(describeValue(true)).toEqual(['yes']);
    expect(describeValue(false)).toEqual(['no']);
    expect(describeValue(null)).toEqual(['not set']);
    expect(describeValue(undefined)).toEqual(['not set']);
    expect(describeValue(365)).toEqual(['365']);
    expect(describeValue(['postgresql', 'upgrade'])).toEqual(['postgresql, upgrade']);
    expect(describeValue(['us-east-1', 'us-west-2'], { listItems: true })).toEqual(['us-east-1', 'us-west-2']);
    expect(describeValue([])).toEqual(['none']);
  });

  it('other objects read as "key: value" phrases, nested ones on one line', () => {
    expect(describeValue([{ copyActions: [], deleteAfter: 14, ruleName: 'daily', schedule: 'cron(0 5 ? * * *)' }])).toEqual(['copyActions: none; deleteAfter: 14; ruleName: daily; schedule: cron(0 5 ? * * *)']);
    expect(describeValue({ enabled: true, days: 30 })).toEqual(['enabled: yes', 'days: 30']);
  });

  it('nothing is cut off: a long value and a long policy come back whole, with no ellipsis', () => {
    const arn = `arn:aws:s3:::${'x'.repeat(900)}`;
    expect(describeValue(arn)).toEqual([arn]);
    const actions = Array.from({ length: 80 }, (_, i) => `kms:Action${i}`);
    const phrases = describeValue({ Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app'] }, Action: actions, Resource: ['*'] }] });
    expect(phrases).toEqual([`Allow role/app: ${actions.join(', ')}`]);
    expect(phrases.join('')).not.toMatch(/\.\.\.|…/);
  });

  it('the message loses the resource label the row already shows', () => {
    expect(messageText('aws_s3_bucket.x: not met: S3 bucket ...', 'aws_s3_bucket.x')).toBe('not met: S3 bucket ...');
    expect(messageText('something else', 'aws_s3_bucket.x')).toBe('something else');
  });
});

describe('where an evidence row comes from', () => {
  it('the finding input when set, else the only input of its source in its results file', () => {
    const f = finding({ policyId: 'p-rds-enc', status: 'pass', address: 'aws_db_instance.a', source: 'hcl' });
    const one = results([f], { inputs: [{ kind: 'hcl', path: 'envs/prod', sha256: 'a'.repeat(64) }, { kind: 'plan', path: 'plan.json', sha256: 'b'.repeat(64) }] });
    expect(findingInput(f, one)).toBe('envs/prod');
    const two = results([f], { inputs: [{ kind: 'hcl', path: 'envs/prod', sha256: 'a'.repeat(64) }, { kind: 'hcl', path: 'envs/dev', sha256: 'c'.repeat(64) }] });
    expect(findingInput(f, two)).toBeUndefined();
    expect(findingInput({ ...f, input: 'envs/dev' }, two)).toBe('envs/dev');
    expect(originParts({ source: 'hcl', input: 'envs/dev', account: null, region: 'us-east-1' })).toEqual({ label: 'root module', path: 'envs/dev', account: null, region: 'us-east-1' });
    expect(originParts({ source: 'live', account: '111122223333', region: 'us-west-2' })).toEqual({ label: 'live account', path: null, account: '111122223333', region: 'us-west-2' });
  });
});

describe('rendered evidence and profile', () => {
  const r = results(
    [
      finding({ policyId: 'p-rds-enc', status: 'fail', address: 'aws_kms_key.records', controls: ['FERPA-ENC-01'], evidence: { keyPolicy: KEY_POLICY, rotationEnabled: false }, account: '111122223333', region: 'us-east-1' }),
      finding({ policyId: 'p-sg', status: 'fail', address: 'aws_security_group.db', controls: ['FERPA-NET-03'], evidence: { 'ingressRules[0]': { cidrIpv4: ['0.0.0.0/0'], fromPort: 5432, toPort: 5432, protocol: 'tcp', sourceSecurityGroups: [] } } }),
    ],
    { inputs: [{ kind: 'plan', path: 'plans/prod.json', sha256: 'a'.repeat(64) }] },
  );
  const model = buildReport([input(r)], smallFramework(), META, { now: NOW });
  const html = renderFerpaHtml(model);
  const md = renderFerpaMarkdown(model);

  it('HTML and Markdown show statements, rules and yes/no, never JSON of the value', () => {
    expect(html).toContain('<li><code>Allow root account: kms:*</code></li>');
    expect(md).toContain('• Allow root account: kms:\\*<br>'); // Markdown escapes the `*`
    for (const doc of [html, md]) {
      expect(doc).toContain('kms:Decrypt, kms:GenerateDataKey');
      expect(doc).toContain('tcp 5432 from 0.0.0.0/0');
      expect(doc).not.toMatch(/\{&quot;Statement|\{"Statement|\{\\?"cidrIpv4/);
    }
    expect(html).toContain('<code class="k">rotationEnabled</code>: <code>no</code>');
    expect(md).toContain('rotationEnabled: no');
  });

  it('every evidence row names its root (or plan), account and region', () => {
    const rows = [...html.matchAll(/<tr><td data-label="Status">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/<span class="where">plan <code>plans\/prod\.json<\/code> · account (<code>111122223333<\/code>|not recorded) · region (<code>us-east-1<\/code>|not recorded)<\/span>/);
    expect(md).toContain('plan plans/prod.json<br>account 111122223333 · region us-east-1');
  });

  it('the parameter profile prints lists as lists', () => {
    const profile = html.slice(html.indexOf('<section id="profile">'), html.indexOf('</section>', html.indexOf('<section id="profile">')));
    expect(profile).toContain('<ul class="vals"><li><code>us-east-1</code></li><li><code>us-west-2</code></li></ul>');
    expect(profile).not.toContain('[&quot;');
    expect(md).toMatch(/\| approvedRegions \| • us-east-1<br>• us-west-2 \|/);
  });
});
