// The CLI as one CommonJS file (dist/cli/main.cjs) for bin/ferpa-ready.js: a start reads one file,
// through V8's code cache (bin/bundled.js), instead of resolving and compiling some 200 ES modules.
// Modules imported dynamically stay lazy (esbuild runs their code on first import); npm packages stay
// outside and are require()d: Node 20's ESM loader would scan every CommonJS file of the SDK for its
// exports and compile it once more to detect its format, about twice the CPU of require().
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A dynamic import() of a package becomes require(): a script run from a code cache has no import(). */
const requireDynamicImports = {
  name: 'require-dynamic-imports',
  setup(b) {
    // commander is small and read at every start: bundled, not resolved from node_modules
    b.onResolve({ filter: /^commander$/ }, () => ({ path: require.resolve('commander') }));
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      if (a.namespace === 'required') return { path: a.path, external: true };
      return a.kind === 'dynamic-import' ? { path: a.path, namespace: 'required' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'required' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(a.path)});`, loader: 'js' }));
  },
};

/** Bundle checks/cli/main.ts into `outDir`/main.cjs. */
export async function bundleCli(root, outDir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'checks/cli/main.ts' },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    packages: 'external',
    plugins: [requireDynamicImports],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // the sources find their package (policies, schemas, node_modules) from their own URL
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // names kept, spaces and lines not: 30% less to read at every start (debug with FERPA_READY_FROM_SOURCE=1)
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const left = out.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path);
    if (left.length) throw new Error(`${file}: dynamic import() left in the bundle: ${left.join(', ')}`);
  }
}
