import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { cidrIsWorld } from '../../../checks/rules/lib/network.js';
import { findingsByPlace, model, rec, statusOf } from '../../helpers/policy-tester.js';

const rule = (o: Record<string, unknown>) => ({ from_port: 0, to_port: 0, protocol: 'tcp', cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '', ...o });
const sg = (name: string, ingress: unknown[], egress: unknown[] = [], extra: Record<string, unknown> = {}) =>
  rec(`aws_security_group.${name}`, { name, ingress, egress, ...extra });

describe('cidrIsWorld', () => {
  it('treats /0 and internet-wide ranges as world, private and narrow ranges not', () => {
    expect(cidrIsWorld('0.0.0.0/0')).toBe('yes');
    expect(cidrIsWorld('::/0')).toBe('yes');
    expect(cidrIsWorld('0.0.0.0/1')).toBe('yes');
    expect(cidrIsWorld('2000::/3')).toBe('yes');
    expect(cidrIsWorld('10.0.0.0/8')).toBe('no');
    expect(cidrIsWorld('203.0.113.0/23')).toBe('no');
    expect(cidrIsWorld('198.51.100.8/29')).toBe('no');
    expect(cidrIsWorld('fd00::/8')).toBe('no');
    expect(cidrIsWorld('not-a-cidr')).toBe('maybe');
  });
});

