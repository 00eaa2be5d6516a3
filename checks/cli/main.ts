import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { EXIT_USAGE } from './exit.js';
import { catalogVersion } from './version-info.js';
import { DEFAULT_MAX_INPUT_BYTES, parseSize, setMaxInputBytes } from '../util/input-file.js';
import { printTiming } from '../util/timing.js';

type Register = (program: Command, setExit: (code: number) => void) => void;

/**
 * Each command's module, loaded only when it runs (or for help and usage errors, which list them all):
 * a one-file `scan` in a pre-commit hook must not pay for the report renderers, the SDK or authoring.
 * In the order `--help` lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  scan: async () => (await import('./commands/scan.js')).registerScan,
  report: async () => (await import('./commands/report.js')).registerReport,
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  drift: async () => (await import('./commands/drift.js')).registerDrift,
  policies: async () => (await import('./commands/policies.js')).registerPolicies,
  fixtures: async () => (await import('./commands/fixtures.js')).registerFixtures,
  history: async () => (await import('./commands/history.js')).registerHistory,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  export: async () => (await import('./commands/export.js')).registerExport,
  init: async () => (await import('./commands/init.js')).registerInit,
  shards: async () => (await import('./commands/shards.js')).registerShards,
};

/** Global options that take a value (the token after them is not a command). */
const GLOBAL_VALUE_OPTIONS = new Set(['--max-input-size']);

/** The commands to register for `argv`: the one it names; none for a bare `--version`; all otherwise (help, typos). */
export function commandsFor(argv: string[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return Object.hasOwn(COMMANDS, a) ? [a] : Object.keys(COMMANDS);
  }
  return argv.length && argv.every((a) => a === '-V' || a === '--version') ? [] : Object.keys(COMMANDS);
}

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
  for (const name of commandsFor(argv)) (await COMMANDS[name]!())(program, setExit);
  // Commander's error text is held back and printed as one line below (suggestions included); the help
  // it shows for a missing command goes to stdout, with the usage error as the one line on stderr.
  const held: Array<{ cmd: Command; text: string }> = [];
  inheritExitOverride(program, held);
  try {
    await program.parseAsync(argv, { from: 'user' });
    for (const h of held) process.stderr.write(h.text);
    printTiming();
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
  // A reader that stops early (`ferpa-ready scan ... | head`) closes the pipe: what is left unprinted is not an error
  // of ours, and the command still ends with its own exit status.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? undefined : fatal(e)));
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
