import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { findingsByPlace, model } from '../../helpers/policy-tester.js';

// guard slice (wave 3): the labelled counterpart of aws-cloudwatch-cis-alarms in ../shared/corpora is Trivy's
// AWS-0162 (aws-cloudtrail-ensure-cloudwatch-integration, CIS 3.4): a trail must deliver to a CloudWatch Logs
// log group. Ours asks that and more: a metric filter and an alarm with an action for each CIS 4.x event on
// that log group. Agreement: Trivy's bad example (no delivery) fails here too, for that reason.
// Kept disagreement: Trivy's good example delivers to a log group with no metric filter, which passes CIS 3.4
// and fails every 4.x item, so ours fails it (naming the missing filters, not the delivery).
const DIR = sharedDir('corpora/aquasecurity__trivy-checks/_derived/split/cloudtrail/ensure_cloudwatch_integration');

async function judged(file: string) {
  const { records } = await readHcl([file], { root: dirname(file) });
  return findingsByPlace('aws-cloudwatch-cis-alarms', model(records, 'hcl')).get('account')!;
}

describeWithShared('trivy corpus (AWS-0162, CloudTrail to CloudWatch Logs)', 'corpora/aquasecurity__trivy-checks/_derived/split/cloudtrail/ensure_cloudwatch_integration/good_1.tf', () => {
  it('fails the bad example as Trivy does: the trail delivers to no log group', async () => {
    const f = await judged(join(DIR, 'bad_1.tf'));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/no trail delivers to a CloudWatch Logs log group/);
  });

  it('fails the good example (kept disagreement): delivery alone is CIS 3.4, the 4.x filters and alarms are missing', async () => {
    const f = await judged(join(DIR, 'good_1.tf'));
    expect(f.status).toBe('fail');
    expect(f.message).not.toMatch(/no trail delivers/);
    expect(f.message).toMatch(/no metric filter on Example catches use of the root user \(CIS 4\.3\)/);
  });
});
