import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-ram-share-of-student-data-in-organization: an Aurora cluster or a Glue database shared through AWS RAM with an
// account outside the organisation is a full copy of the records out of reach; before, nothing judged RAM shares.
const POLICY = 'aws-ram-share-of-student-data-in-organization';
const judged = async (name: string, text: string) => (await scanText(name, text)).filter((f) => f.policyId === POLICY).map((f) => [f.status, f.message] as const);

const cluster = (cls: string) => `resource "aws_rds_cluster" "sis" {
  cluster_identifier = "sis"
  engine             = "aurora-postgresql"
  tags               = { DataClassification = "${cls}" }
}
`;
const share = (opts: { external?: string; resource?: string; principal?: string }) => `resource "aws_ram_resource_share" "s" {
  name = "s"
${opts.external ? `  allow_external_principals = ${opts.external}\n` : ''}}
resource "aws_ram_resource_association" "r" {
  resource_arn       = ${opts.resource ?? 'aws_rds_cluster.sis.arn'}
  resource_share_arn = aws_ram_resource_share.s.arn
}
resource "aws_ram_principal_association" "p" {
  principal          = ${opts.principal ?? '"777788889999"'}
  resource_share_arn = aws_ram_resource_share.s.arn
}
variable "unknown" {
  type = string
}
`;

describe('RAM shares in HCL', () => {
  it('fails a student-data cluster shared with an account while external principals are allowed (the default)', async () => {
    const [[status, message]] = await judged('main.tf', cluster('student-data') + share({}));
    expect(status).toBe('fail');
    expect(message).toMatch(/holds aws_rds_cluster\.sis and is shared with 777788889999/);
  });

  it('passes a share that allows no external principal, one with the organisation only, and one of no student data', async () => {
    expect((await judged('main.tf', cluster('student-data') + share({ external: 'false' })))[0]![0]).toBe('pass');
    expect((await judged('main.tf', cluster('student-data') + share({ principal: '"arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdef3456"' })))[0]![0]).toBe('pass');
    expect((await judged('main.tf', cluster('public') + share({})))[0]![0]).toBe('pass');
  });

  it('a literal ARN of a store not in the input is in scope; what is known only after apply is unknown', async () => {
    expect((await judged('main.tf', share({ resource: '"arn:aws:rds:us-east-1:111122223333:cluster:warehouse"' })))[0]![0]).toBe('fail');
    expect((await judged('main.tf', share({ resource: 'var.unknown' })))[0]![0]).toBe('unknown');
    expect((await judged('main.tf', cluster('student-data') + share({ principal: 'var.unknown' })))[0]![0]).toBe('unknown');
  });
});

describe('RAM shares live', () => {
  const arn = 'arn:aws:ram:us-east-1:111122223333:resource-share/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
  const snapshot = (data: Record<string, unknown>, errors?: Record<string, unknown>) =>
    JSON.stringify(
      expandCompactLive(
        { account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::RAM::ResourceShare': [{ arn, data: { name: 's', allowExternalPrincipals: true, status: 'ACTIVE', tags: {}, ...data }, ...(errors ? { errors } : {}) }] } } as never,
        'test',
      ),
    );
  const CLUSTER = 'arn:aws:rds:us-east-1:111122223333:cluster:sis';

  it('judges the associations it read: an error when they could not be read, unknown when never read', async () => {
    expect((await judged('snapshot.json', snapshot({ resources: [CLUSTER], principals: ['777788889999'] })))[0]![0]).toBe('fail');
    expect((await judged('snapshot.json', snapshot({ resources: [CLUSTER], principals: ['777788889999'], allowExternalPrincipals: false })))[0]![0]).toBe('pass');
    expect((await judged('snapshot.json', snapshot({ principals: [] })))[0]![0]).toBe('unknown');
    const denied = { code: 'AccessDeniedException', message: 'not authorized', call: 'ram:GetResourceShareAssociations' };
    const snap = JSON.parse(snapshot({ principals: ['777788889999'] }));
    snap.resources[0].errors = { resources: denied };
    expect((await judged('snapshot.json', JSON.stringify(snap)))[0]![0]).toBe('error');
  });
});
