// `--format` of the commands that render documents (scan, audit, report): choices, help text and
// parsing, all from the one table of output formats (reports/formats.ts).
import type { Command } from 'commander';
import { formatsFor, type OutputDocument, type OutputFormat } from '../../reports/formats.js';
import { InputError } from '../errors.js';
import { maxOf } from '../util/push-all.js';
import { collect, parseFormats } from './output.js';

export interface OutputTarget {
  format: OutputFormat;
  /** Absent = stdout. */
  file?: string;
}

/** What scan and audit render: the run's results, and (html, pdf) the readiness report of the run. */
export const RUN_DOCUMENTS: readonly OutputDocument[] = ['results', 'readiness'];

/** The formats that list new findings only under --baseline, for its help ("text/junit/markdown"). */
export function baselineHelp(): string {
  return formatsFor(['results'])
    .filter((f) => f.document === 'results' && !f.keepsBaseline)
    .map((f) => f.name)
    .join('/');
}

const DOCUMENT_HEADING: Record<OutputDocument, string> = { results: 'Scan results:', readiness: 'Readiness report of the run (the first --framework, default FERPA):' };

/** Adds `-f, --format <fmt[=file]>` and, after the options, each format it takes with what it writes. */
export function addFormatOption(cmd: Command, documents: readonly OutputDocument[], fallback: string): Command {
  const formats = formatsFor(documents);
  const width = maxOf(formats.map((f) => f.name.length));
  const lines: string[] = [];
  for (const d of documents) {
    const mine = formats.filter((f) => f.document === d);
    if (documents.length > 1 && mine.length) lines.push(` ${DOCUMENT_HEADING[d]}`);
    for (const f of mine) lines.push(`  ${f.name.padEnd(width)}  ${f.description}${f.name === fallback ? ' (default)' : ''}`);
  }
  return cmd
    .option('-f, --format <fmt[=file]>', `output format, repeatable: ${formats.map((f) => f.name).join(', ')}; fmt=file writes a file, one format may go to stdout`, collect, [])
    .addHelpText('after', `\nOutput formats (--format):\n${lines.join('\n')}`);
}

/** `--format` values (`json=out.json`, `text`) as targets, checked against the formats these documents have. */
export function parseOutputTargets(values: string[], documents: readonly OutputDocument[], fallback: string): OutputTarget[] {
  const formats = formatsFor(documents);
  const byName = new Map(formats.map((f) => [f.name, f]));
  return parseFormats(values, [...byName.keys()], fallback).map((t) => {
    const format = byName.get(t.format)!;
    if (!format.stdout && !t.file) throw new InputError(`--format ${format.name}: give a file name (${format.name}=report.${format.extension})`);
    return { format, ...(t.file !== undefined ? { file: t.file } : {}) };
  });
}
