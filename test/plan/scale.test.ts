import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { readPlan } from '../../checks/sources/plan/index.js';

/**
 * A generated plan of 10,000 resources: 100 module instances (`module.svc["sN"]`, for_each) of 99
 * security groups plus a KMS key each, every group referencing the module's key and a root VPC through
 * a module variable. Correctness at this size; the reader is linear (one index of the configuration).
 */
function bigPlan(): unknown {
  const modules = [];
  const changes = [];
  for (let m = 0; m < 100; m++) {
    const addr = `module.svc["s${m}"]`;
    const resources = [{ address: `${addr}.aws_kms_key.k`, mode: 'managed', type: 'aws_kms_key', name: 'k', values: { enable_key_rotation: true }, sensitive_values: {} }];
    for (let i = 0; i < 99; i++) {
      resources.push({ address: `${addr}.aws_security_group.g[${i}]`, mode: 'managed', type: 'aws_security_group', name: 'g', index: i, values: { name: `g${i}` }, sensitive_values: {} } as never);
      changes.push({ address: `${addr}.aws_security_group.g[${i}]`, module_address: addr, mode: 'managed', type: 'aws_security_group', name: 'g', index: i,
        change: { actions: ['create'], before: null, after: { name: `g${i}` }, after_unknown: { id: true, vpc_id: true }, after_sensitive: {} } });
    }
    modules.push({ address: addr, resources });
  }
  return {
    format_version: '1.2',
    planned_values: { root_module: { resources: [{ address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', values: {} }], child_modules: modules } },
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-2' } } } },
      root_module: {
        resources: [{ address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', provider_config_key: 'aws' }],
        module_calls: {
          svc: {
            source: './svc',
            for_each_expression: { references: ['var.services'] },
            expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
            module: {
              resources: [
                { address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', provider_config_key: 'aws', expressions: { enable_key_rotation: { constant_value: true } } },
                { address: 'aws_security_group.g', mode: 'managed', type: 'aws_security_group', name: 'g', provider_config_key: 'aws', count_expression: { constant_value: 99 },
                  expressions: { vpc_id: { references: ['var.vpc_id'] }, description: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] } } },
              ],
              variables: { vpc_id: {} },
            },
          },
        },
      },
    },
  };
}

describe('a 10,000-resource plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('yields every resource with references, unknowns and region', () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(bigPlan()));
    const { records } = readPlan(file);
    expect(records).toHaveLength(10_001);
    const g = records.find((r) => r.address === 'module.svc["s57"].aws_security_group.g[42]');
    expect(g?.references.vpc_id).toEqual(['aws_vpc.main']);
    expect(g?.references.description).toEqual(['module.svc["s57"].aws_kms_key.k']);
    expect(g?.values.vpc_id).toBe(UNKNOWN);
    expect(g?.region).toBe('us-east-2');
    expect(records.filter((r) => r.references.vpc_id?.[0] === 'aws_vpc.main')).toHaveLength(9_900);
  });
});
