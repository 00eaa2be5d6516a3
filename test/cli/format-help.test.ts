// `--format` of scan, audit and report comes from the one table of output formats (reports/formats.ts):
// the help lists exactly its formats, with their descriptions, and the choices a command accepts are
// exactly those (in process, through main, as a user's run).
import { describe, expect, it } from 'vitest';
import { formatsFor, type OutputDocument } from '../../reports/formats.js';
import { runMain } from './in-process.js';

const COMMANDS: Array<[string, readonly OutputDocument[], string]> = [
  ['scan', ['results', 'readiness'], 'text'],
  ['audit', ['results', 'readiness'], 'text'],
  ['report', ['readiness'], 'markdown'],
];

/** The names and description lines under "Output formats (--format):", and the option's own list. */
function helpFormats(help: string): { listed: string[]; lines: string[]; choices: string[] } {
  const section = help.split('Output formats (--format):\n')[1] ?? '';
  const lines = section.split('\n').filter((l) => /^ {2}\S/.test(l));
  // the option's description, unwrapped: "output format, repeatable: a, b, c; fmt=file ..."
  const flat = help.replace(/\n\s+/g, ' ');
  const choices = /output format, repeatable: ([^;]+);/.exec(flat)?.[1]?.split(', ').map((s) => s.trim()) ?? [];
  return { listed: lines.map((l) => l.trim().split(/\s+/)[0]!), lines, choices };
}

describe('--format help and choices come from the table of output formats', () => {
  for (const [command, documents, fallback] of COMMANDS) {
    const names = formatsFor(documents).map((f) => f.name);

    it(`${command} --help lists exactly the table's formats, each with its description, the default marked`, async () => {
      const r = await runMain([command, '--help']);
      expect(r.code).toBe(0);
      const { listed, lines, choices } = helpFormats(r.stdout);
      expect(listed).toEqual(names);
      expect(choices).toEqual(names);
      for (const f of formatsFor(documents)) {
        const line = lines.find((l) => l.trim().startsWith(`${f.name} `))!;
        expect(line, f.name).toContain(f.description);
        expect(line.endsWith('(default)'), f.name).toBe(f.name === fallback);
      }
    });

    it(`${command}: an unknown format is a usage error naming exactly the table's formats`, async () => {
      const args = command === 'report' ? ['report', '--results', 'none.json', '--format', 'yaml'] : command === 'audit' ? ['audit', '--format', 'yaml'] : [command, '--format', 'yaml', 'none'];
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ferpa-ready: --format: unknown format "yaml" (one of ${names.join(', ')})\n`);
    });
  }

  it('a format that cannot go to stdout (pdf) is refused before any work, naming its file extension', async () => {
    const r = await runMain(['scan', '--format', 'pdf', 'none']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ferpa-ready: --format pdf: give a file name (pdf=report.pdf)\n');
  });
});
