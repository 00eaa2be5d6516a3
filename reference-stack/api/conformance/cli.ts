// `npm run conformance -- --base-url http://127.0.0.1:8080 --config conformance.yaml --out results.json`
// Exit codes as the scanner's: 0 all checks pass, 1 a check failed or could not run, 2 usage/input error.
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'yaml';
import { ConfigError } from '../src/errors.js';
import { loadConfigFile } from './config.js';
import { runConformance } from './suite.js';

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('conformance')
    .description('Check an API against the FERPA application controls its x-ferpa-* annotated OpenAPI document declares')
    .requiredOption('--base-url <url>', 'base URL of the API under test')
    .requiredOption('--config <file>', 'YAML: schoolId, districtId, roles (credential per role), otherTenants')
    .option('--openapi <file>', 'OpenAPI document (YAML or JSON); default: GET <base-url>/api/v1/openapi.json')
    .option('--out <file>', 'write the results document here (default: stdout)')
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts<{ baseUrl: string; config: string; openapi?: string; out?: string }>();
  try {
    try {
      new URL(o.baseUrl);
    } catch {
      throw new ConfigError(`--base-url ${o.baseUrl} is not a URL`);
    }
    const config = loadConfigFile(o.config);
    let openapi: Record<string, unknown> | undefined;
    if (o.openapi) {
      try {
        openapi = parse(readFileSync(o.openapi, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        throw new ConfigError(`cannot be read as YAML or JSON: ${(e as Error).message.split('\n')[0]}`, o.openapi);
      }
    }
    const results = await runConformance({ baseUrl: o.baseUrl, config, openapi, openapiPath: o.openapi });
    const text = `${JSON.stringify(results, null, 2)}\n`;
    if (o.out) writeFileSync(o.out, text);
    else process.stdout.write(text);
    const s = results.summary;
    process.stderr.write(`conformance: ${s.pass} pass, ${s.fail} fail, ${s.error} error\n`);
    for (const f of results.findings.filter((x) => x.status !== 'pass')) process.stderr.write(`  ${f.status} ${f.policyId}: ${f.message}\n`);
    return s.fail + s.error > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`conformance: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TypeError && /fetch failed/.test(e.message)) {
      process.stderr.write(`conformance: cannot reach ${o.baseUrl}: ${(e.cause as Error | undefined)?.message ?? e.message}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
