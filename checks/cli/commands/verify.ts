import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { STORE_HELP, formatOption } from './history.js';

/**
 * Verify an evidence bundle written by `ferpa-ready export` (checks/export/verify.ts): exit 0 when it
 * is intact, 1 when a member was altered, is missing or extra, the chain breaks or the signature fails.
 */
async function verifyBundle(file: string, opts: { publicKey?: string; format: 'text' | 'json' }): Promise<number> {
  const { resolve } = await import('node:path');
  const { readNamedInput } = await import('../../util/input-file.js');
  const read = (f: string, what: string): Buffer => readNamedInput(resolve(f), f, what);
  const { loadPublicKey } = await import('../../export/sign.js');
  const { verifyBundle: verify, formatVerdict } = await import('../../export/verify.js');
  const { NotAZip } = await import('../../export/zip.js');
  const publicKey = opts.publicKey ? loadPublicKey(read(opts.publicKey, 'public key'), opts.publicKey) : undefined;
  const bytes = read(file, 'evidence bundle');
  let v;
  try {
    v = await verify(bytes, file, { publicKey });
  } catch (e) {
    if (e instanceof NotAZip) throw new InputError(e.message, file);
    throw e;
  }
  process.stdout.write(opts.format === 'json' ? `${JSON.stringify(v, null, 2)}\n` : formatVerdict(v));
  return v.ok ? EXIT_OK : EXIT_FINDINGS;
}

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  program
    .command('verify')
    .description('Check the hash chain of a run store; exit 0 when it holds, 1 when it breaks (naming the run)')
    .argument('[bundle]', 'an evidence bundle (.zip) instead of a store')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--public-key <pub.pem>', 'with a bundle: the vendor\'s Ed25519 public key; the bundle must carry a valid signature by it')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (bundle: string | undefined, opts) => {
      const format = formatOption(opts.format);
      if (bundle !== undefined) {
        if (!bundle.toLowerCase().endsWith('.zip')) throw new InputError(`verify: expected an evidence bundle (.zip) or --store, got "${bundle}"`);
        if (opts.store) throw new InputError('verify: give a bundle or --store, not both');
        setExit(await verifyBundle(bundle, { publicKey: opts.publicKey, format }));
        return;
      }
      if (opts.publicKey) throw new InputError('verify: --public-key goes with an evidence bundle, not --store');
      const { openStore, verifyChain, formatChainReport } = await import('../../store/index.js');
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      const report = await verifyChain(store);
      process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatChainReport(report));
      setExit(report.ok ? EXIT_OK : EXIT_FINDINGS);
    });
}
