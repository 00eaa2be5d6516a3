import type { Command } from 'commander';
import type { RunFindings } from '../../store/diff.js';
import { jsonChunks } from '../../util/json-chunks.js';
import { writeStdout } from '../output.js';
import { STORE_HELP, textOrJson } from '../store-options.js';

export function registerDiff(program: Command, _setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('Compare two stored runs by finding id: new, re-opened, resolved and waived findings')
    .argument('[from]', 'older run: id, id prefix, sequence number, latest or latest~N (default latest~1)')
    .argument('[to]', 'newer run (default latest)')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (fromRef: string | undefined, toRef: string | undefined, opts) => {
      const format = textOrJson(opts.format);
      const { openStore, diffRuns, formatDiff } = await import('../../store/index.js');
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      const from = await store.resolve(fromRef ?? 'latest~1');
      const to = await store.resolve(toRef ?? 'latest');
      // History up to the newer run, for re-opened findings.
      const { runs } = await store.list();
      const upTo = Math.max(from.seq, to.seq);
      const history: RunFindings[] = [];
      for (const r of runs) {
        if (r.manifest.seq > upTo) break;
        history.push({ id: r.manifest.id, findings: (await store.readResults(r.name)).findings ?? [] });
      }
      const find = (id: string) => history.find((h) => h.id === id)!;
      const diff = diffRuns(find(from.id), find(to.id), history);
      // In pieces: the diff of two large runs can be longer than one string.
      if (format === 'json') writeStdout(jsonChunks({ store: store.location, ...diff }, { indent: 2 }));
      else process.stdout.write(formatDiff(diff));
    });
}
