// Live-audit bench (child of bench/run.ts, or `node --import tsx bench/live.ts [sizes]`): moto's server on
// loopback seeded with N resources over 3 regions (a mix of kinds), then one audit of the 3 regions.
// Prints, per N, the wall time of the audit, API calls in total and per resource (from the snapshot's
// `calls`), and which calls are per resource. Last stdout line: JSON figures. Nothing asserts.
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateSecurityGroupCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { collectSnapshot } from '../checks/sources/live/index.js';
import { limiter } from '../checks/sources/live/collect/context.js';
import { motoEnv, startMoto } from '../test/live/moto.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const SIZES = (process.argv[2] ?? '250,500,1000').split(',').map(Number);
/** The mix of kinds, as shares of N. */
const MIX = { bucket: 0.2, securityGroup: 0.25, logGroup: 0.25, key: 0.15, secret: 0.15 } as const;

async function seed(endpoint: string, n: number, run: string): Promise<Record<string, number>> {
  const cfg = (region: string) => ({ region, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const counts = Object.fromEntries(Object.entries(MIX).map(([k, share]) => [k, Math.round(n * share)])) as Record<keyof typeof MIX, number>;
  const vpcs = Object.fromEntries(await Promise.all(REGIONS.map(async (r) => [r, (await new EC2Client(cfg(r)).send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!] as const)));
  const limit = limiter(16);
  const jobs: Array<() => Promise<unknown>> = [];
  const region = (i: number) => REGIONS[i % REGIONS.length]!;
  for (let i = 0; i < counts.bucket; i++) {
    const r = region(i);
    const s3 = new S3Client({ ...cfg(r), forcePathStyle: true });
    const Bucket = `bench-${run}-${i}`;
    jobs.push(async () => {
      await s3.send(new CreateBucketCommand({ Bucket, ...(r === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: r as BucketLocationConstraint } }) }));
      await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'DataClassification', Value: i % 2 ? 'student-data' : 'operational' }] } }));
    });
  }
  for (let i = 0; i < counts.securityGroup; i++) jobs.push(() => new EC2Client(cfg(region(i))).send(new CreateSecurityGroupCommand({ GroupName: `bench-${i}`, Description: 'bench', VpcId: vpcs[region(i)] })));
  for (let i = 0; i < counts.logGroup; i++) jobs.push(() => new CloudWatchLogsClient(cfg(region(i))).send(new CreateLogGroupCommand({ logGroupName: `/bench/${i}`, tags: { DataClassification: 'audit-log' } })));
  for (let i = 0; i < counts.key; i++) jobs.push(() => new KMSClient(cfg(region(i))).send(new CreateKeyCommand({ Description: `bench ${i}` })));
  for (let i = 0; i < counts.secret; i++) jobs.push(() => new SecretsManagerClient(cfg(region(i))).send(new CreateSecretCommand({ Name: `bench/${i}`, SecretString: 'bench-only' })));
  await Promise.all(jobs.map((j) => limit(j)));
  return counts;
}

async function main(): Promise<void> {
  motoEnv();
  const moto = await startMoto();
  const rows = [];
  try {
    for (const n of SIZES) {
      await moto.reset();
      const t0 = performance.now();
      const counts = await seed(moto.endpoint, n, String(n));
      const seedMs = performance.now() - t0;
      const t1 = performance.now();
      const snap = await collectSnapshot({ regions: REGIONS, endpointUrl: moto.endpoint, quiet: true, maxAttempts: 3 });
      const auditMs = performance.now() - t1;
      const byOp = new Map<string, number>();
      for (const c of snap.calls) byOp.set(`${c.service}:${c.operation}`, (byOp.get(`${c.service}:${c.operation}`) ?? 0) + 1);
      const resources = snap.resources.length;
      // Calls that scale with resources (made once per resource, no batch API exists): more calls than regions x 2.
      const perResource = [...byOp.entries()].filter(([, k]) => k > REGIONS.length * 2).sort((a, b) => b[1] - a[1]);
      rows.push({ n, seeded: counts, resources, seedMs, auditMs, calls: snap.calls.length, failedCalls: snap.calls.filter((c) => !c.ok).length, callsPerResource: snap.calls.length / resources, perResource: Object.fromEntries(perResource) });
      const r = rows.at(-1)!;
      process.stderr.write(`${n}: ${resources} resources, audit ${(auditMs / 1000).toFixed(2)} s, ${r.calls} calls (${r.callsPerResource.toFixed(2)}/resource)\n`);
    }
  } finally {
    await moto.stop();
  }
  console.log(JSON.stringify({ regions: REGIONS, rows }));
}

await main();
