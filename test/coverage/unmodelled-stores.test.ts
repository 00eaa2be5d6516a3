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
