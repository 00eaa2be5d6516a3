import { gzipSync } from 'node:zlib';
import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from '../live/moto.js';

// Live EC2 user data (issue 12, item 4): instances launched in moto with user data, collected with
// ec2:DescribeInstances + ec2:DescribeInstanceAttribute. The snapshot keeps what was found by line and
// variable, never the user data; findings name the instance by its ARN.
const REGION = 'us-east-1';
const POLICY = 'aws-ec2-no-credentials-in-user-data';
const PASSWORD = 'Live-User-Data-Passw0rd-8812';
const KEY_ID = 'AKIAQ3PROBE7FERPA9X2';
const SCRIPTS = {
  password: `#!/bin/bash\nexport DB_HOST=db.internal\nexport DB_PASSWORD=${PASSWORD}\n/opt/app/start\n`,
  gzipKey: `#cloud-config\nwrite_files:\n  - path: /root/.aws/credentials\n    content: |\n      aws_access_key_id = ${KEY_ID}\n`,
  clean: '#!/bin/bash\nexport DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)"\n',
};

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<string, string> = {};

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const ec2 = new EC2Client({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  const launch = async (name: string, userData?: Buffer): Promise<void> => {
    const out = await ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', ...(userData ? { UserData: userData.toString('base64') } : {}) }));
    arns[name] = `arn:aws:ec2:${REGION}:123456789012:instance/${out.Instances![0]!.InstanceId}`;
  };
  await launch('password', Buffer.from(SCRIPTS.password));
  await launch('gzipKey', gzipSync(Buffer.from(SCRIPTS.gzipKey)));
  await launch('clean', Buffer.from(SCRIPTS.clean));
  await launch('none');
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot, 'snap.json', [POLICY]);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('live EC2 user data against moto', () => {
  it('reads every instance and its user data with the two read-only calls', () => {
    const instances = snapshot.resources.filter((r) => r.type === 'AWS::EC2::Instance').map((r) => r.arn);
    expect(instances.sort()).toEqual(Object.values(arns).sort());
    const calls = new Set(snapshot.calls.filter((c) => c.ok).map((c) => `${c.service}:${c.operation}`));
    expect(calls).toContain('ec2:DescribeInstances');
    expect(calls).toContain('ec2:DescribeInstanceAttribute');
  });

  it('fails the instances whose user data holds a credential (plain, and gzip+base64), at their ARN, by line and variable', () => {
    expect(statusAt(findings, POLICY, arns.password!)).toBe('fail');
    expect(statusAt(findings, POLICY, arns.gzipKey!)).toBe('fail');
    const f = findings.find((x) => x.resource.arn === arns.password)!;
    expect(f.message).toContain('userData line 3 (DB_PASSWORD)');
    expect(findings.find((x) => x.resource.arn === arns.gzipKey)!.message).toContain('userData line 5 (aws_access_key_id)');
  });

  it('passes a clean script and an instance without user data', () => {
    expect(statusAt(findings, POLICY, arns.clean!)).toBe('pass');
    expect(statusAt(findings, POLICY, arns.none!)).toBe('pass');
  });

  it('the snapshot and the findings hold no user data: neither the values nor the encoded scripts', () => {
    const text = JSON.stringify(snapshot) + JSON.stringify(findings);
    for (const s of [PASSWORD, KEY_ID, Buffer.from(SCRIPTS.password).toString('base64').slice(0, 24), 'secretsmanager get-secret-value']) expect(text).not.toContain(s);
    const rec = snapshot.resources.find((r) => r.arn === arns.password)!;
    expect(rec.data.userData).toMatchObject({ present: true, readable: true, credentials: [{ line: 3, name: 'DB_PASSWORD' }] });
  });
});