describe('aws-sg-no-world-ingress-to-data-ports / aws-sg-no-world-ssh-rdp', () => {
  const P = 'aws-sg-no-world-ingress-to-data-ports';
  it('fails an exact data port, a range covering one, an all-protocol rule and an IPv6 world rule', () => {
    const m = model([
      sg('pg', [rule({ from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'] })]),
      sg('range', [rule({ from_port: 6000, to_port: 7000, cidr_blocks: ['0.0.0.0/0'] })]),
      sg('all', [rule({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] })]),
      sg('v6', [rule({ from_port: 27017, to_port: 27017, ipv6_cidr_blocks: ['::/0'] })]),
      sg('ok', [rule({ from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16'] }), rule({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })]),
    ]);
    const f = findingsByPlace(P, m);
    expect(f.get('aws_security_group.pg')!.status).toBe('fail');
    expect(f.get('aws_security_group.pg')!.message).toContain('port 5432');
    expect(f.get('aws_security_group.range')!.status).toBe('fail');
    expect(f.get('aws_security_group.all')!.status).toBe('fail');
    expect(f.get('aws_security_group.v6')!.status).toBe('fail');
    expect(f.get('aws_security_group.ok')!.status).toBe('pass');
  });

  it('a self rule before a world SSH rule does not hide it (Checkov AbsSecurityGroupUnrestrictedIngress)', () => {
    const m = model([sg('mixed', [rule({ protocol: '-1', self: true }), rule({ from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] })])]);
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.mixed')).toBe('fail');
  });

  it('catches rules from aws_security_group_rule and aws_vpc_security_group_ingress_rule', () => {
    const m = model([
      sg('a', []),
      sg('b', []),
      rec('aws_security_group_rule.rdp', { type: 'ingress', security_group_id: UNKNOWN, protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_blocks: ['0.0.0.0/0'] }, { references: { security_group_id: ['aws_security_group.a'] } }),
      rec('aws_vpc_security_group_ingress_rule.ssh', { security_group_id: UNKNOWN, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv6: '::/0' }, { references: { security_group_id: ['aws_security_group.b'] } }),
    ]);
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.a')).toBe('fail');
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.b')).toBe('fail');
  });

  it('is unknown when a rule CIDR is known only after apply, and passes narrow ranges (/23, /29)', () => {
    const m = model([
      sg('u', [rule({ from_port: 22, to_port: 22, cidr_blocks: UNKNOWN })]),
      sg('n', [rule({ from_port: 22, to_port: 22, cidr_blocks: ['203.0.113.0/23', '198.51.100.8/29'] })]),
      sg('w1', [rule({ from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/1', '128.0.0.0/1'] })]),
    ]);
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.u')).toBe('unknown');
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.n')).toBe('pass');
    expect(statusOf('aws-sg-no-world-ssh-rdp', m, 'aws_security_group.w1')).toBe('fail');
  });
});

describe('aws-sg-world-ingress-only-web-on-lb', () => {
  const P = 'aws-sg-world-ingress-only-web-on-lb';
  const web = [rule({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }), rule({ from_port: 80, to_port: 80, cidr_blocks: ['0.0.0.0/0'] })];
  it('passes web ingress on an ALB group, fails other ports, unknown when attachment is not known', () => {
    const m = model([
      sg('alb', web, [], { id: UNKNOWN }),
      sg('loose', web),
      sg('alt', [rule({ from_port: 8080, to_port: 8080, cidr_blocks: ['0.0.0.0/0'] })]),
      sg('span', [rule({ from_port: 80, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })]),
      sg('ping', [rule({ protocol: 'icmp', from_port: 3, to_port: 4, cidr_blocks: ['0.0.0.0/0'] })]),
      rec('aws_lb.web', { name: 'web', security_groups: [UNKNOWN] }, { references: { security_groups: ['aws_security_group.alb'] } }),
    ]);
    const f = findingsByPlace(P, m);
    expect(f.get('aws_security_group.alb')!.status).toBe('pass');
    expect(f.get('aws_security_group.loose')!.status).toBe('unknown');
    expect(f.get('aws_security_group.alt')!.status).toBe('fail');
    expect(f.get('aws_security_group.span')!.status).toBe('fail');
    expect(f.get('aws_security_group.ping')!.status).toBe('pass');
  });

  it('fails web ingress on a group used by a database instead of a load balancer', () => {
    const m = model([
      sg('db', [rule({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })], [], { id: UNKNOWN }),
      rec('aws_db_instance.main', { engine: 'postgres', vpc_security_group_ids: [UNKNOWN] }, { references: { vpc_security_group_ids: ['aws_security_group.db'] } }),
    ]);
    expect(statusOf(P, m, 'aws_security_group.db')).toBe('fail');
  });
});

describe('aws-sg-data-store-ingress-from-groups-only', () => {
  const P = 'aws-sg-data-store-ingress-from-groups-only';
  it('applies to groups used by RDS; fails CIDR sources, passes group references even when ids are unknown', () => {
    const m = model([
      sg('app', [], [], { id: UNKNOWN }),
      rec('aws_security_group.dbok', { name: 'dbok', id: UNKNOWN, egress: [], ingress: [rule({ from_port: 5432, to_port: 5432, security_groups: [UNKNOWN] })] }, {
        references: { 'ingress.security_groups': ['aws_security_group.app'] },
      }),
      sg('dbbad', [rule({ from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16'] })], [], { id: UNKNOWN }),
      sg('unused', [rule({ from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16'] })]),
      rec('aws_db_instance.a', { engine: 'postgres', vpc_security_group_ids: [UNKNOWN] }, { references: { vpc_security_group_ids: ['aws_security_group.dbok'] } }),
      rec('aws_db_instance.b', { engine: 'postgres', vpc_security_group_ids: [UNKNOWN] }, { references: { vpc_security_group_ids: ['aws_security_group.dbbad'] } }),
    ]);
    const ok = m.get('aws_security_group.dbok')!;
    expect((ok.attrs.ingressRules!.value as Array<{ sourceSecurityGroups: unknown }>)[0]!.sourceSecurityGroups).toEqual(['aws_security_group.app']);
    expect(ok.links.sourceGroups).toEqual(['aws_security_group.app']);
    const f = findingsByPlace(P, m);
    expect(f.get('aws_security_group.dbok')!.status).toBe('pass');
    expect(f.get('aws_security_group.dbbad')!.status).toBe('fail');
    expect(f.has('aws_security_group.unused')).toBe(false);
    expect(f.has('aws_security_group.app')).toBe(false);
  });
});

describe('aws-sg-unrestricted-egress / aws-default-sg-closed', () => {
  it('flags all-protocol egress to the world only', () => {
    const m = model([
      sg('open', [], [rule({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] })]),
      sg('https', [], [rule({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })]),
      sg('tcpall', [], [rule({ from_port: 0, to_port: 65535, ipv6_cidr_blocks: ['::/0'] })]),
      sg('vpconly', [], [rule({ protocol: '-1', cidr_blocks: ['10.0.0.0/16'] })]),
      sg('none', []),
    ]);
    const f = findingsByPlace('aws-sg-unrestricted-egress', m);
    expect(f.get('aws_security_group.open')!.status).toBe('fail');
    expect(f.get('aws_security_group.https')!.status).toBe('pass');
    expect(f.get('aws_security_group.tcpall')!.status).toBe('fail');
    expect(f.get('aws_security_group.vpconly')!.status).toBe('pass');
    expect(f.get('aws_security_group.none')!.status).toBe('pass');
  });

  it('default SG: no blocks passes, any rule fails, ordinary groups are out of scope', () => {
    const m = model([
      rec('aws_default_security_group.closed', { vpc_id: 'vpc-1' }),
      rec('aws_default_security_group.open', { vpc_id: 'vpc-2', ingress: [rule({ protocol: '-1', self: true })] }),
      sg('plain', [rule({ protocol: '-1', self: true })]),
    ]);
    const f = findingsByPlace('aws-default-sg-closed', m);
    expect(f.get('aws_default_security_group.closed')!.status).toBe('pass');
    expect(f.get('aws_default_security_group.open')!.status).toBe('fail');
    expect(f.has('aws_security_group.plain')).toBe(false);
  });
});

describe('subnet, flow logs, EBS', () => {
  it('aws-subnet-no-public-ip-on-launch', () => {
    const m = model([rec('aws_subnet.priv', { cidr_block: '10.0.1.0/24' }), rec('aws_subnet.pub', { cidr_block: '10.0.2.0/24', map_public_ip_on_launch: true }), rec('aws_default_subnet.d', { availability_zone: 'us-east-1a' })]);
    const f = findingsByPlace('aws-subnet-no-public-ip-on-launch', m);
    expect(f.get('aws_subnet.priv')!.status).toBe('pass');
    expect(f.get('aws_subnet.pub')!.status).toBe('fail');
    expect(f.get('aws_default_subnet.d')!.status).toBe('fail');
  });

  it('aws-vpc-flow-logs-enabled: needs a flow log with ALL or REJECT', () => {
    const m = model([
      rec('aws_vpc.a', { cidr_block: '10.0.0.0/16', id: UNKNOWN }),
      rec('aws_vpc.b', { cidr_block: '10.1.0.0/16', id: UNKNOWN }),
      rec('aws_vpc.c', { cidr_block: '10.2.0.0/16', id: UNKNOWN }),
      rec('aws_flow_log.a', { vpc_id: UNKNOWN, traffic_type: 'ALL' }, { references: { vpc_id: ['aws_vpc.a'] } }),
      rec('aws_flow_log.c', { vpc_id: UNKNOWN, traffic_type: 'ACCEPT' }, { references: { vpc_id: ['aws_vpc.c'] } }),
    ]);
    const f = findingsByPlace('aws-vpc-flow-logs-enabled', m);
    expect(f.get('aws_vpc.a')!.status).toBe('pass');
    expect(f.get('aws_vpc.b')!.status).toBe('fail');
    expect(f.get('aws_vpc.c')!.status).toBe('fail');
  });

  it('aws-ebs-volume-encrypted: explicit, by default, unknown and plaintext', () => {
    const vols = [
      rec('aws_ebs_volume.enc', { availability_zone: 'us-east-1a', encrypted: true }),
      rec('aws_ebs_volume.unset', { availability_zone: 'us-east-1a' }),
      rec('aws_ebs_volume.off', { availability_zone: 'us-east-1a', encrypted: false }),
    ];
    const f = findingsByPlace('aws-ebs-volume-encrypted', model(vols));
    expect(f.get('aws_ebs_volume.enc')!.status).toBe('pass');
    expect(f.get('aws_ebs_volume.unset')!.status).toBe('unknown');
    expect(f.get('aws_ebs_volume.off')!.status).toBe('fail');
    const withDefault = findingsByPlace('aws-ebs-volume-encrypted', model([...vols, rec('aws_ebs_encryption_by_default.on', { enabled: true })]));
    expect(withDefault.get('aws_ebs_volume.unset')!.status).toBe('pass');
    expect(withDefault.get('aws_ebs_volume.off')!.status).toBe('pass');
  });

  it("aws-ebs-volume-encrypted: a volume reads its own region's encryption by default, not another region's", () => {
    const west = rec('aws_ebs_volume.west', { availability_zone: 'us-west-2a' }, { region: 'us-west-2' });
    const east = rec('aws_ebs_volume.east', { availability_zone: 'us-east-1a' }, { region: 'us-east-1' });
    const eastOn = rec('aws_ebs_encryption_by_default.east', { enabled: true }, { region: 'us-east-1' });
    const onlyEast = findingsByPlace('aws-ebs-volume-encrypted', model([west, east, eastOn]));
    expect(onlyEast.get('aws_ebs_volume.east')!.status).toBe('pass');
    expect(onlyEast.get('aws_ebs_volume.west')!.status).toBe('unknown');
    const westOff = rec('aws_ebs_encryption_by_default.west', { enabled: false }, { region: 'us-west-2' });
    const both = findingsByPlace('aws-ebs-volume-encrypted', model([west, east, eastOn, westOff]));
    expect(both.get('aws_ebs_volume.west')!.status).toBe('fail');
    expect(both.get('aws_ebs_volume.east')!.status).toBe('pass');
  });

  it('aws-ebs-default-encryption: unknown without the resource, pass/fail with it', () => {
    expect(statusOf('aws-ebs-default-encryption', model([]), 'account')).toBe('unknown');
    expect(statusOf('aws-ebs-default-encryption', model([rec('aws_ebs_encryption_by_default.e', { enabled: true })]), 'account')).toBe('pass');
    expect(statusOf('aws-ebs-default-encryption', model([rec('aws_ebs_encryption_by_default.e', { enabled: false })]), 'account')).toBe('fail');
  });
});

describe('load balancer policies', () => {
  const lb = (name: string, v: Record<string, unknown> = {}) => rec(`aws_lb.${name}`, { name, arn: UNKNOWN, ...v });
  const listener = (name: string, lbName: string, v: Record<string, unknown>) =>
    rec(`aws_lb_listener.${name}`, { load_balancer_arn: UNKNOWN, ...v }, { references: { load_balancer_arn: [`aws_lb.${lbName}`] } });
  const redirect = (protocol?: string) => [{ type: 'redirect', redirect: [{ ...(protocol ? { protocol } : {}), port: '443', status_code: 'HTTP_301' }] }];

  it('listener https-only and TLS policy', () => {
    const m = model([
      lb('web'),
      listener('redir', 'web', { port: 80, protocol: 'HTTP', default_action: redirect('HTTPS') }),
      listener('samep', 'web', { port: 80, protocol: 'HTTP', default_action: redirect() }),
      listener('fwd', 'web', { port: 8080, default_action: [{ type: 'forward' }] }),
      listener('tls13', 'web', { port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward' }] }),
      listener('old', 'web', { port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08', default_action: [{ type: 'forward' }] }),
      listener('nopol', 'web', { port: 8443, protocol: 'HTTPS', default_action: [{ type: 'forward' }] }),
    ]);
    const https = findingsByPlace('aws-lb-listener-https-only', m);
    expect(https.get('aws_lb_listener.redir')!.status).toBe('pass');
    expect(https.get('aws_lb_listener.samep')!.status).toBe('fail');
    expect(https.get('aws_lb_listener.fwd')!.status).toBe('fail');
    expect(https.has('aws_lb_listener.tls13')).toBe(false);
    const tls = findingsByPlace('aws-lb-listener-tls-policy-approved', m);
    expect(tls.get('aws_lb_listener.tls13')!.status).toBe('pass');
    expect(tls.get('aws_lb_listener.old')!.status).toBe('fail');
    expect(tls.get('aws_lb_listener.nopol')!.status).toBe('fail');
    expect(tls.has('aws_lb_listener.redir')).toBe(false);
  });

  it('aws-lb-http-redirects-to-https at the load balancer', () => {
    const m = model([
      lb('good'),
      listener('g80', 'good', { port: 80, protocol: 'HTTP', default_action: redirect('HTTPS') }),
      listener('g443', 'good', { port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward' }] }),
      lb('plain'),
      listener('p80', 'plain', { port: 80, protocol: 'HTTP', default_action: [{ type: 'forward' }] }),
      lb('inner', { internal: true }),
      lb('nlb', { load_balancer_type: 'network' }),
    ]);
    const f = findingsByPlace('aws-lb-http-redirects-to-https', m);
    expect(f.get('aws_lb.good')!.status).toBe('pass');
    expect(f.get('aws_lb.plain')!.status).toBe('fail');
    expect(f.has('aws_lb.inner')).toBe(false);
    expect(f.has('aws_lb.nlb')).toBe(false);
  });

  it('access logs, invalid headers, deletion protection', () => {
    const m = model([
      lb('good', { drop_invalid_header_fields: true, enable_deletion_protection: true, access_logs: [{ bucket: 'lb-logs', enabled: true }] }),
      lb('bucketonly', { access_logs: [{ bucket: 'lb-logs' }] }),
      lb('nlb', { load_balancer_type: 'network' }),
    ]);
    const logs = findingsByPlace('aws-lb-access-logs-enabled', m);
    expect(logs.get('aws_lb.good')!.status).toBe('pass');
    expect(logs.get('aws_lb.bucketonly')!.status).toBe('fail');
    const hdr = findingsByPlace('aws-lb-drop-invalid-headers', m);
    expect(hdr.get('aws_lb.good')!.status).toBe('pass');
    expect(hdr.get('aws_lb.bucketonly')!.status).toBe('fail');
    expect(hdr.has('aws_lb.nlb')).toBe(false);
    const del = findingsByPlace('aws-lb-deletion-protection', m);
    expect(del.get('aws_lb.good')!.status).toBe('pass');
    expect(del.get('aws_lb.nlb')!.status).toBe('fail');
  });
});

describe('aws-lb-waf-attached', () => {
  it('an association (ARN known only after apply) protects the ALB; none fails; internal ALBs are out of scope', () => {
    const m = model([
      rec('aws_lb.pub', { name: 'pub', arn: UNKNOWN }),
      rec('aws_lb.bare', { name: 'bare', arn: UNKNOWN }),
      rec('aws_lb.inner', { name: 'inner', internal: true }),
      rec('aws_wafv2_web_acl_association.pub', { resource_arn: UNKNOWN, web_acl_arn: UNKNOWN }, { references: { resource_arn: ['aws_lb.pub'], web_acl_arn: ['aws_wafv2_web_acl.web'] } }),
    ]);
    const f = findingsByPlace('aws-lb-waf-attached', m);
    expect(f.get('aws_lb.pub')!.status).toBe('pass');
    expect(f.get('aws_lb.bare')!.status).toBe('fail');
    expect(f.has('aws_lb.inner')).toBe(false);
    expect(m.get('aws_wafv2_web_acl_association.pub')).toBeUndefined();
  });
});

describe('aws-flow-log-retention', () => {
  it('checks the linked log group against securityLogMinDays; unknown when the group is elsewhere', () => {
    const m = model([
      rec('aws_cloudwatch_log_group.long', { name: '/vpc/long', retention_in_days: 400, arn: UNKNOWN }),
      rec('aws_cloudwatch_log_group.short', { name: '/vpc/short', retention_in_days: 30, arn: UNKNOWN }),
      rec('aws_flow_log.long', { vpc_id: 'vpc-1', traffic_type: 'ALL', log_destination: UNKNOWN }, { references: { log_destination: ['aws_cloudwatch_log_group.long'] } }),
      rec('aws_flow_log.short', { vpc_id: 'vpc-1', traffic_type: 'ALL', log_destination: UNKNOWN }, { references: { log_destination: ['aws_cloudwatch_log_group.short'] } }),
      rec('aws_flow_log.ext', { vpc_id: 'vpc-1', traffic_type: 'ALL', log_destination: 'arn:aws:logs:us-east-1:111122223333:log-group:/elsewhere' }),
      rec('aws_flow_log.s3', { vpc_id: 'vpc-1', traffic_type: 'ALL', log_destination_type: 's3', log_destination: 'arn:aws:s3:::flow-bucket' }),
    ]);
    const f = findingsByPlace('aws-flow-log-retention', m);
    expect(f.get('aws_flow_log.long')!.status).toBe('pass');
    expect(f.get('aws_flow_log.short')!.status).toBe('fail');
    expect(f.get('aws_flow_log.ext')!.status).toBe('unknown');
    expect(f.has('aws_flow_log.s3')).toBe(false);
  });
});
