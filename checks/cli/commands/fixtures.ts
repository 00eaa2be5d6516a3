import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { expandFixture } from '../../authoring/fixture-files.js';

export function registerFixtures(program: Command, _setExit: (code: number) => void): void {
  const fixtures = program.command('fixtures').description('Work with policy fixtures');
  fixtures
    .command('expand')
    .description('Expand a compact fixture (plan.yaml, live.yaml) into the terraform show -json plan or the live snapshot it stands for')
    .argument('<file>', 'plan.yaml or live.yaml (also <name>.plan.yaml, <name>.live.yaml)')
    .option('-o, --out <file>', 'write the JSON here instead of stdout')
    .action((file: string, opts: { out?: string }) => {
      const path = resolve(file);
      const json = `${JSON.stringify(expandFixture(path, relative(process.cwd(), path) || file), null, 2)}\n`;
      if (opts.out) writeFileSync(resolve(opts.out), json);
      else process.stdout.write(json);
    });
}
