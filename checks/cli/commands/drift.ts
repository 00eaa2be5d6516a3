import type { Command } from 'commander';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { clock, loadContext } from '../context.js';
import { collect, parseFormats, writeOutput } from '../output.js';

export function registerDrift(program: Command, setExit: (code: number) => void): void {
  program
    .command('drift')
    .description('Report where the live account (a snapshot) differs from a plan: missing, changed and unmanaged resources')
    .requiredOption('--plan <file>', 'plan JSON (terraform show -json)')
    .requiredOption('--snapshot <file>', 'live snapshot (ferpa-ready audit --snapshot-out)')
    .option('-f, --format <fmt[=file]>', 'text or json, repeatable', collect, [])
    .option('-c, --config <file>', 'configuration file')
    .action(async (opts) => {
      const { scanPaths } = await import('../../pipeline/scan.js');
      const { classifyAs } = await import('../../pipeline/inputs.js');
      const targets = parseFormats(opts.format, ['text', 'json'], 'text');
      // each side must be what its option says: anything else compared would be "no drift" for nothing
      const plan = classifyAs(resolve(opts.plan), 'plan', '--plan');
      const snapshot = classifyAs(resolve(opts.snapshot), 'snapshot', '--snapshot');
      const { config, catalog } = loadContext({ config: opts.config });
      const { results } = await scanPaths([plan.path, snapshot.path], { config, catalog: { ...catalog, policies: [] }, now: clock() });
      const drift = results.drift ?? [];
      if (!results.inputs.some((i) => i.kind === 'live')) throw new InputError('--snapshot: not a live snapshot', opts.snapshot);
      if (!results.inputs.some((i) => i.kind === 'plan')) throw new InputError('--plan: not a plan JSON file', opts.plan);
      for (const t of targets) {
        const out =
          t.format === 'json'
            ? `${JSON.stringify({ generatedAt: results.generatedAt, inputs: results.inputs, drift }, null, 2)}\n`
            : drift.length
              ? `${drift.map((d) => `${d.drift.toUpperCase().padEnd(9)} ${d.kind.padEnd(32)} ${d.message}`).join('\n')}\n${drift.length} difference(s)\n`
              : 'no drift: the live account matches the plan\n';
        if (t.file) writeOutput(t.file, out);
        else process.stdout.write(out);
      }
      setExit(drift.length ? 1 : 0);
    });
}
