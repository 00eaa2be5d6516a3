import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'reference-stack/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/setup/global.ts'],
    reporters: ['default'],
    pool: 'forks',
    // The SDK warns once per process that its 2027 releases need Node 22; this tool supports Node 20 (as the CLI does, bin/ferpa-ready.js).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
