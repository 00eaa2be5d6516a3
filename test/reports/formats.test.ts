// The one table of output formats (reports/formats.ts): every format in it renders its document, the
// results formats through render()/renderChunks() by name, the readiness formats through their loader.
import { describe, expect, it } from 'vitest';
import { policyMeta } from '../../checks/cli/context.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { formatsFor, OUTPUT_FORMATS, outputFormat, type OutputDocument } from '../../reports/formats.js';
import { render, renderChunks, RESULTS_FORMATS } from '../../reports/index.js';
import { META, sampleResults } from './sample.js';

const DOCUMENTS: readonly OutputDocument[] = ['results', 'readiness'];

/** What each format's output must show, so an empty or wrong document fails: the failing policy or control. */
const RESULTS_MARK = 'aws-s3-public-access-blocked';

describe('the table of output formats', () => {
  it('names each format once per document, each with a description and an extension', () => {
    for (const d of DOCUMENTS) {
      const names = OUTPUT_FORMATS.filter((f) => f.document === d).map((f) => f.name);
      expect(new Set(names).size, d).toBe(names.length);
    }
    for (const f of OUTPUT_FORMATS) {
      expect(f.name, f.name).toMatch(/^[a-z][a-z-]*$/);
      expect(f.description.length, f.name).toBeGreaterThan(10);
      expect(f.extension, f.name).toMatch(/^[a-z]+$/);
    }
    // the formats of the earlier constants and switch are all here
    expect(formatsFor(['results']).map((f) => f.name)).toEqual(['text', 'json', 'sarif', 'junit', 'markdown', 'gitlab-sast']);
    expect(formatsFor(['readiness']).map((f) => f.name)).toEqual(['html', 'pdf', 'markdown', 'json']);
  });

  it('offers a name once to a command rendering both documents: the results format first', () => {
    const both = formatsFor(['results', 'readiness']);
    expect(both.map((f) => `${f.document}:${f.name}`)).toEqual([
      'results:text', 'results:json', 'results:sarif', 'results:junit', 'results:markdown', 'results:gitlab-sast', 'readiness:html', 'readiness:pdf',
    ]);
    expect(outputFormat('markdown', 'readiness')?.document).toBe('readiness');
    expect(outputFormat('text', 'readiness')).toBeUndefined();
  });

  it('render() and renderChunks() know exactly the results formats of the table', () => {
    expect(RESULTS_FORMATS).toEqual(formatsFor(['results']).map((f) => f.name));
    expect(() => render('html', sampleResults(), META)).toThrow(/unknown output format "html" \(expected one of text, json, sarif, junit, markdown, gitlab-sast\)/);
    expect(() => renderChunks('pdf', sampleResults(), META)).toThrow(/unknown output format "pdf"/);
  });

  for (const format of formatsFor(['results'])) {
    it(`results format ${format.name}: renders the document, the same bytes whole, in pieces and by name`, () => {
      const r = sampleResults();
      const out = format.render(r, META, { verbose: true });
      expect(out).toContain(RESULTS_MARK);
      expect([...format.chunks(r, META, { verbose: true })].join('')).toBe(out);
      expect(render(format.name, r, META, { verbose: true })).toBe(out);
    });
  }

  describe('readiness formats render the report built from results', async () => {
    const catalog = loadCatalog();
    const r = sampleResults();
    const now = new Date('2026-11-22T00:00:00Z');
    const report = buildReport([{ results: r, path: 'results.json', sha256: 'a'.repeat(64) }], catalog.framework, policyMeta(catalog.policies), { now, attestations: [] });
    const control = 'FERPA-ACC-01';

    for (const format of formatsFor(['readiness'])) {
      it(`${format.name}: loads its renderer and writes the report`, { timeout: 120_000 }, async () => {
        const renderer = await format.load();
        const out = await renderer(report, { now });
        if (format.name === 'pdf') {
          expect(out).toBeInstanceOf(Uint8Array);
          expect(Buffer.from(out as Uint8Array).subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(format.stdout).toBe(false);
          return;
        }
        expect(typeof out).toBe('string');
        expect(out as string).toContain(control);
        expect(format.stdout).toBe(true);
        if (format.name === 'json') expect(JSON.parse(out as string).framework).toMatchObject({ id: 'ferpa' });
        if (format.name === 'html') expect(out as string).toMatch(/^<!doctype html>/i);
      });
    }
  });
});
