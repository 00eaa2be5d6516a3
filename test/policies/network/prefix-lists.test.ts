import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import type { Finding } from '../../../checks/engine/types.js';
import { scanText } from '../../helpers/scan-file.js';

// Security-group rules whose source is a managed prefix list. The world-open checks read only a rule's CIDRs, so a
// rule admitting PostgreSQL or SSH from a customer-managed list holding 0.0.0.0/0 passed, and so did a rule naming a
// list nobody looked at. Every fail, unknown and error below was a pass before.

const DATA_PORTS = 'aws-sg-no-world-ingress-to-data-ports';
const SSH = 'aws-sg-no-world-ssh-rdp';
const WEB_ON_LB = 'aws-sg-world-ingress-only-web-on-lb';
const at = (findings: Finding[], policy: string, address: string): Finding | undefined => findings.find((f) => f.policyId === policy && (f.resource.address === address || f.resource.arn === address));

const hcl = (...parts: string[]) => scanText('main.tf', ['provider "aws" {\n  region = "us-east-1"\n}\n', ...parts].join('\n'));

const openList = `
resource "aws_ec2_managed_prefix_list" "partners" {
  name           = "partners"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr = "203.0.113.0/24"
  }
  entry {
    cidr = "0.0.0.0/0"
  }
}
`;

/** A group admitting `port` from the prefix lists written in `lists` (an HCL list expression). */
const group = (name: string, port: number, lists: string) => `
resource "aws_security_group" "${name}" {
  name = "${name}"
  ingress {
    from_port       = ${port}
    to_port         = ${port}
    protocol        = "tcp"
    prefix_list_ids = ${lists}
  }
}
`;

