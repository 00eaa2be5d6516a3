import { describe, expect, it } from 'vitest';
import { renderText } from '../../reports/text.js';
import { finding, META, sampleResults, SECRET, withShuffledFindings } from './sample.js';

const ESC = '\u001b';

describe('text renderer', () => {
  it('groups by status: fail, error, unknown, waived; passes only counted', () => {
    const out = renderText(sampleResults(), META);
    const headings = out.split('\n').filter((l) => /^[A-Z]+( |$)/.test(l) && !l.startsWith('Summary'));
    expect(headings).toEqual(['FAIL (2)', 'ERROR (could not be read) (1)', 'UNKNOWN (needs live verification) (1)', 'WAIVED (1)', 'DIAGNOSTICS (1)']);
    expect(out).toContain('  warning: variables.tf: variable "env" has no value; treated as unknown');
    expect(out).not.toContain('aws_db_instance.reports');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Summary: 2 fail, 1 error, 1 unknown, 1 waived, 2 pass of 7 findings (pass findings not listed; use --verbose)');
  });

  it('writes each finding as SEVERITY policy-id address (file:line) message, severity first, the address once', () => {
    const lines = renderText(sampleResults(), META).split('\n');
    const failStart = lines.indexOf('FAIL (2)');
    expect(lines[failStart + 1]).toBe(
      '  CRITICAL aws-s3-public-access-blocked aws_s3_bucket.records (storage/s3 buckets.tf:4) fail [waiver expired 2024-01-31: legacy export]',
    );
    expect(lines[failStart + 2]).toBe(
      '  HIGH     aws-rds-storage-encrypted module.db.aws_db_instance.main[0] (modules/db/main.tf:12) not met: RDS storage is encrypted (storageEncrypted = false)',
    );
    expect(lines.find((l) => l.includes('trail/main'))).toBe(
      '  MEDIUM   aws-cloudtrail-multi-region arn:aws:cloudtrail:us-east-1:123456789012:trail/main could not be read: AccessDenied',
    );
    // Every listed finding names its resource exactly once (the message's own "<address>: " prefix is dropped).
    const results = sampleResults();
    const out = renderText(results, META, { verbose: true }).split('\n');
    for (const f of results.findings) {
      const label = f.resource.address ?? f.resource.arn!;
      const line = out.find((l) => l.includes(` ${f.policyId} ${label} `));
      expect(line, `${f.policyId} ${label}`).toBeDefined();
      expect(line!.split(label).length - 1, line).toBe(1);
    }
  });

  it('lists passes when verbose', () => {
    const out = renderText(sampleResults(), META, { verbose: true });
    expect(out).toContain('PASS (2)');
    expect(out).toContain('aws_db_instance.reports');
    expect(out).not.toContain('use --verbose');
  });

  it('uses no ANSI colour unless asked, and colours when asked', () => {
    expect(renderText(sampleResults(), META)).not.toContain(ESC);
    const coloured = renderText(sampleResults(), META, { color: true });
    expect(coloured).toContain(`${ESC}[31m`);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderText(sampleResults(), META));
  });

  it('neutralises terminal escapes and newlines that come from the input', () => {
    const r = sampleResults();
    r.findings = [finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: `aws_db_instance.x${ESC}[2J`, message: `line one\nFAKE summary${ESC}]0;title\u0007` })];
    r.diagnostics = [];
    const out = renderText(r);
    expect(out).not.toContain(ESC);
    expect(out).toContain('aws_db_instance.x\\x1b[2J');
    expect(out.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(1);
  });

  it('is byte-identical for shuffled input and never shows secret evidence', () => {
    const r = sampleResults();
    r.findings.push(finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: 'aws_db_instance.z', evidence: { password: SECRET } }));
    const out = renderText(r, META, { verbose: true });
    expect(renderText(withShuffledFindings(r, 5), META, { verbose: true })).toBe(out);
    expect(out).not.toContain(SECRET);
  });
});
