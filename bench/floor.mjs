// The floors the bench sets the CLI's figures beside, each one node process doing only the unavoidable
// part of a run (measured from outside like the CLI: bench/cli.ts runNode):
//   node bench/floor.mjs plan <file>        read the plan and JSON.parse it
//   node bench/floor.mjs hcl <dir>...       read every .tf file below the dirs and parse it with the
//                                           parser the CLI uses (checks/sources/hcl/parse.ts), nothing else
//   node bench/floor.mjs hcl-wasm <dir>...  the same with the WASM parser (@cdktf/hcl2json) alone, one thread
//   node bench/floor.mjs write <results>    the CLI's own results written again as the store requires them
//                                           (JSON.stringify with a two-space indent, one write), timed in-process
//                                           and printed as one JSON line; reading and parsing them is not timed
// The TypeScript parser runs from dist/ when it is current, like the CLI; otherwise through tsx.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { distIsCurrent } from '../bin/compiled.js';

const [mode, ...args] = process.argv.slice(2);

function tfFiles(dirs) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.terraform' && e.name !== 'node_modules') walk(p);
      } else if (e.name.endsWith('.tf')) out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

if (mode === 'plan') {
  JSON.parse(readFileSync(args[0], 'utf8'));
} else if (mode === 'write') {
  const results = JSON.parse(readFileSync(args[0], 'utf8'));
  const out = `${args[0]}.floor`;
  const t0 = performance.now();
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const writeMs = performance.now() - t0;
  rmSync(out);
  process.stdout.write(`${JSON.stringify({ writeMs, findings: results.findings.length })}\n`);
} else if (mode === 'hcl') {
  let mod;
  if (distIsCurrent()) mod = await import('../dist/checks/sources/hcl/parse.js');
  else {
    const { register } = await import('tsx/esm/api');
    register();
    mod = await import('../checks/sources/hcl/parse.ts');
  }
  for (const f of tfFiles(args)) await mod.parseHclText(readFileSync(f, 'utf8'), f);
} else if (mode === 'hcl-wasm') {
  const hcl = createRequire(import.meta.url)('@cdktf/hcl2json');
  for (const f of tfFiles(args)) await hcl.parse(f, readFileSync(f, 'utf8'));
} else {
  process.stderr.write('usage: floor.mjs plan <file> | write <results> | hcl <dir>... | hcl-wasm <dir>...\n');
  process.exit(2);
}