describe('prefix-list sources in HCL', () => {
  it('fails a group admitting PostgreSQL from a list that holds 0.0.0.0/0, naming the list', async () => {
    const f = at(await hcl(openList, group('db', 5432, '[aws_ec2_managed_prefix_list.partners.id]')), DATA_PORTS, 'aws_security_group.db');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('0.0.0.0/0 (prefix list aws_ec2_managed_prefix_list.partners)');
  });

  it('fails all-traffic egress to such a list (unrestricted egress)', async () => {
    const egress = 'resource "aws_security_group" "app" {\n  name = "app"\n  egress {\n    from_port       = 0\n    to_port         = 0\n    protocol        = "-1"\n    prefix_list_ids = [aws_ec2_managed_prefix_list.partners.id]\n  }\n}\n';
    expect(at(await hcl(openList, egress), 'aws-sg-unrestricted-egress', 'aws_security_group.app')?.status).toBe('fail');
  });

  it('counts entries kept in aws_ec2_managed_prefix_list_entry resources, on a standalone rule resource', async () => {
    const findings = await hcl(
      'resource "aws_ec2_managed_prefix_list" "office" {\n  name           = "office"\n  address_family = "IPv4"\n  max_entries    = 5\n}\n',
      'resource "aws_ec2_managed_prefix_list_entry" "home" {\n  prefix_list_id = aws_ec2_managed_prefix_list.office.id\n  cidr           = "198.51.100.7/32"\n}\n',
      'resource "aws_ec2_managed_prefix_list_entry" "anyone" {\n  prefix_list_id = aws_ec2_managed_prefix_list.office.id\n  cidr           = "::/0"\n}\n',
      'resource "aws_security_group" "bastion" {\n  name = "bastion"\n}\n',
      'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.bastion.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  prefix_list_id    = aws_ec2_managed_prefix_list.office.id\n}\n',
    );
    expect(at(findings, SSH, 'aws_security_group.bastion')?.status).toBe('fail');
    expect(at(findings, WEB_ON_LB, 'aws_security_group.bastion')?.status).toBe('fail');
  });

  it('passes a list of private or narrow ranges, and an AWS-managed list named by a data source', async () => {
    const office = 'resource "aws_ec2_managed_prefix_list" "office" {\n  name           = "office"\n  address_family = "IPv4"\n  max_entries    = 5\n  entry {\n    cidr = "10.0.0.0/8"\n  }\n  entry {\n    cidr = "198.51.100.0/24"\n  }\n}\n';
    const s3 = 'data "aws_ec2_managed_prefix_list" "s3" {\n  name = "com.amazonaws.us-east-1.s3"\n}\n';
    const findings = await hcl(office, s3, group('db', 5432, '[aws_ec2_managed_prefix_list.office.id]'), group('ssh', 22, '[data.aws_ec2_managed_prefix_list.s3.id]'));
    expect(at(findings, DATA_PORTS, 'aws_security_group.db')?.status).toBe('pass');
    expect(at(findings, SSH, 'aws_security_group.ssh')?.status).toBe('pass');
    expect(at(findings, WEB_ON_LB, 'aws_security_group.ssh')?.status).toBe('pass');
  });

  it('is unknown for a list the input does not hold, or whose entries are known only after apply', async () => {
    const elsewhere = at(await hcl(group('db', 5432, '["pl-0123456789abcdef0"]')), DATA_PORTS, 'aws_security_group.db');
    expect(elsewhere?.status).toBe('unknown');
    expect(elsewhere?.messageId).toBe('sg-world-open/rulesUnknown');
    const dynamic = 'variable "cidrs" {\n  type = list(string)\n}\nresource "aws_ec2_managed_prefix_list" "v" {\n  name           = "v"\n  address_family = "IPv4"\n  max_entries    = 5\n  dynamic "entry" {\n    for_each = var.cidrs\n    content {\n      cidr = entry.value\n    }\n  }\n}\n';
    expect(at(await hcl(dynamic, group('db', 5432, '[aws_ec2_managed_prefix_list.v.id]')), DATA_PORTS, 'aws_security_group.db')?.status).toBe('unknown');
    // a gateway endpoint's list is its AWS service's
    const endpoint = 'resource "aws_vpc_endpoint" "s3" {\n  vpc_id       = "vpc-0123"\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n';
    const egress = 'resource "aws_security_group" "app" {\n  name = "app"\n  egress {\n    from_port       = 0\n    to_port         = 0\n    protocol        = "-1"\n    prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]\n  }\n}\n';
    const viaEndpoint = await hcl(endpoint, egress);
    expect(at(viaEndpoint, 'aws-sg-unrestricted-egress', 'aws_security_group.app')?.status).toBe('pass');
    // a list the rule names on a port the policy does not check decides nothing
    expect(at(await hcl(group('web', 443, '["pl-0123456789abcdef0"]')), DATA_PORTS, 'aws_security_group.web')?.status).toBe('pass');
  });
});

describe('prefix-list sources in a plan', () => {
  const plan = (list: unknown, listRef: string) =>
    scanText(
      'plan.json',
      JSON.stringify(
        expandCompactPlan(
          {
            providers: { aws: { region: 'us-east-1' } },
            resources: [
              list,
              { address: 'aws_security_group.db', values: { name: 'db' }, unknown: ['id', 'arn', 'ingress', 'egress'] },
              {
                address: 'aws_vpc_security_group_ingress_rule.pg',
                values: { ip_protocol: 'tcp', from_port: 5432, to_port: 5432 },
                unknown: ['id', 'arn', 'security_group_id', 'prefix_list_id', 'security_group_rule_id'],
                references: { security_group_id: ['aws_security_group.db.id', 'aws_security_group.db'], prefix_list_id: [`${listRef}.id`, listRef] },
              },
            ],
          } as never,
          'test',
        ),
      ),
    );

  it('fails a rule naming a list created in the same plan whose entries hold 0.0.0.0/0', async () => {
    const list = { address: 'aws_ec2_managed_prefix_list.partners', values: { name: 'partners', address_family: 'IPv4', max_entries: 5, entry: [{ cidr: '0.0.0.0/0', description: null }] }, unknown: ['id', 'arn', 'owner_id', 'version'] };
    expect(at(await plan(list, 'aws_ec2_managed_prefix_list.partners'), DATA_PORTS, 'aws_security_group.db')?.status).toBe('fail');
  });

  it('reads a data source the plan has read: AWS-managed passes, a customer list with 0.0.0.0/0 fails', async () => {
    const data = (owner: string, name: string, cidr: string) => ({ address: 'data.aws_ec2_managed_prefix_list.l', action: 'read', values: { id: 'pl-0a1b2c3d4e5f60718', name, owner_id: owner, address_family: 'IPv4', entries: [{ cidr, description: '' }] } });
    expect(at(await plan(data('AWS', 'com.amazonaws.us-east-1.s3', '52.216.0.0/15'), 'data.aws_ec2_managed_prefix_list.l'), DATA_PORTS, 'aws_security_group.db')?.status).toBe('pass');
    expect(at(await plan(data('111122223333', 'vendors', '0.0.0.0/0'), 'data.aws_ec2_managed_prefix_list.l'), DATA_PORTS, 'aws_security_group.db')?.status).toBe('fail');
  });
});

