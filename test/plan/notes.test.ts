import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../checks/sources/plan/index.js';
import { InputError } from '../../checks/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ferpa-plan-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const bucket = { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'b' } };

describe('plan notes and sparse plans', () => {
  it('notes a plan without configuration and still reads its resources', () => {
    const file = write('noconfig.json', { format_version: '1.1', planned_values: { root_module: { resources: [bucket] } } });
    const result = readPlan(file, { display: 'noconfig.json' });
    expect(result.records.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    expect(result.records[0]!.references).toEqual({});
    expect(result.records[0]!.configured).toBeUndefined();
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^noconfig\.json: .*no configuration/);
  });

  it('refuses a plan Terraform reported as errored: it stops where Terraform failed and cannot be applied', () => {
    const file = write('errored.json', { format_version: '1.2', errored: true, planned_values: { root_module: { resources: [bucket] } }, configuration: { root_module: {} } });
    expect(() => readPlan(file)).toThrow(InputError);
    expect(() => readPlan(file)).toThrow(/errors while planning .*partial/);
  });

  it('reads a deferred resource change, marks it deferred, and notes the plan as not complete', () => {
    const deferred = { address: 'aws_db_instance.grades', mode: 'managed', type: 'aws_db_instance', name: 'grades', change: { actions: ['create'], after: { identifier: 'grades' }, after_unknown: {} } };
    const file = write('deferred.json', { format_version: '1.2', complete: false, planned_values: { root_module: { resources: [bucket] } }, deferred_changes: [{ reason: 'instance_count_unknown', resource_change: deferred }] });
    const result = readPlan(file, { display: 'deferred.json' });
    expect(result.records.map((r) => [r.address, r.deferred])).toEqual([
      ['aws_s3_bucket.b', undefined],
      ['aws_db_instance.grades', 'instance_count_unknown'],
    ]);
    expect(result.notes.join(' ')).toMatch(/not complete: Terraform deferred 1 resource change/);
  });

  it('accepts every 0.x and 1.x format version, and a plan with only resource_changes', () => {
    for (const fv of ['0.1', '0.2', '1.0', '1.2', '1.9']) {
      const file = write(`fv-${fv}.json`, {
        format_version: fv,
        resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { bucket: 'b' }, after_unknown: { arn: true } } }],
      });
      const recs = readPlan(file).records;
      expect(recs.map((r) => r.address), fv).toEqual(['aws_s3_bucket.b']);
      expect(recs[0]!.values.bucket).toBe('b');
    }
  });

  it('keeps a resource that only leaves state (forget, no planned object) as a forgotten record of its prior values, with a note', () => {
    const file = write('forget.json', {
      format_version: '1.2',
      planned_values: { root_module: {} },
      resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['forget'], before: { bucket: 'b' }, after: null } }],
    });
    const read = readPlan(file);
    expect(read.records.map((r) => [r.address, r.forgotten, r.values.bucket])).toEqual([['aws_s3_bucket.b', true, 'b']]);
    expect(read.notes.join(' ')).toMatch(/stops managing 1 resource\(s\) without destroying them.*aws_s3_bucket\.b/);
  });
});
