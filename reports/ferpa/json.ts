import type { FerpaReport } from './model.js';

/** The report model as JSON (two-space indent, trailing newline). Key order is fixed by buildReport. */
export function renderFerpaJson(report: FerpaReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
