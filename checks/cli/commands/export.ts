import type { Command } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAttestationFile } from '../../engine/config.js';
import type { Attestation } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import { readNamedInput } from '../../util/input-file.js';
import { TOOL_VERSION } from '../../version.js';
import { clock, loadContext, policyMeta } from '../context.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { collect, writeOutput } from '../output.js';
import { catalogVersion } from '../version-info.js';
import { STORE_HELP } from '../store-options.js';
import { outputFormat, type ReadinessRenderer } from '../../../reports/formats.js';
import type { FerpaReport } from '../../../reports/ferpa/model.js';

function readInput(file: string, what: string): Buffer {
  return readNamedInput(resolve(file), file, what);
}

function readAttestations(files: string[]): Attestation[] {
  return files.flatMap((f) => loadAttestationFile(resolve(f), f));
}

export const SIGNING_KEY_FILE = 'ferpa-ready-signing-key.pem';
export const PUBLIC_KEY_FILE = 'ferpa-ready-signing-key.pub.pem';

export function registerExport(program: Command, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('Bundle evidence for a DPA review (readiness report HTML/PDF/JSON, runs, chain, snapshots, attestations, waivers, SHA-256 manifest) into a zip')
    .requiredOption('--out <file.zip>', 'the evidence bundle to write')
    .option('--store <dir|s3://bucket/prefix>', STORE_HELP)
    .option('--endpoint-url <url>', 'S3 endpoint for an s3:// store (default AWS_ENDPOINT_URL)')
    .option('--run <ref>', 'run(s) the report covers: id, seq, latest, latest~N (repeatable; default latest)', collect, [])
    .option('--snapshot <file>', 'a live snapshot a run scanned (audit --snapshot-out); bundled with secret values redacted (repeatable)', collect, [])
    .option('-c, --config <file>', 'configuration file (attestations, waivers, profile; default ./.ferpa-ready.yaml when present)')
    .option('--attestations <file>', 'attestations YAML/JSON file (repeatable)', collect, [])
    .option('--policies <dir>', 'extra policy folder (repeatable)', collect, [])
    .option('--sign-key <key.pem>', 'Ed25519 private key (PEM): sign the manifest (writes manifest.sig)')
    .option('--no-pdf', 'leave the PDF report out (no Chromium needed)')
    .option('--force', 'overwrite the --out file when it exists (default: refuse)')
    .action(async (opts) => {
      const out: string = opts.out;
      if (!out.toLowerCase().endsWith('.zip')) throw new InputError(`--out: the bundle must be a .zip file, got "${out}"`);
      if (!opts.force && existsSync(resolve(out))) throw new InputError('already exists; not overwriting an evidence bundle (give --force to replace it)', out);
      const { loadPrivateKey } = await import('../../export/sign.js');
      const signKey = opts.signKey ? loadPrivateKey(readInput(opts.signKey, 'signing key'), opts.signKey) : undefined;
      const snapshots = (opts.snapshot as string[]).map((f) => ({ path: f, bytes: readInput(f, 'snapshot') }));
      const extraAttestations = readAttestations(opts.attestations);
      const { config, catalog } = loadContext({ config: opts.config, policies: opts.policies });
      const now = clock();
      let renderPdf: ((report: FerpaReport) => Promise<Uint8Array>) | undefined;
      if (opts.pdf !== false) {
        let render: ReadinessRenderer;
        try {
          render = await outputFormat('pdf', 'readiness')!.load();
        } catch (e) {
          if (e instanceof InputError) throw new InputError(`${e.message}; or leave the PDF out with --no-pdf`);
          throw e;
        }
        renderPdf = async (report) => render(report, { now }) as Promise<Uint8Array>;
      }
      const { openStore, DEFAULT_STORE, formatChainReport } = await import('../../store/index.js');
      const { buildBundle, BrokenChainError } = await import('../../export/bundle.js');
      const store = await openStore(opts.store, { endpointUrl: opts.endpointUrl });
      let built;
      try {
        built = await buildBundle({
          store,
          storeLabel: opts.store ?? DEFAULT_STORE,
          runs: opts.run,
          now,
          tool: { version: TOOL_VERSION, catalogVersion: catalogVersion() },
          framework: catalog.framework,
          policies: policyMeta(catalog.policies),
          attestations: [...config.attestations, ...extraAttestations],
          waivers: config.waivers,
          profile: config.profile as unknown as Record<string, unknown>,
          snapshots,
          renderPdf,
          signKey,
        });
      } catch (e) {
        if (e instanceof BrokenChainError) {
          process.stderr.write(`ferpa-ready: ${e.message}\n${formatChainReport(e.report)}`);
          setExit(EXIT_FINDINGS);
          return;
        }
        throw e;
      }
      writeOutput(out, built.zip);
      const { sha256Hex } = await import('../../export/format.js');
      for (const n of built.notes) process.stderr.write(`note: ${n}\n`);
      const m = built.manifest;
      process.stdout.write(
        `wrote ${out}: ${m.files.length + 1 + (signKey ? 1 : 0)} members, ${m.chain.runs} run${m.chain.runs === 1 ? '' : 's'} (${m.chain.first} .. ${m.chain.last}), report on ${m.reportedRuns.join(', ')}; ` +
          `head ${m.chain.head?.manifestSha256 ?? '?'} (keep it, or this bundle, to anchor later checks); ` +
          `${m.signer ? `signed (key ${m.signer.keyId.slice(0, 16)}…)` : 'unsigned'}; sha256 ${sha256Hex(built.zip)}\n`,
      );
      setExit(EXIT_OK);
    });

  program
    .command('keygen')
    .description(`Make an Ed25519 key pair for signing evidence bundles (${SIGNING_KEY_FILE}, ${PUBLIC_KEY_FILE}); give reviewers the public key`)
    .requiredOption('--out <dir>', 'folder for the key files (never overwritten)')
    .action(async (opts) => {
      const { generateSigningKey } = await import('../../export/sign.js');
      const dir = resolve(opts.out);
      const priv = join(dir, SIGNING_KEY_FILE);
      const pub = join(dir, PUBLIC_KEY_FILE);
      for (const f of [priv, pub]) if (existsSync(f)) throw new InputError('already exists; not overwriting a key', f);
      const k = generateSigningKey();
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(priv, k.privatePem, { mode: 0o600, flag: 'wx' });
        writeFileSync(pub, k.publicPem, { mode: 0o644, flag: 'wx' });
      } catch (e) {
        throw new InputError(`cannot write the key files (${(e as NodeJS.ErrnoException).code ?? 'error'})`, dir);
      }
      process.stdout.write(`wrote ${priv} (keep it private) and ${pub} (give it to reviewers); key id ${k.keyId}\n`);
    });
}
