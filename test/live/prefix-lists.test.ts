import { AuthorizeSecurityGroupIngressCommand, CreateManagedPrefixListCommand, CreateSecurityGroupCommand, CreateVpcCommand, DescribeManagedPrefixListsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Managed prefix lists live: a group admitting PostgreSQL from a customer-managed list that holds 0.0.0.0/0
 * is open to the internet (it passed before: prefix lists were not looked at), one admitting it from a list
 * of private ranges is not, and one admitting SSH from AWS's S3 list (an AWS service's addresses) is not.
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const DATA_PORTS = 'aws-sg-no-world-ingress-to-data-ports';
const SSH = 'aws-sg-no-world-ssh-rdp';
const sgArn = (id: string) => `arn:aws:ec2:${EAST}:${ACCOUNT}:security-group/${id}`;

let moto: Moto;
let ec2: EC2Client;
let snapshot: Snapshot;
let findings: Finding[];
const groups: Record<'open' | 'private' | 'service', string> = { open: '', private: '', service: '' };
const lists: Record<'open' | 'private', string> = { open: '', private: '' };

async function list(name: string, cidrs: string[]): Promise<string> {
  const r = await ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: name, AddressFamily: 'IPv4', MaxEntries: 5, Entries: cidrs.map((Cidr) => ({ Cidr })) }));
  return r.PrefixList!.PrefixListId!;
}

async function group(vpc: string, name: string, port: number, prefixList: string): Promise<string> {
  const id = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc }))).GroupId!;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, PrefixListIds: [{ PrefixListId: prefixList }] }] }));
  return id;
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  ec2 = new EC2Client({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc!.VpcId!;
  lists.open = await list('partners', ['203.0.113.0/24', '0.0.0.0/0']);
  lists.private = await list('office', ['10.0.0.0/8', '192.168.10.0/24']);
  groups.open = await group(vpc, 'db-open', 5432, lists.open);
  groups.private = await group(vpc, 'db-office', 5432, lists.private);
  groups.service = await group(vpc, 'ssh-s3', 22, await s3ListId());
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [DATA_PORTS, SSH]);
});

/** The id of the region's AWS-managed S3 prefix list (moto creates it, as AWS does). */
async function s3ListId(): Promise<string> {
  const r = await ec2.send(new DescribeManagedPrefixListsCommand({}));
  const s3 = (r.PrefixLists ?? []).find((l) => l.PrefixListName === `com.amazonaws.${EAST}.s3`);
  if (!s3?.PrefixListId) throw new Error('moto listed no AWS-managed S3 prefix list');
  return s3.PrefixListId;
}

afterAll(async () => {
  await moto?.stop();
});

describe('prefix-list collector against moto', () => {
  it('lists every prefix list and reads the entries of the customer-managed lists a group names, not of AWS-managed ones', () => {
    const records = snapshot.resources.filter((r) => r.type === 'AWS::EC2::PrefixList');
    const open = records.find((r) => r.data.PrefixListId === lists.open)!;
    expect((open.data.Entries as Array<{ Cidr: string }>).map((e) => e.Cidr).sort()).toEqual(['0.0.0.0/0', '203.0.113.0/24']);
    const managed = records.find((r) => r.data.PrefixListName === `com.amazonaws.${EAST}.s3`)!;
    expect(managed.data.OwnerId).toBe('AWS');
    expect(managed.data.Entries).toBeUndefined();
    const entryCalls = snapshot.calls.filter((c) => `${c.service}:${c.operation}` === 'ec2:GetManagedPrefixListEntries');
    expect(entryCalls.length).toBe(2);
  });
});

describe('world-open checks through prefix lists on the emulator-backed account', () => {
  it('fails the group whose list holds 0.0.0.0/0, naming the list', () => {
    const f = findings.find((x) => x.policyId === DATA_PORTS && x.resource.arn === sgArn(groups.open))!;
    expect(f.status).toBe('fail');
    expect(f.message).toContain(`0.0.0.0/0 (prefix list ${lists.open})`);
  });

  it('passes the group whose list holds private ranges, and SSH from the AWS-managed S3 list', () => {
    expect(statusAt(findings, DATA_PORTS, sgArn(groups.private))).toBe('pass');
    expect(statusAt(findings, SSH, sgArn(groups.service))).toBe('pass');
  });
});
