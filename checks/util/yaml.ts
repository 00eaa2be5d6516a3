// The YAML library, loaded on first use: a run with the compiled catalog and no config file reads no YAML.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let lib: Yaml | undefined;
const yaml = (): Yaml => (lib ??= createRequire(import.meta.url)('yaml') as Yaml);

// Forwarding the caller's arguments (at most four), not a list that grows with the input.
export const parseYaml: Yaml['parse'] = ((src: string, a?: never, b?: never) => (b === undefined ? yaml().parse(src, a) : yaml().parse(src, a as never, b))) as Yaml['parse'];
export const parseYamlDocument: Yaml['parseDocument'] = ((src: string, options?: never) => yaml().parseDocument(src, options)) as Yaml['parseDocument'];
