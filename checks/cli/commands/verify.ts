import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { collect } from '../output.js';
import { STORE_HELP, textOrJson } from '../store-options.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Verify an evidence bundle written by `ferpa-ready export` (checks/export/verify.ts): exit 0 when it
 * is intact, 1 when a member was altered, is missing or extra, a redacted copy is not proven, the
 * chain breaks or does not extend an anchor, or the signature fails.
 */
async function verifyBundle(file: string, opts: { publicKey?: string; anchor: string[]; format: 'text' | 'json' }): Promise<number> {
  const { resolve } = await import('node:path');
  const { readNamedInput } = await import('../../util/input-file.js');
  const read = (f: string, what: string): Buffer => readNamedInput(resolve(f), f, what);
  const { loadPublicKey } = await import('../../export/sign.js');
  const { verifyBundle: verify, formatVerdict } = await import('../../export/verify.js');
  const { NotAZip } = await import('../../export/zip.js');
  const { loadAnchors } = await import('../../export/anchor.js');
  const publicKey = opts.publicKey ? loadPublicKey(read(opts.publicKey, 'public key'), opts.publicKey) : undefined;
  const bytes = read(file, 'evidence bundle');
  const anchors = await loadAnchors(opts.anchor, publicKey);
  let v;
  try {
    v = await verify(bytes, file, { publicKey, anchors });
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
    .description('Check the hash chain of a run store (or an evidence bundle); print its head; exit 0 when it holds and extends every anchor, 1 when it breaks (naming the run) or no longer extends an anchor')
    .argument('[bundle]', 'an evidence bundle (.zip) instead of a store')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--anchor <sha256|bundle.zip>', 'a head seen earlier (as verify printed it) or an earlier evidence bundle: the chain must still extend it (repeatable)', collect, [])
    .option('--public-key <pub.pem>', 'the vendor\'s Ed25519 public key: the bundle (and any bundle given as --anchor) must carry a valid signature by it')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (bundle: string | undefined, opts) => {
      const format = textOrJson(opts.format);
      const anchorArgs = opts.anchor as string[];
      if (bundle !== undefined) {
        if (!bundle.toLowerCase().endsWith('.zip')) throw new InputError(`verify: expected an evidence bundle (.zip) or --store, got "${bundle}"`);
        if (opts.store) throw new InputError('verify: give a bundle or --store, not both');
        setExit(await verifyBundle(bundle, { publicKey: opts.publicKey, anchor: anchorArgs, format }));
        return;
      }
      if (opts.publicKey && !anchorArgs.some((a) => a.toLowerCase().endsWith('.zip'))) {
        throw new InputError('verify: --public-key goes with an evidence bundle (given as the argument or as --anchor), not with --store alone');
      }
      const { openStore, verifyChain, formatChainReport } = await import('../../store/index.js');
      const { loadAnchors } = await import('../../export/anchor.js');
      const { loadPublicKey } = await import('../../export/sign.js');
      const { readFileSync } = await import('node:fs');
      let publicKey;
      if (opts.publicKey) {
        let pem: Buffer;
        try {
          pem = readFileSync(opts.publicKey);
        } catch (e) {
          throw new InputError(`cannot read public key (${(e as NodeJS.ErrnoException).code ?? 'error'})`, opts.publicKey);
        }
        publicKey = loadPublicKey(pem, opts.publicKey);
      }
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      const anchors = await loadAnchors(anchorArgs, publicKey);
      if (!(await store.exists())) {
        const held = anchors.length ? `; the anchor says it held ${anchors[0]!.runs ? plural(anchors[0]!.runs, 'run') : 'runs'}: if this is the right place, the whole store was deleted` : '';
        throw new InputError(`no run store at ${store.location} (nothing to verify${held})`);
      }
      const report = await verifyChain(store, { anchors });
      if (!report.runs && !anchors.length && !report.problems.some((p) => p.breaks)) {
        throw new InputError(`${store.location} holds no runs: nothing to verify (a store whose every run was deleted looks the same; only an anchor can tell: verify --anchor <hash|bundle.zip>)`);
      }
      process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatChainReport(report));
      setExit(report.ok ? EXIT_OK : EXIT_FINDINGS);
    });
}
