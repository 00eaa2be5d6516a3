import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { STORE_HELP, textOrJson } from '../store-options.js';

export function registerHistory(program: Command, _setExit: (code: number) => void): void {
  program
    .command('history')
    .description('List the runs kept in a run store (oldest first), with counts by status')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--last <n>', 'only the last N runs')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (opts) => {
      const format = textOrJson(opts.format);
      const last = opts.last === undefined ? undefined : Number(opts.last);
      if (last !== undefined && (!Number.isInteger(last) || last < 1)) throw new InputError(`--last: expected a positive whole number, got "${opts.last}"`);
      const { openStore } = await import('../../store/index.js');
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      if (!(await store.exists())) throw new InputError(`no run store at ${store.location}`);
      const listing = await store.list();
      const runs = last ? listing.runs.slice(-last) : listing.runs;
      if (format === 'json') {
        const doc = {
          store: store.location,
          runs: runs.map(({ manifest: m }) => ({ id: m.id, seq: m.seq, time: m.time, inputs: m.inputs, summary: m.summary, resultsSha256: m.resultsSha256, manifestSha256: m.manifestSha256 })),
          incomplete: listing.incomplete.map((i) => i.name),
          corrupt: listing.corrupt.map((c) => ({ run: c.name, reason: c.reason })),
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      } else {
        if (!runs.length) process.stdout.write(`no runs in ${store.location}\n`);
        else {
          process.stdout.write(`${'SEQ'.padStart(6)}  ${'RUN'.padEnd(34)} ${'TIME'.padEnd(20)} ${'FAIL'.padStart(5)} ${'UNKN'.padStart(5)} ${'ERR'.padStart(5)} ${'WAIV'.padStart(5)} ${'PASS'.padStart(5)}  INPUTS\n`);
          for (const { manifest: m } of runs) {
            const s = m.summary;
            const inputs = m.inputs.map((i) => i.path).join(', ');
            process.stdout.write(`${String(m.seq).padStart(6)}  ${m.id.padEnd(34)} ${m.time.padEnd(20)} ${String(s.fail).padStart(5)} ${String(s.unknown).padStart(5)} ${String(s.error).padStart(5)} ${String(s.waived).padStart(5)} ${String(s.pass).padStart(5)}  ${inputs}\n`);
          }
          process.stdout.write(`${listing.runs.length} run${listing.runs.length === 1 ? '' : 's'} in ${store.location}\n`);
        }
        for (const i of listing.incomplete) process.stderr.write(`note: ${i.name}: incomplete write, ignored\n`);
        for (const c of listing.corrupt) process.stderr.write(`warning: ${c.name}: ${c.reason} (run \`ferpa-ready verify\`)\n`);
      }
    });
}