describe('prefix-list sources live', () => {
  const ACCOUNT = '111122223333';
  const sg = `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0db`;
  const groupRecord = { arn: sg, region: 'us-east-1', data: { GroupId: 'sg-0db', GroupName: 'db', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, PrefixListIds: [{ PrefixListId: 'pl-0partners' }] }], IpPermissionsEgress: [] } };
  const listRecord = (extra: Record<string, unknown>) => ({ arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:prefix-list/pl-0partners`, region: 'us-east-1', data: { PrefixListId: 'pl-0partners', PrefixListName: 'partners', OwnerId: ACCOUNT, AddressFamily: 'IPv4' }, ...extra });
  const live = async (resources: Record<string, unknown[]>, errors: unknown[] = []) =>
    at(await scanText('snapshot.json', JSON.stringify(expandCompactLive({ account: ACCOUNT, regions: ['us-east-1'], resources, errors } as never, 'test'))), DATA_PORTS, sg);

  it('fails on the entries read, and passes private ones', async () => {
    const open = listRecord({});
    (open.data as Record<string, unknown>).Entries = [{ Cidr: '0.0.0.0/0' }];
    expect((await live({ 'AWS::EC2::SecurityGroup': [groupRecord], 'AWS::EC2::PrefixList': [open] }))?.status).toBe('fail');
    const closed = listRecord({});
    (closed.data as Record<string, unknown>).Entries = [{ Cidr: '10.1.0.0/16' }];
    expect((await live({ 'AWS::EC2::SecurityGroup': [groupRecord], 'AWS::EC2::PrefixList': [closed] }))?.status).toBe('pass');
  });

  it('is an error when the entries or the region\'s prefix lists could not be read', async () => {
    const unread = listRecord({ errors: { Entries: { code: 'AccessDenied', message: 'not authorized to GetManagedPrefixListEntries', call: 'ec2:GetManagedPrefixListEntries' } } });
    const f = await live({ 'AWS::EC2::SecurityGroup': [groupRecord], 'AWS::EC2::PrefixList': [unread] });
    expect(f?.status).toBe('error');
    expect(f?.message).toMatch(/GetManagedPrefixListEntries/);
    const unlisted = await live({ 'AWS::EC2::SecurityGroup': [groupRecord] }, [{ service: 'ec2', region: 'us-east-1', call: 'ec2:DescribeManagedPrefixLists', code: 'AccessDenied', message: 'not authorized to DescribeManagedPrefixLists', resourceTypes: ['AWS::EC2::PrefixList'] }]);
    expect(unlisted?.status).toBe('error');
    expect(unlisted?.message).toMatch(/DescribeManagedPrefixLists/);
  });

  it('is unknown when the list is not in the snapshot and no listing failed', async () => {
    expect((await live({ 'AWS::EC2::SecurityGroup': [groupRecord] }))?.status).toBe('unknown');
  });
});
