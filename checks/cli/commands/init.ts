import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { packagePath } from '../../util/package-root.js';
import { stringify } from 'yaml';
import { DEFAULT_CONFIG_FILE, defaultProfile } from '../../engine/config.js';
import type { Profile } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import { writeOutput } from '../output.js';

/** The config schema shipped with the package (policies/schema/config.schema.json). */
const TOOL_SCHEMA = packagePath('policies/schema/config.schema.json');
const INSTALLED_SCHEMA = 'node_modules/ferpa-ready/policies/schema/config.schema.json';

const PROFILE_NOTES: Record<string, string> = {
  approvedRegions: 'AWS regions where student records may be stored and processed (the DPA\'s data-location clause).',
  securityLogMinDays: 'Shortest retention, in days, of audit and security logs (CloudTrail, flow logs, access logs).',
  piiLogMaxDays: 'Longest retention, in days, of application logs that may contain student PII.',
  backupMinDays: 'Shortest backup retention, in days, for stores of student records.',
  dispositionDays: 'Days within which records are disposed of after the agreement ends (lifecycle expiry ceiling).',
  secretRotationMaxDays: 'Longest interval, in days, between rotations of database and service credentials.',
  tlsPolicies: 'Load-balancer TLS security policies accepted as current.',
  breachNoticeHours: 'Hours within which the DPA requires breach notification (shown in the report).',
  maxEvidenceAgeDays: 'Oldest evidence the readiness report accepts for Ready: an audit or scan older than this before the report needs redoing.',
  classificationTagKeys: 'Tag keys that carry a data store\'s classification (student-data, pii, operational, audit-log, security-log, public), first match wins.',
  classificationValues: 'The classifications a data store may carry; a store tagged with another value (a typo) fails aws-data-store-classified.',
  unclassifiedIsStudentData: 'Judge a data store without a classification tag as if it held student data (recommended: an untagged store is in scope until someone says otherwise).',
};

/**
 * Where the editor finds the schema: the project's own install (node_modules/ferpa-ready) when there
 * is one, else the schema file of the ferpa-ready that runs `init`, as a path relative to the file.
 */
export function schemaRef(outFile: string): string {
  const dir = dirname(outFile);
  if (existsSync(resolve(dir, INSTALLED_SCHEMA))) return `./${INSTALLED_SCHEMA}`;
  const rel = relative(dir, TOOL_SCHEMA).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function commentBlock(text: string, indent = ''): string[] {
  return text.split('\n').map((l) => `${indent}# ${l}`.trimEnd());
}

/** The text of a commented starter configuration: the default profile in force, everything else commented out. */
export function starterConfig(schema: string, profile: Profile = defaultProfile()): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    '# ferpa-ready configuration. `ferpa-ready scan` and `ferpa-ready audit` read ./.ferpa-ready.yaml when it',
    '# exists (or the file given with --config). Unknown keys, wrong types and impossible dates are errors',
    '# (exit 2) naming the key, so a typo never silently turns a check off.',
    '',
    '# Exit 1 when a failing finding, or a check that could not be decided (an "error": a read was denied,',
    '# throttled past retries or timed out), is at or above this severity: critical, high, medium, low, info, none.',
    'failOn: high',
    '',
    '# Accept partial audits: checks that could not be decided do not make the exit status 1 (--allow-errors).',
    '# allowErrors: false',
    '',
    '# The parameter profile: thresholds of the data-protection agreement (DPA) in force. These are the',
    '# defaults; change a value to match your agreement, or delete a key to keep its default.',
    'profile:',
  ];
  for (const [key, value] of Object.entries(profile)) {
    if (PROFILE_NOTES[key]) out.push(...commentBlock(PROFILE_NOTES[key]!, '  '));
    const body = stringify({ [key]: value }, { indent: 2 }).trimEnd().split('\n');
    out.push(...body.map((l) => `  ${l}`));
  }
  out.push(
    '',
    ...commentBlock(
      [
        'Extra policy folders (relative to this file), loaded after the built-in catalog:',
        'policies:',
        '  - ./ferpa-policies',
        '',
        'Policy ids not to run at all (prefer a waiver: it expires and shows in the report):',
        'disable:',
        '  - aws-lb-waf-attached',
        '',
        'A waiver accepts a risk for one policy (optionally one resource or glob), with an owner and an',
        'expiry date (YYYY-MM-DD). An expired waiver stops waiving and the report says so.',
        'waivers:',
        '  - policy: aws-s3-access-logging',
        '    resource: aws_s3_bucket.scratch',
        '    reason: Scratch bucket, holds no student records',
        '    owner: platform-team@example.edu',
        '    expires: 2027-06-30',
        '',
        'Attestations record controls that configuration cannot show (training, contracts, procedures).',
        'attestations:',
        '  - control: FERPA-GOV-01',
        '    statement: Staff with access to education records completed FERPA training this year.',
        '    attestedBy: Registrar',
        '    date: 2026-09-01',
        '    document: https://intranet.example.edu/ferpa-training-2026',
        '    expires: 2027-09-01',
        'attestationFiles:',
        '  - ./attestations.yaml',
      ].join('\n'),
    ),
  );
  return `${out.join('\n')}\n`;
}

export function registerInit(program: Command, _setExit: (code: number) => void): void {
  program
    .command('init')
    .description(`Write a commented ${DEFAULT_CONFIG_FILE} with the default profile and a $schema line for editors`)
    .argument('[dir]', 'folder to write it in', '.')
    .option('-o, --out <file>', `file name (default: ${DEFAULT_CONFIG_FILE} in the folder)`)
    .option('--force', 'overwrite an existing file')
    .action(async (dir: string, opts: { out?: string; force?: boolean }) => {
      const file = resolve(dir, opts.out ?? DEFAULT_CONFIG_FILE);
      const shown = relative(process.cwd(), file) || file;
      if (existsSync(file) && !opts.force) throw new InputError('already exists; not overwritten (use --force to replace it)', shown);
      writeOutput(file, starterConfig(schemaRef(file)));
      process.stdout.write(`wrote ${shown}\n`);
    });
}
