// The YAML library, loaded on first use: a run with the compiled catalog and no config file reads no YAML.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let lib: Yaml | undefined;
const yaml = (): Yaml => (lib ??= createRequire(import.meta.url)('yaml') as Yaml);

export const parseYaml: Yaml['parse'] = ((...args: Parameters<Yaml['parse']>) => yaml().parse(...args)) as Yaml['parse'];
export const parseYamlDocument: Yaml['parseDocument'] = ((...args: Parameters<Yaml['parseDocument']>) => yaml().parseDocument(...args)) as Yaml['parseDocument'];
