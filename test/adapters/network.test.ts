import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { model, rec } from '../helpers/policy-tester.js';

const openSsh = { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'ssh' };

describe('security group adapter', () => {
  it('normalises inline rules and treats an absent egress list as no rules', () => {
    const m = model([rec('aws_security_group.web', { name: 'web', vpc_id: 'vpc-1', ingress: [openSsh, { ...openSsh, protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: [] , ipv6_cidr_blocks: ['::/0'] }] })]);
    const sg = m.get('aws_security_group.web')!;
    const rules = sg.attrs.ingressRules!.value as Array<Record<string, unknown>>;
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: ['0.0.0.0/0'], self: false, origin: 'inline' });
    expect(rules[1]).toMatchObject({ protocol: '-1', fromPort: 0, toPort: 65535, cidrIpv6: ['::/0'] });
    expect(sg.attrs.egressRules).toMatchObject({ value: [], origin: 'default' });
    expect(sg.attrs.isDefault!.value).toBe(false);
  });

  it('plan: computed inline blocks not in the configuration are empty; configured unknown stays unknown', () => {
    const notWritten = rec('aws_security_group.a', { name: 'a', ingress: UNKNOWN, egress: UNKNOWN }, { configured: ['name'] });
    const written = rec('aws_security_group.b', { name: 'b', ingress: UNKNOWN }, { configured: ['name', 'ingress'] });
    const m = model([notWritten, written]);
    expect(m.get('aws_security_group.a')!.attrs.ingressRules).toMatchObject({ value: [], origin: 'default' });
    expect(m.get('aws_security_group.b')!.attrs.ingressRules!.origin).toBe('unknown');
  });

  it('appends standalone rule resources to the group (facets), in both directions, and links referenced groups', () => {
    const m = model([
      rec('aws_security_group.db', { name: 'db', ingress: [], egress: [] }),
      rec('aws_security_group.app', { name: 'app', id: UNKNOWN }),
      rec('aws_security_group_rule.pg', { type: 'ingress', security_group_id: UNKNOWN, source_security_group_id: UNKNOWN, protocol: 'tcp', from_port: 5432, to_port: 5432 }, {
        references: { security_group_id: ['aws_security_group.db'], source_security_group_id: ['aws_security_group.app'] },
      }),
      rec('aws_vpc_security_group_ingress_rule.redis', { security_group_id: UNKNOWN, referenced_security_group_id: UNKNOWN, ip_protocol: 'tcp', from_port: 6379, to_port: 6379 }, {
        references: { security_group_id: ['aws_security_group.db'], referenced_security_group_id: ['aws_security_group.app'] },
      }),
      rec('aws_vpc_security_group_egress_rule.out', { security_group_id: UNKNOWN, cidr_ipv4: '10.0.0.0/16', ip_protocol: '-1' }, {
        references: { security_group_id: ['aws_security_group.db'] },
      }),
    ]);
    expect(m.get('aws_security_group_rule.pg')).toBeUndefined();
    const db = m.get('aws_security_group.db')!;
    const ingress = db.attrs.ingressRules!.value as Array<Record<string, unknown>>;
    expect(ingress.map((r) => r.fromPort)).toEqual([5432, 6379]);
    expect(ingress[0]).toMatchObject({ sourceSecurityGroups: ['aws_security_group.app'], cidrIpv4: [], origin: 'aws_security_group_rule' });
    expect(ingress[1]).toMatchObject({ protocol: 'tcp', sourceSecurityGroups: ['aws_security_group.app'], cidrIpv4: [] });
    expect(db.attrs.egressRules!.value).toMatchObject([{ protocol: '-1', fromPort: 0, toPort: 65535, cidrIpv4: ['10.0.0.0/16'] }]);
    expect(db.attrs.ingressRules!.origin).toBe('explicit');
    expect(db.links.sourceGroups).toEqual(['aws_security_group.app']);
  });

  it('keeps a rule whose group is not in the input as a security group of its own', () => {
    const m = model([rec('aws_security_group_rule.ext', { type: 'ingress', security_group_id: 'sg-0abc', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] })]);
    const r = m.get('aws_security_group_rule.ext')!;
    expect(r.kind).toBe('aws.ec2.security-group');
    expect((r.attrs.ingressRules!.value as unknown[]).length).toBe(1);
  });

  it('an unknown inline list stays unknown after a standalone rule is appended', () => {
    const m = model([
      rec('aws_security_group.x', { name: 'x', ingress: UNKNOWN }, { configured: ['name', 'ingress'] }),
      rec('aws_security_group_rule.r', { type: 'ingress', security_group_id: UNKNOWN, protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }, { references: { security_group_id: ['aws_security_group.x'] } }),
    ]);
    expect(m.get('aws_security_group.x')!.attrs.ingressRules!.origin).toBe('unknown');
  });

  it('default security group links to its VPC as defaultSecurityGroup', () => {
    const m = model([
      rec('aws_vpc.main', { cidr_block: '10.0.0.0/16', id: UNKNOWN }),
      rec('aws_default_security_group.d', { vpc_id: UNKNOWN }, { references: { vpc_id: ['aws_vpc.main'] } }),
    ]);
    expect(m.get('aws_vpc.main')!.links.defaultSecurityGroup).toEqual(['aws_default_security_group.d']);
    expect(m.get('aws_default_security_group.d')!.attrs.isDefault!.value).toBe(true);
  });
});

