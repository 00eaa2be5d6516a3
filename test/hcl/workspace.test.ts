import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../checks/engine/config.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';

// `count = terraform.workspace == "prod" ? 1 : 0`: before, terraform.workspace was always "default", so a
// production-only database was counted out of every static scan: no finding, exit 0. The workspace is what the
// pipeline selects (TF_WORKSPACE, or `terraform workspace select`, which writes .terraform/environment); when
// neither says, it is unknown and the resource is judged as if it exists.

const catalog = loadCatalog();
const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
const TF = `resource "aws_db_instance" "sis" {
  count             = terraform.workspace == "prod" ? 1 : 0
  identifier        = "sis-\${terraform.workspace}"
  storage_encrypted = false
  tags              = { DataClassification = "student-data" }
}
`;

async function scan(env: Record<string, string>, selected?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'frws-'));
  writeFileSync(join(dir, 'main.tf'), TF);
  if (selected !== undefined) {
    mkdirSync(join(dir, '.terraform'));
    writeFileSync(join(dir, '.terraform', 'environment'), `${selected}\n`);
  }
  const { results } = await scanPaths([dir], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: dir, hcl: { env } });
  const encrypted = results.findings.filter((f) => f.policyId === 'aws-rds-instance-storage-encrypted').map((f) => [f.resource.address, f.status]);
  return { encrypted, notes: (results.diagnostics ?? []).map((d) => d.message).join('\n') };
}

describe('terraform.workspace', () => {
  it('no workspace selected: unknown, so the production-only database is judged (it fails), and a note says how to choose', async () => {
    const r = await scan({});
    expect(r.encrypted).toEqual([['aws_db_instance.sis', 'fail']]);
    expect(r.notes).toMatch(/terraform\.workspace: no workspace selected .* set TF_WORKSPACE/);
  });

  it('TF_WORKSPACE decides: prod counts the database in, dev counts it out; no note', async () => {
    const prod = await scan({ TF_WORKSPACE: 'prod' });
    expect(prod.encrypted).toEqual([['aws_db_instance.sis[0]', 'fail']]);
    expect(prod.notes).not.toMatch(/terraform\.workspace/);
    expect((await scan({ TF_WORKSPACE: 'dev' })).encrypted).toEqual([]);
  });

  it('the workspace terraform workspace select recorded decides, TF_WORKSPACE over it; a file that is no workspace name is unknown', async () => {
    expect((await scan({}, 'prod')).encrypted).toEqual([['aws_db_instance.sis[0]', 'fail']]);
    expect((await scan({ TF_WORKSPACE: 'dev' }, 'prod')).encrypted).toEqual([]);
    expect((await scan({}, 'not a workspace\nname')).encrypted).toEqual([['aws_db_instance.sis', 'fail']]);
  });
});
