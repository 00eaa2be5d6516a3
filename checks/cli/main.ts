import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { registerScan } from './commands/scan.js';
import { registerReport } from './commands/report.js';
import { registerPolicies } from './commands/policies.js';
import { registerAudit } from './commands/audit.js';
import { registerHistory } from './commands/history.js';
import { registerDiff } from './commands/diff.js';
import { registerVerify } from './commands/verify.js';
import { registerDrift } from './commands/drift.js';
import { registerInit } from './commands/init.js';
import { registerExport } from './commands/export.js';
import { registerFixtures } from './commands/fixtures.js';
import { registerShards } from './commands/shards.js';
import { EXIT_USAGE } from './exit.js';
import { catalogVersion } from './version-info.js';
import { DEFAULT_MAX_INPUT_BYTES, parseSize, setMaxInputBytes } from '../util/input-file.js';

/** The CLI: the only place that touches argv, stdout, files and exit codes. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  const program = new Command();
  program
    .name('ferpa-ready')
    .description('FERPA readiness checks for AWS stacks: one policy catalog over Terraform source, plans and the live account')
    .version(`ferpa-ready ${TOOL_VERSION} (policy catalog ${catalogVersion()})`, '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .option('--max-input-size <size>', 'largest input file read (plan, snapshot, .tf, policy, config), e.g. 512MB; default 256MB (env FERPA_READY_MAX_INPUT_SIZE)');
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  setMaxInputBytes(DEFAULT_MAX_INPUT_BYTES);
  program.hook('preAction', () => {
    const size = (program.opts().maxInputSize as string | undefined) ?? process.env.FERPA_READY_MAX_INPUT_SIZE;
    setMaxInputBytes(size ? parseSize(size, program.opts().maxInputSize ? '--max-input-size' : 'FERPA_READY_MAX_INPUT_SIZE') : DEFAULT_MAX_INPUT_BYTES);
  });
  registerScan(program, setExit);
  registerReport(program, setExit);
  registerAudit(program, setExit);
  registerDrift(program, setExit);
  registerPolicies(program, setExit);
  registerFixtures(program, setExit);
  registerHistory(program, setExit);
  registerDiff(program, setExit);
  registerVerify(program, setExit);
  registerExport(program, setExit);
  registerInit(program, setExit);
  registerShards(program, setExit);
  // Commander's error text is held back and printed as one line below (suggestions included); the help
  // it shows for a missing command goes to stdout, with the usage error as the one line on stderr.
  const held: Array<{ cmd: Command; text: string }> = [];
  inheritExitOverride(program, held);
  try {
    await program.parseAsync(argv, { from: 'user' });
    for (const h of held) process.stderr.write(h.text);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') {
        const h = held.at(-1);
        if (h) process.stdout.write(h.text);
        const cmd = h?.cmd ?? program;
        const names = cmd.commands.map((c) => c.name()).join(', ');
        process.stderr.write(`${commandPath(cmd)}: give a ${cmd === program ? 'command' : 'subcommand'}: ${names} (listed above; add --help to one for its options)\n`);
        return EXIT_USAGE;
      }
      process.stderr.write(`${commandPath(held.at(-1)?.cmd ?? program)}: ${oneLine(e.message.replace(/^error: /, '')).replace(/\(Did you mean/, '(did you mean')}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      process.stderr.write(`ferpa-ready: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    reportInternalError(e);
    return EXIT_USAGE;
  }
}

function reportInternalError(e: unknown): void {
  process.stderr.write(`ferpa-ready: internal error: ${oneLine((e as Error)?.message ?? String(e))}${process.env.FERPA_READY_DEBUG ? `\n${(e as Error)?.stack}` : ''}\n`);
}

/**
 * For the process entry (bin/ferpa-ready.js): an error thrown outside the awaited command (a stray
 * rejection, an error event) is still one line and exit 2, never Node's stack trace and exit 1 (which
 * would read as "findings"); and once main has returned, nothing left running may keep the process
 * from exiting (a pre-commit hook or CI job must never wait for a leaked handle).
 */
export function guardProcess(): void {
  const fatal = (e: unknown): void => {
    if (e instanceof InputError) process.stderr.write(`ferpa-ready: ${oneLine(e.message)}\n`);
    else reportInternalError(e);
    process.exit(EXIT_USAGE);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

/** After main returned: exit with its code even if a handle is still open (a no-op when none is). */
export function exitSoon(code: number, graceMs = 1000): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), graceMs).unref();
}

function inheritExitOverride(cmd: Command, held: Array<{ cmd: Command; text: string }>): void {
  cmd.exitOverride();
  cmd.configureOutput({ writeErr: (text) => held.push({ cmd, text }) });
  for (const sub of cmd.commands) inheritExitOverride(sub, held);
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
