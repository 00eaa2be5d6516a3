import { describe, expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import type { Results } from '../../checks/engine/types.js';
import { SensitiveValue } from '../../checks/model/value.js';
import { gitlabTime } from '../../reports/gitlab-sast.js';
import { RESULTS_FORMATS, render } from '../../reports/index.js';
import { AWS_KEY, finding, META, sampleResults, SECRET, shuffled, withShuffledFindings } from './sample.js';

describe('render()', () => {
  it('dispatches every format to its renderer', () => {
    const r = sampleResults();
    expect(render('json', r, META).startsWith('{\n  "schemaVersion": "1"')).toBe(true);
    expect(JSON.parse(render('sarif', r, META)).version).toBe('2.1.0');
    expect(render('junit', r, META).startsWith('<?xml')).toBe(true);
    expect(render('markdown', r, META).startsWith('<!-- ferpa-ready -->')).toBe(true);
    expect(render('text', r, META)).toContain('Summary: ');
  });

  it('rejects an unknown format with an InputError naming it', () => {
    expect(() => render('yaml', sampleResults(), META)).toThrow(InputError);
    expect(() => render('yaml', sampleResults(), META)).toThrow(/unknown output format "yaml"/);
  });

  for (const format of RESULTS_FORMATS) {
    describe(format, () => {
      it('is deterministic: same input, shuffled findings, reordered metadata -> identical bytes', () => {
        const r = sampleResults();
        const out = render(format, r, META, { verbose: true });
        expect(render(format, sampleResults(), META, { verbose: true })).toBe(out);
        expect(render(format, withShuffledFindings(r, 19), shuffled(META, 4), { verbose: true })).toBe(out);
      });

      it('reads no clock: output depends on generatedAt only', () => {
        const r = sampleResults();
        const later: Results = { ...r, generatedAt: '2030-01-02T03:04:05Z' };
        const a = render(format, r, META, { verbose: true });
        const b = render(format, later, META, { verbose: true });
        // GitLab's schema writes times without the zone (gitlabTime)
        expect(b).toBe(a.replaceAll('2026-11-22T00:00:00Z', '2030-01-02T03:04:05Z').replaceAll(gitlabTime('2026-11-22T00:00:00Z'), gitlabTime('2030-01-02T03:04:05Z')));
      });

      it('never prints a secret, whatever the evidence holds', () => {
        const r = sampleResults();
        r.findings.push(
          finding({
            policyId: 'aws-rds-storage-encrypted',
            status: 'fail',
            address: 'aws_ecs_task_definition.api',
            evidence: {
              'containerDefinitions[0].environment': [{ name: 'DB_PASSWORD', value: SECRET }, { name: 'STAGE', value: 'prod' }],
              masterPassword: new SensitiveValue(true),
              connection: `postgres://admin:${SECRET}@db.internal:5432/sis`,
              accessKey: AWS_KEY,
              clientSecret: '(redacted)',
            },
          }),
        );
        const out = render(format, r, META, { verbose: true });
        expect(out).not.toContain(SECRET);
        expect(out).not.toContain(AWS_KEY);
      });
    });
  }
});
