/** Live cases for the security group, VPC, subnet, flow log, EBS and load balancer policies. */
import {
  ALL_OUT,
  R,
  SG_APP,
  SG_DB,
  SG_LB,
  SUBNET_A,
  SUBNET_B,
  VPC,
  accountArnOf,
  customerKey,
  dbInstance,
  flowLog,
  forward,
  listener,
  loadBalancer,
  logGroup,
  perm,
  redirectHttps,
  securityGroup,
  snapshot,
  subnet,
  volume,
  vpc,
  type LiveCase,
} from './lib.js';

const note = (s: string) => ({ notes: [s] });
const appGroup = () => securityGroup(SG_APP, 'sis-app', [perm({ from: 8080, groups: [SG_LB], description: 'from the load balancer' })], [perm({ from: 5432, groups: [SG_DB] }), perm({ from: 443, cidrs: ['10.40.0.0/16'] })]);

export const NETWORK_CASES: Record<string, () => LiveCase> = {
  'aws-default-sg-closed': () => {
    const closed = securityGroup('sg-0d1e2f3a4b5c6d7e8', 'default', [], []);
    const open = securityGroup('sg-0d1e2f3a4b5c6d7e8', 'default', [perm({ proto: '-1', groups: ['sg-0d1e2f3a4b5c6d7e8'] })], [ALL_OUT]);
    return {
      pass: snapshot([vpc(), closed], note('aws-default-sg-closed: the default group has no rules')),
      fail: snapshot([vpc(), open], note('aws-default-sg-closed: the default group still has the rules AWS creates it with')),
      failArns: [open.arn],
    };
  },
  'aws-sg-data-store-ingress-from-groups-only': () => {
    const good = securityGroup(SG_DB, 'sis-db', [perm({ from: 5432, groups: [SG_APP], description: 'PostgreSQL from the app tier' })], []);
    const bad = securityGroup(SG_DB, 'sis-db', [perm({ from: 5432, cidrs: ['10.40.0.0/16'], description: 'PostgreSQL from the VPC' })], []);
    return {
      pass: snapshot([vpc(), good, appGroup(), dbInstance('sis-prod'), customerKey()], note('aws-sg-data-store-ingress-from-groups-only: the database group admits the app group only')),
      fail: snapshot([vpc(), bad, appGroup(), dbInstance('sis-prod'), customerKey()], note('aws-sg-data-store-ingress-from-groups-only: the database group admits the whole VPC CIDR')),
      failArns: [bad.arn],
    };
  },
  'aws-sg-no-world-ingress-to-data-ports': () => {
    const good = securityGroup(SG_DB, 'sis-db', [perm({ from: 5432, groups: [SG_APP] })], []);
    const bad = securityGroup('sg-0bad0c1d2e3f4a5b6', 'sis-db-debug', [perm({ from: 5432, cidrs: ['0.0.0.0/0'], description: 'temporary' })], []);
    return {
      pass: snapshot([vpc(), good, appGroup()], note('aws-sg-no-world-ingress-to-data-ports: PostgreSQL only from the app group')),
      fail: snapshot([vpc(), good, appGroup(), bad], note('aws-sg-no-world-ingress-to-data-ports: sis-db-debug opens 5432 to the internet')),
      failArns: [bad.arn],
    };
  },
  'aws-sg-no-world-ssh-rdp': () => {
    const good = securityGroup('sg-0b1a2c3d4e5f6a7b8', 'sis-bastion', [perm({ from: 22, cidrs: ['10.40.0.0/16'], description: 'SSH from the VPN range' })], [ALL_OUT]);
    const bad = securityGroup('sg-0c2b3a4d5e6f7a8b9', 'sis-admin', [perm({ from: 3389, cidrs: ['0.0.0.0/0'] }), perm({ from: 22, cidrs6: ['::/0'] })], [ALL_OUT]);
    return {
      pass: snapshot([vpc(), good], note('aws-sg-no-world-ssh-rdp: SSH only from the VPN range')),
      fail: snapshot([vpc(), good, bad], note('aws-sg-no-world-ssh-rdp: sis-admin opens RDP and SSH to the internet')),
      failArns: [bad.arn],
    };
  },
  'aws-sg-unrestricted-egress': () => {
    const good = securityGroup(SG_APP, 'sis-app', [], [perm({ from: 443, cidrs: ['0.0.0.0/0'], description: 'HTTPS out' })]);
    const bad = securityGroup('sg-0e1f2a3b4c5d6e7f8', 'sis-worker', [], [ALL_OUT]);
    return {
      pass: snapshot([vpc(), good], note('aws-sg-unrestricted-egress: egress limited to HTTPS')),
      fail: snapshot([vpc(), good, bad], note('aws-sg-unrestricted-egress: sis-worker allows all traffic to anywhere')),
      failArns: [bad.arn],
    };
  },
  'aws-sg-world-ingress-only-web-on-lb': () => {
    const lbGroup = securityGroup(SG_LB, 'sis-web-lb', [perm({ from: 443, cidrs: ['0.0.0.0/0'] }), perm({ from: 80, cidrs: ['0.0.0.0/0'] })], [perm({ from: 8080, groups: [SG_APP] })]);
    const bad = securityGroup(SG_APP, 'sis-app', [perm({ from: 8080, cidrs: ['0.0.0.0/0'], description: 'direct access' })], [ALL_OUT]);
    const lb = loadBalancer('sis-web');
    return {
      pass: snapshot([vpc(), lbGroup, lb], note('aws-sg-world-ingress-only-web-on-lb: 80/443 open only on the load balancer group')),
      fail: snapshot([vpc(), lbGroup, lb, bad], note('aws-sg-world-ingress-only-web-on-lb: the app group opens 8080 to the internet')),
      failArns: [bad.arn],
    };
  },
  'aws-subnet-no-public-ip-on-launch': () => {
    const good = subnet(SUBNET_A);
    const bad = subnet(SUBNET_B, { CidrBlock: '10.40.101.0/24', AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2', MapPublicIpOnLaunch: true, Tags: { Name: 'sis-public-b' } });
    return {
      pass: snapshot([vpc(), good], note('aws-subnet-no-public-ip-on-launch: a private subnet')),
      fail: snapshot([vpc(), good, bad], note('aws-subnet-no-public-ip-on-launch: sis-public-b maps public IPs on launch')),
      failArns: [bad.arn],
    };
  },
  'aws-vpc-flow-logs-enabled': () => {
    const other = 'vpc-0f9e8d7c6b5a43210';
    const bad = vpc(other, { CidrBlock: '10.50.0.0/16', CidrBlockAssociationSet: [], Tags: { Name: 'sis-staging' } });
    return {
      pass: snapshot([vpc(), flowLog('fl-0a1b2c3d4e5f60718', VPC), logGroup('/sis/vpc-flow-logs'), customerKey()], note('aws-vpc-flow-logs-enabled: the VPC logs all traffic')),
      fail: snapshot([vpc(), flowLog('fl-0a1b2c3d4e5f60718', VPC), logGroup('/sis/vpc-flow-logs'), customerKey(), bad], note('aws-vpc-flow-logs-enabled: sis-staging has no flow log')),
      failArns: [bad.arn],
    };
  },
  'aws-flow-log-retention': () => {
    const good = flowLog('fl-0a1b2c3d4e5f60718', VPC);
    const bad = flowLog('fl-0b2c3d4e5f6071829', 'vpc-0f9e8d7c6b5a43210', { LogGroupName: '/sis/staging-flow-logs', LogDestination: `arn:aws:logs:${R}:111122223333:log-group:/sis/staging-flow-logs` });
    return {
      pass: snapshot([vpc(), good, logGroup('/sis/vpc-flow-logs'), customerKey()], note('aws-flow-log-retention: flow logs kept 365 days')),
      fail: snapshot(
        [vpc(), good, logGroup('/sis/vpc-flow-logs'), customerKey(), vpc('vpc-0f9e8d7c6b5a43210', { Tags: { Name: 'sis-staging' } }), bad, logGroup('/sis/staging-flow-logs', { retentionInDays: 14 })],
        note('aws-flow-log-retention: the staging flow logs go to a group kept 14 days'),
      ),
      failArns: [bad.arn],
    };
  },
  'aws-ebs-default-encryption': () => ({
    pass: snapshot([customerKey()], note('aws-ebs-default-encryption: EBS encryption by default on')),
    fail: snapshot([], { settings: { [R]: { ebsEncryptionByDefault: false, ebsDefaultKmsKeyId: 'alias/aws/ebs' } }, notes: ['aws-ebs-default-encryption: EBS encryption by default off in us-east-1'] }),
    failArns: [accountArnOf(R)],
  }),
  'aws-ebs-volume-encrypted': () => {
    const good = volume('vol-0a1b2c3d4e5f60718');
    const bad = volume('vol-0b2c3d4e5f6071829', { Encrypted: false, KmsKeyId: undefined, Tags: { Name: 'sis-legacy-data' } });
    return {
      pass: snapshot([good, customerKey()], note('aws-ebs-volume-encrypted: an encrypted volume')),
      fail: snapshot([good, bad, customerKey()], note('aws-ebs-volume-encrypted: sis-legacy-data was created before encryption by default was turned on')),
      failArns: [bad.arn],
    };
  },
  'aws-lb-access-logs-enabled': () => lbCase('aws-lb-access-logs-enabled', { 'access_logs.s3.enabled': 'false', 'access_logs.s3.bucket': '', 'access_logs.s3.prefix': '' }, 'writes no access logs'),
  'aws-lb-deletion-protection': () => lbCase('aws-lb-deletion-protection', { 'deletion_protection.enabled': 'false' }, 'has deletion protection off'),
  'aws-lb-drop-invalid-headers': () => lbCase('aws-lb-drop-invalid-headers', { 'routing.http.drop_invalid_header_fields.enabled': 'false' }, 'forwards invalid header fields'),
  'aws-lb-http-redirects-to-https': () => {
    const lb = loadBalancer('sis-web');
    const https = listener('sis-web', 'f2f7dc8efc522ab2', 'HTTPS', 443, [forward()]);
    const redirect = listener('sis-web', '9a8b7c6d5e4f3a2b', 'HTTP', 80, [redirectHttps]);
    const plain = listener('sis-web', '9a8b7c6d5e4f3a2b', 'HTTP', 80, [forward()]);
    return {
      pass: snapshot([lb, https, redirect], note('aws-lb-http-redirects-to-https: HTTP redirects to HTTPS')),
      fail: snapshot([lb, https, plain], note('aws-lb-http-redirects-to-https: the HTTP listener forwards to the targets')),
      failArns: [lb.arn],
    };
  },
  'aws-lb-listener-https-only': () => {
    const lb = loadBalancer('sis-web');
    const redirect = listener('sis-web', '9a8b7c6d5e4f3a2b', 'HTTP', 80, [redirectHttps]);
    const plain = listener('sis-web', '9a8b7c6d5e4f3a2b', 'HTTP', 80, [forward()]);
    return {
      pass: snapshot([lb, redirect], note('aws-lb-listener-https-only: the HTTP listener only redirects')),
      fail: snapshot([lb, plain], note('aws-lb-listener-https-only: the HTTP listener forwards plaintext')),
      failArns: [plain.arn],
    };
  },
  'aws-lb-listener-tls-policy-approved': () => {
    const lb = loadBalancer('sis-web');
    const good = listener('sis-web', 'f2f7dc8efc522ab2', 'HTTPS', 443, [forward()]);
    const bad = listener('sis-web', '0c1d2e3f4a5b6c7d', 'HTTPS', 8443, [forward('sis-admin')], { SslPolicy: 'ELBSecurityPolicy-2016-08' });
    return {
      pass: snapshot([lb, good], note('aws-lb-listener-tls-policy-approved: TLS 1.3/1.2 policy')),
      fail: snapshot([lb, good, bad], note('aws-lb-listener-tls-policy-approved: the 8443 listener still allows TLS 1.0')),
      failArns: [bad.arn],
    };
  },
};

function lbCase(policy: string, attrs: Record<string, string>, why: string): LiveCase {
  const good = loadBalancer('sis-web');
  const bad = loadBalancer('sis-portal', attrs);
  return {
    pass: snapshot([good], note(`${policy}: a compliant application load balancer`)),
    fail: snapshot([good, bad], note(`${policy}: sis-portal ${why}`)),
    failArns: [bad.arn],
  };
}
