// Labelled public inputs (fugue/regula test plans and their HCL) run through the real sources and
// pipeline. Where our policy is stricter or looser than the upstream rule, the expectation says so.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadCatalog } from '../../../checks/pipeline/catalog.js';
import { loadConfig } from '../../../checks/engine/config.js';
import { catalogUnderTest } from '../../../checks/pipeline/policy-tester.js';
import { scanPaths } from '../../../checks/pipeline/scan.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';

const ROOT = sharedDir('corpora/fugue__regula/rego/tests/rules/tf/aws');
const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frnet-')));

async function statuses(policyId: string, file: string): Promise<Record<string, string>> {
  const single = catalogUnderTest(catalog.byId.get(policyId)!, catalog);
  const { results } = await scanPaths([file], { config: { ...config, waivers: [], disable: [] }, catalog: single, now: new Date('2026-01-01T00:00:00Z'), cwd: ROOT });
  return Object.fromEntries(results.findings.filter((f) => f.policyId === policyId).map((f) => [f.resource.address ?? '', f.status]));
}

describeWithShared('regula corpus: security groups and flow logs', 'corpora/fugue__regula/rego/tests/rules/tf/aws', () => {
  for (const ext of ['json', 'tf'] as const) {
    const source = ext === 'json' ? 'plan' : 'hcl';
    it(`${source}: world SSH (exact and a 20-25 range) fails, 443 and a private CIDR pass`, async () => {
      const s = await statuses('aws-sg-no-world-ssh-rdp', join(ROOT, `security_group/inputs/ingress_anywhere_ssh_infra.${ext}`));
      expect(s).toEqual({
        'aws_security_group.invalid_sg_1': 'fail',
        'aws_security_group.invalid_sg_2': 'fail',
        'aws_security_group.valid_sg_1': 'pass',
        'aws_security_group.valid_sg_2': 'pass',
      });
    });

    it(`${source}: world RDP fails; stricter than upstream: valid_sg_1 opens 22 to the world, which this policy also covers`, async () => {
      const s = await statuses('aws-sg-no-world-ssh-rdp', join(ROOT, `security_group/inputs/ingress_anywhere_rdp_infra.${ext}`));
      expect(s).toEqual({
        'aws_security_group.invalid_sg_1': 'fail',
        'aws_security_group.invalid_sg_2': 'fail',
        'aws_security_group.valid_sg_1': 'fail',
        'aws_security_group.valid_sg_2': 'pass',
      });
    });

    it(`${source}: world ingress beyond 80/443 fails; exact 80/443 is unknown here (upstream pass) because no load balancer uses the group in this input`, async () => {
      const s = await statuses('aws-sg-world-ingress-only-web-on-lb', join(ROOT, `security_group/inputs/ingress_anywhere_infra.${ext}`));
      expect(s).toEqual({
        'aws_security_group.invalid_allow_all': 'fail',
        'aws_security_group.invalid_include_443': 'fail',
        'aws_security_group.invalid_include_80': 'fail',
        'aws_security_group.valid_exact_443': 'unknown',
        'aws_security_group.valid_exact_80': 'unknown',
      });
    });

    it(`${source}: a VPC with a flow log passes, one without fails`, async () => {
      const s = await statuses('aws-vpc-flow-logs-enabled', join(ROOT, `vpc/inputs/flow_log_infra.${ext}`));
      expect(s['aws_vpc.valid_vpc']).toBe('pass');
      expect(s['aws_vpc.invalid_vpc']).toBe('fail');
    });
  }
});