describe('vpc, subnet, flow log, ebs adapters', () => {
  it('subnet default map_public_ip_on_launch: false for aws_subnet, true for aws_default_subnet', () => {
    const m = model([rec('aws_subnet.a', { cidr_block: '10.0.1.0/24' }), rec('aws_default_subnet.d', { availability_zone: 'us-east-1a' }, { configured: ['availability_zone'] })]);
    expect(m.get('aws_subnet.a')!.attrs.mapPublicIpOnLaunch).toMatchObject({ value: false, origin: 'default' });
    expect(m.get('aws_default_subnet.d')!.attrs.mapPublicIpOnLaunch).toMatchObject({ value: true, origin: 'default' });
  });

  it('links a flow log to its VPC (inverse flowLogs) and its log group by ARN', () => {
    const m = model([
      rec('aws_vpc.main', { cidr_block: '10.0.0.0/16', id: UNKNOWN }),
      rec('aws_flow_log.f', { vpc_id: UNKNOWN, traffic_type: 'all', log_destination: UNKNOWN }, { references: { vpc_id: ['aws_vpc.main'], log_destination: ['aws_cloudwatch_log_group.fl'] } }),
    ]);
    const f = m.get('aws_flow_log.f')!;
    expect(f.attrs.trafficType!.value).toBe('ALL');
    expect(f.attrs.destinationType).toMatchObject({ value: 'cloud-watch-logs', origin: 'default' });
    expect(m.get('aws_vpc.main')!.links.flowLogs).toEqual(['aws_flow_log.f']);
  });

  it('ebs volume: encrypted defaults to false, unknown-but-written stays unknown, links the account', () => {
    const m = model([
      rec('aws_ebs_volume.a', { availability_zone: 'us-east-1a', size: 10 }),
      rec('aws_ebs_volume.b', { availability_zone: 'us-east-1a', encrypted: UNKNOWN }),
    ]);
    expect(m.get('aws_ebs_volume.a')!.attrs.encrypted).toMatchObject({ value: false, origin: 'default' });
    expect(m.get('aws_ebs_volume.b')!.attrs.encrypted!.origin).toBe('unknown');
    expect(m.get('aws_ebs_volume.a')!.links.account).toEqual(['account']);
  });

  it('account facets merge into the synthetic account; unset settings stay unknown', () => {
    const none = model([]);
    expect(none.get('account')!.attrs.ebsEncryptionByDefault!.origin).toBe('unknown');
    const m = model([rec('aws_ebs_encryption_by_default.e', {}, { configured: [] })]);
    expect(m.get('account')!.attrs.ebsEncryptionByDefault).toMatchObject({ value: true, origin: 'default' });
    expect(m.get('aws_ebs_encryption_by_default.e')).toBeUndefined();
  });
});

