#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npm ci` is the only install step.
import { register } from 'tsx/esm/api';

// This tool runs on Node 20 by design; the SDK's notice about future Node versions is not for our users' stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../checks/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
