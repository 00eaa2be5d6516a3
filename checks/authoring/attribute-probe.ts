import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptSnapshot } from '../adapters/live/index.js';
import { adaptTerraform } from '../adapters/terraform/index.js';
import type { Resource } from '../model/resource.js';
import { readPlan } from '../sources/plan/index.js';
import { expandCompactLive } from './live-fixture.js';
import type { LiveRecordTemplate } from './live-records.js';
import { expandCompactPlan } from './plan-fixture.js';

/** The Terraform argument and the API field that set a boolean model attribute, where the adapters confirm them. */
export interface AttributeNames {
  terraform?: string;
  live?: string;
}

const snake = (attr: string): string => attr.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const pascal = (attr: string): string => attr[0]!.toUpperCase() + attr.slice(1);

/**
 * Find which Terraform argument and which API field give a boolean attribute of a kind, by running the
 * real adapters on a one-resource plan and snapshot with the conventional names (`copyTagsToSnapshot`:
 * `copy_tags_to_snapshot`, `CopyTagsToSnapshot`). A name counts only when both `true` and `false`
 * come through as written; otherwise it stays unknown and the author fills the fixture in.
 */
export function probeBooleanAttribute(kind: string, attr: string, tfType: string, live: LiveRecordTemplate | undefined): AttributeNames {
  const out: AttributeNames = {};
  const arg = snake(attr);
  if ([true, false].every((v) => fromPlan(tfType, arg, v).some((r) => r.kind === kind && r.attrs[attr]?.value === v && r.attrs[attr]?.origin === 'explicit'))) out.terraform = arg;
  if (live) {
    for (const field of [pascal(attr), attr]) {
      if ([true, false].every((v) => fromSnapshot(live, field, v).some((r) => r.kind === kind && r.attrs[attr]?.value === v))) {
        out.live = field;
        break;
      }
    }
  }
  return out;
}

function fromPlan(tfType: string, arg: string, value: boolean): Resource[] {
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-ready-probe-'));
  try {
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(expandCompactPlan({ resources: [{ address: `${tfType}.probe`, values: { [arg]: value } }] }, 'probe')));
    return adaptTerraform(readPlan(file).records, 'plan');
  } catch {
    return [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fromSnapshot(live: LiveRecordTemplate, field: string, value: boolean): Resource[] {
  try {
    const snap = expandCompactLive({ resources: { [live.type]: [{ arn: live.arn('probe'), data: { ...live.ids('probe'), [field]: value } }] } }, 'probe');
    return adaptSnapshot(snap, 'probe');
  } catch {
    return [];
  }
}
