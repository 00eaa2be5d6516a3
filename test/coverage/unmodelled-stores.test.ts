import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultProfile, type Config } from '../../checks/engine/config.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { writeInput } from '../helpers/scan-file.js';

// Data stores the model does not know yet (policies/data-stores.yaml lists them without kinds): an Aurora DSQL cluster
// or a Lightsail database of student records was only a "not evaluated" line of coverage, and the scan passed. Now each
// is an unknown of aws-data-store-evaluated (which gates the exit status) and its classification tag is judged.

const catalog = loadCatalog();
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

describe('data stores of types the model does not know', () => {
  it('are data stores nobody evaluated, and untagged ones fail the classification', async () => {
    const file = writeInput(
      'main.tf',
      `resource "aws_dsql_cluster" "sis" {
  tags = { DataClassification = "student-data" }
}
resource "aws_lightsail_database" "gradebook" {
  relational_database_name = "gradebook"
  master_database_name     = "gradebook"
  master_username          = "app"
  blueprint_id             = "postgres_16"
  bundle_id                = "micro_2_0"
}
resource "aws_lightsail_bucket" "uploads" {
  name      = "uploads"
  bundle_id = "small_1_0"
  tags      = { DataClassification = "pii" }
}
resource "aws_neptunegraph_graph" "relationships" {
  provisioned_memory = 16
  tags               = { DataClassification = "student-data" }
}
`,
    );
    // the whole results (coverage too), not only the findings
    const { results } = await scanPaths([file], { config: base, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: tmpdir(), hcl: { env: {} } });
    const status = (policy: string, address: string) => results.findings.find((f) => f.policyId === policy && f.resource.address === address)?.status;
    for (const address of ['aws_dsql_cluster.sis', 'aws_lightsail_database.gradebook', 'aws_lightsail_bucket.uploads', 'aws_neptunegraph_graph.relationships']) {
      expect(status('aws-data-store-evaluated', address), address).toBe('unknown');
    }
    expect(status('aws-data-store-classified', 'aws_lightsail_database.gradebook')).toBe('fail');
    expect(status('aws-data-store-classified', 'aws_dsql_cluster.sis')).toBe('pass');
    expect(results.coverage?.dataStoresNotEvaluated).toBe(4);
  });
});

describe('classification values', () => {
  it('reads "Student Data" as student-data, and fails a class the profile does not list (a typo would leave every student-data policy)', async () => {
    const file = writeInput(
      'main.tf',
      `resource "aws_db_instance" "spaced" {
  identifier = "spaced"
  engine     = "postgres"
  tags       = { DataClassification = "Student Data" }
}
resource "aws_db_instance" "typo" {
  identifier = "typo"
  engine     = "postgres"
  tags       = { DataClassification = "studentdata" }
}
`,
    );
    const { results } = await scanPaths([file], { config: base, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: tmpdir(), hcl: { env: {} } });
    const status = (policy: string, address: string) => results.findings.find((f) => f.policyId === policy && f.resource.address === address)?.status;
    expect(status('aws-data-store-classified', 'aws_db_instance.spaced')).toBe('pass');
    // in scope of the student-data policies, as student-data is
    expect(status('aws-data-store-backup-selected', 'aws_db_instance.spaced')).toBe('fail');
    expect(status('aws-data-store-classified', 'aws_db_instance.typo')).toBe('fail');
    expect(results.findings.find((f) => f.policyId === 'aws-data-store-classified' && f.resource.address === 'aws_db_instance.typo')?.message).toMatch(/classificationValues \(dataClass = "studentdata"\)/);
    // a DPA's own vocabulary is listed in the profile
    const own = await scanPaths([file], { config: { ...base, profile: { ...base.profile, classificationValues: ['studentdata', 'student-data'] } }, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: tmpdir(), hcl: { env: {} } });
    expect(own.results.findings.find((f) => f.policyId === 'aws-data-store-classified' && f.resource.address === 'aws_db_instance.typo')?.status).toBe('pass');
  });
});