describe('load balancer adapters', () => {
  it('applies aws_lb defaults and links listeners and security groups', () => {
    const m = model([
      rec('aws_security_group.alb', { name: 'alb', id: UNKNOWN }),
      rec('aws_lb.web', { name: 'web', security_groups: [UNKNOWN], access_logs: [{ bucket: 'logs', prefix: 'web' }], arn: UNKNOWN }, { references: { security_groups: ['aws_security_group.alb'] } }),
      rec('aws_lb_listener.http', { load_balancer_arn: UNKNOWN, port: 80, default_action: [{ type: 'redirect', redirect: [{ status_code: 'HTTP_301' }] }] }, { references: { load_balancer_arn: ['aws_lb.web'] } }),
      rec('aws_lb_listener.https', { load_balancer_arn: UNKNOWN, port: 443, protocol: 'HTTPS', ssl_policy: UNKNOWN, default_action: [{ type: 'forward' }] }, { references: { load_balancer_arn: ['aws_lb.web'] }, configured: ['load_balancer_arn', 'port', 'protocol', 'default_action'] }),
    ]);
    const lb = m.get('aws_lb.web')!;
    expect(lb.attrs.type).toMatchObject({ value: 'application', origin: 'default' });
    expect(lb.attrs.internal!.value).toBe(false);
    expect(lb.attrs.dropInvalidHeaderFields).toMatchObject({ value: false, origin: 'default' });
    expect(lb.attrs.deletionProtection!.value).toBe(false);
    expect(lb.attrs.accessLogsEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(lb.links.listeners!.sort()).toEqual(['aws_lb_listener.http', 'aws_lb_listener.https']);
    expect(m.get('aws_security_group.alb')!.links.attachedResources).toEqual(['aws_lb.web']);
    const http = m.get('aws_lb_listener.http')!;
    expect(http.attrs.protocol).toMatchObject({ value: 'HTTP', origin: 'default' });
    expect(http.attrs.defaultActions!.value).toMatchObject([{ type: 'redirect', redirectProtocol: '#{protocol}', redirectStatusCode: 'HTTP_301' }]);
    expect(m.get('aws_lb_listener.https')!.attrs.sslPolicy).toMatchObject({ value: 'ELBSecurityPolicy-2016-08', origin: 'default' });
  });
});

describe('details', () => {
  it('aws_alb is an alias of aws_lb; aws_default_vpc is a default VPC', () => {
    const m = model([rec('aws_alb.legacy', { name: 'legacy' }), rec('aws_default_vpc.d', {}, { configured: [] })]);
    expect(m.get('aws_alb.legacy')!.kind).toBe('aws.elb.load-balancer');
    const v = m.get('aws_default_vpc.d')!;
    expect(v.kind).toBe('aws.ec2.vpc');
    expect(v.attrs.isDefault!.value).toBe(true);
    expect(v.attrs.enableDnsHostnames).toMatchObject({ value: true, origin: 'default' });
  });

  it('dataClass is the lowercased classification tag; tags_all is used when tags is not set', () => {
    const m = model([
      rec('aws_security_group.a', { name: 'a', tags: { Name: 'a', DataClassification: 'Student-Data' } }),
      rec('aws_ebs_volume.b', { availability_zone: 'us-east-1a', tags_all: { data_classification: 'PII' } }),
      rec('aws_subnet.c', { cidr_block: '10.0.0.0/24', tags: UNKNOWN }),
    ]);
    expect(m.get('aws_security_group.a')!.attrs.dataClass!.value).toBe('student-data');
    expect(m.get('aws_ebs_volume.b')!.attrs.dataClass!.value).toBe('pii');
    expect(m.get('aws_subnet.c')!.attrs.dataClass!.origin).toBe('unknown');
  });

  it('a flow log finds its log group by the deprecated log_group_name', () => {
    const m = model([
      rec('aws_cloudwatch_log_group.g', { name: '/vpc/flow', retention_in_days: 365, arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow' }),
      rec('aws_flow_log.f', { vpc_id: 'vpc-1', traffic_type: 'REJECT', log_group_name: '/vpc/flow' }),
    ]);
    expect(m.get('aws_flow_log.f')!.links.logGroup).toEqual(['aws_cloudwatch_log_group.g']);
  });

  it('an NLB TLS listener without ssl_policy gets the provider default; a TCP listener has none', () => {
    const m = model([
      rec('aws_lb_listener.tls', { load_balancer_arn: 'arn:x', port: 443, protocol: 'TLS', default_action: [{ type: 'forward' }] }),
      rec('aws_lb_listener.tcp', { load_balancer_arn: 'arn:x', port: 5432, protocol: 'tcp', default_action: [{ type: 'forward' }] }),
    ]);
    expect(m.get('aws_lb_listener.tls')!.attrs.sslPolicy).toMatchObject({ value: 'ELBSecurityPolicy-2016-08', origin: 'default' });
    expect(m.get('aws_lb_listener.tcp')!.attrs.protocol!.value).toBe('TCP');
    expect(m.get('aws_lb_listener.tcp')!.attrs.sslPolicy!.value).toBeUndefined();
  });

  it('protocol spellings normalise (all, 6, 17) and an unknown port stays unknown inside the rule', () => {
    const m = model([
      rec('aws_security_group.p', {
        name: 'p',
        ingress: [
          { protocol: 'all', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/8'] },
          { protocol: '6', from_port: 443, to_port: 443, cidr_blocks: [] },
          { protocol: '17', from_port: UNKNOWN, to_port: 53, cidr_blocks: [] },
        ],
      }),
    ]);
    const rules = m.get('aws_security_group.p')!.attrs.ingressRules!.value as Array<Record<string, unknown>>;
    expect(rules.map((r) => r.protocol)).toEqual(['-1', 'tcp', 'udp']);
    expect(rules[2]!.fromPort).toBe(UNKNOWN);
  });
});
