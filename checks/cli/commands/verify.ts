import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { STORE_HELP, formatOption } from './history.js';

/**
 * Dispatch point for evidence bundles (`ferpa-ready verify evidence.zip`): the export command owns
 * the bundle format and replaces this stub with its verifier.
 */
async function verifyBundle(file: string): Promise<number> {
  throw new InputError(`verify: evidence bundles are not supported yet; verify the store with --store instead`, file);
}

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  program
    .command('verify')
    .description('Check the hash chain of a run store; exit 0 when it holds, 1 when it breaks (naming the run)')
    .argument('[bundle]', 'an evidence bundle (.zip) instead of a store')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (bundle: string | undefined, opts) => {
      const format = formatOption(opts.format);
      if (bundle !== undefined) {
        if (!bundle.toLowerCase().endsWith('.zip')) throw new InputError(`verify: expected an evidence bundle (.zip) or --store, got "${bundle}"`);
        if (opts.store) throw new InputError('verify: give a bundle or --store, not both');
        setExit(await verifyBundle(bundle));
        return;
      }
      const { openStore, verifyChain, formatChainReport } = await import('../../store/index.js');
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      const report = await verifyChain(store);
      process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatChainReport(report));
      setExit(report.ok ? EXIT_OK : EXIT_FINDINGS);
    });
}
