#!/usr/bin/env node
// Runs the compiled CLI from dist/ when it is current (see compiled.js); otherwise the TypeScript
// sources through tsx's loader, so a fresh checkout or an edited one needs nothing but `npm ci`.
import { existsSync } from 'node:fs';
import { bundleFile, loadBundle } from './bundled.js';
import { distIsCurrent } from './compiled.js';

// This tool runs on Node 20 by design; the SDK's notice about future Node versions is not for our users' stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
let cli;
let bundle;
if (process.env.FERPA_READY_FROM_SOURCE !== '1' && distIsCurrent()) {
  // the bundle (dist/cli/); a dist/ built before there was one has only the file-for-file copy
  if (existsSync(bundleFile())) ({ cli } = bundle = loadBundle());
  else cli = await import('../dist/checks/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../checks/cli/main.ts');
}
cli.guardProcess();
const code = await cli.main(process.argv.slice(2));
// the build's warm-up run (scripts/build.mjs)
if (bundle && process.env.FERPA_READY_WRITE_CODE_CACHE === '1') bundle.saveCodeCache();
cli.exitSoon(code);
