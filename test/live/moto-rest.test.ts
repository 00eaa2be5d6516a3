import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The rest slice (issue 14, wave 4) against moto_server on loopback. moto 5 implements none of these APIs (it
 * answers with its HTML error page): each collector's list fails, the snapshot records the failed read, and every
 * policy over the kind reports `error` for the region, never a pass and never silence.
 */
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

const cases: Array<{ what: string; call: string; type: string; kind: string; policies: string[] }> = [
  {
    what: 'Redshift Serverless namespaces',
    call: 'redshift-serverless:ListNamespaces',
    type: 'AWS::RedshiftServerless::Namespace',
    kind: 'aws.redshiftserverless.namespace',
    policies: ['aws-redshiftserverless-namespace-cmk', 'aws-redshiftserverless-namespace-log-exports'],
  },
  {
    what: 'Redshift Serverless workgroups',
    call: 'redshift-serverless:ListWorkgroups',
    type: 'AWS::RedshiftServerless::Workgroup',
    kind: 'aws.redshiftserverless.workgroup',
    policies: ['aws-redshiftserverless-workgroup-not-publicly-accessible', 'aws-redshiftserverless-workgroup-require-ssl'],
  },
  {
    what: 'DocumentDB elastic clusters',
    call: 'docdb-elastic:ListClusters',
    type: 'AWS::DocDBElastic::Cluster',
    kind: 'aws.docdb.elastic-cluster',
    policies: ['aws-docdb-elastic-cluster-cmk'],
  },
  {
    what: 'DynamoDB global tables (2017.11.29)',
    call: 'dynamodb:ListGlobalTables',
    type: 'AWS::DynamoDB::GlobalTable',
    kind: 'aws.dynamodb.global-table',
    policies: ['aws-dynamodb-global-table-replicas-cmk-pitr'],
  },
];

describe.each(cases)('$what against moto (not implemented there)', ({ what, call, type, kind, policies }) => {
  it(`records ${call} as a failed list naming ${type}`, () => {
    const [service, operation] = call.split(':');
    expect(snapshot.calls.filter((c) => c.service === service && c.operation === operation).map((c) => [c.ok, c.code])).toEqual([[false, 'NotImplemented']]);
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ service, region: REGION, code: 'NotImplemented', resourceTypes: [type] }));
    expect(snapshot.resources.filter((r) => r.type === type)).toEqual([]);
  });

  it('reports error, never pass, for every policy over the kind', () => {
    const stand = `arn:aws:unlisted:${REGION}:${ACCOUNT}:${kind}`;
    const got = findings.filter((f) => f.resource.kind === kind);
    expect(got.map((f) => f.policyId).sort()).toEqual([...policies].sort());
    for (const f of got) {
      expect(f.resource.arn).toBe(stand);
      expect(f.status).toBe('error');
      expect(f.message).toContain(call);
    }
  });

  it('is no longer listed as not collected: the failed read is the evidence', () => {
    expect(snapshot.notes?.join(' ') ?? '').not.toContain(what);
  });
});
