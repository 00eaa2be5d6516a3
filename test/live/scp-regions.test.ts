import { AttachPolicyCommand, CreateAccountCommand, CreateOrganizationalUnitCommand, CreateOrganizationCommand, CreatePolicyCommand, DetachPolicyCommand, ListRootsCommand, MoveAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { ACCOUNT } from './seed.js';

/**
 * org slice (issue 14, wave 4): the Organizations collector against moto. The management account sits under the
 * root; a member sits in OU prod. A region-deny SCP on the root passes the management account; detached, with only a
 * too-wide one (eu-west-1 open) left on the root, it fails. The member cannot read the organisation (moto keeps
 * Organizations per account, so its ListParents answers AccountNotFoundException; real AWS answers AccessDenied):
 * `error`, never a pass.
 */
const REGION = 'us-east-1';
const POLICY = 'aws-scp-denies-unapproved-regions';
const doc = (regions: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'organizations:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } } }] });

let moto: Moto;
let org: OrganizationsClient;
let rootId: string;
let denyId: string;
let member: string;
const accountArn = (id: string) => `arn:aws:::${id}:account`;

async function audit(): Promise<{ snapshot: Snapshot; findings: Finding[] }> {
  const snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, org: { accountConcurrency: 2 } });
  return { snapshot, findings: evaluateSnapshot(snapshot) };
}
const finding = (fs: Finding[], account: string) => fs.find((f) => f.policyId === POLICY && f.resource.arn === accountArn(account));

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  org = new OrganizationsClient({ region: REGION, endpoint: moto.endpoint });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  rootId = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const prod = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'prod' }))).OrganizationalUnit!.Id!;
  member = (await org.send(new CreateAccountCommand({ Email: 'sis@example.edu', AccountName: 'sis' }))).CreateAccountStatus!.AccountId!;
  await org.send(new MoveAccountCommand({ AccountId: member, SourceParentId: rootId, DestinationParentId: prod }));
  const create = async (name: string, regions: string[]) => (await org.send(new CreatePolicyCommand({ Name: name, Description: name, Type: 'SERVICE_CONTROL_POLICY', Content: doc(regions) }))).Policy!.PolicySummary!.Id!;
  denyId = await create('deny-outside-us', ['us-east-1', 'us-west-2']);
  const wide = await create('deny-outside-us-and-dublin', ['us-east-1', 'eu-west-1']);
  await org.send(new AttachPolicyCommand({ PolicyId: denyId, TargetId: rootId }));
  await org.send(new AttachPolicyCommand({ PolicyId: wide, TargetId: rootId }));
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('service control policies collected from moto', () => {
  it('records each SCP with its content and targets, and the account\'s place in the organisation', async () => {
    const { snapshot, findings } = await audit();
    const scps = snapshot.resources.filter((r) => r.type === 'AWS::Organizations::Policy' && r.account === ACCOUNT);
    expect(scps.map((r) => r.data.Name).sort()).toEqual(['FullAWSAccess', 'deny-outside-us', 'deny-outside-us-and-dublin']);
    const deny = scps.find((r) => r.data.Name === 'deny-outside-us')!;
    expect(JSON.parse(deny.data.content as string).Statement[0].Condition.StringNotEquals['aws:RequestedRegion']).toEqual(['us-east-1', 'us-west-2']);
    expect((deny.data.targets as Array<{ TargetId: string }>).map((t) => t.TargetId)).toEqual([rootId]);
    const settings = snapshot.accountSettings.find((s) => s.region === 'global' && (s.account ?? ACCOUNT) === ACCOUNT)!;
    expect(settings.data.organizationTargets).toEqual([ACCOUNT, rootId]);
    expect(finding(findings, ACCOUNT)?.status).toBe('pass');
    // The member reads no organisation of its own: an error naming the failed call, not a pass.
    const m = finding(findings, member)!;
    expect(m.status).toBe('error');
  });

  it('fails the management account once only the SCP that leaves eu-west-1 open is attached', async () => {
    await org.send(new DetachPolicyCommand({ PolicyId: denyId, TargetId: rootId }));
    const { findings } = await audit();
    const f = finding(findings, ACCOUNT)!;
    expect(f.status).toBe('fail');
    expect(f.message).toContain('eu-west-1');
  });
});
