import type { Resource } from '../model/resource.js';
import type { EvalContext, Outcome } from '../engine/evaluate.js';

export interface CheckContext extends EvalContext {
  /** When the check is used inside `every`/`some`, the array element in scope. */
  element?: unknown;
}

/** A named code check: what the declarative vocabulary cannot say (reachability, coverage, policy documents). */
export interface CodeCheck {
  name: string;
  description: string;
  /** JSON Schema of `options`, validated when policies load. */
  optionsSchema?: Record<string, unknown>;
  /** Profile parameters the check reads (recorded as deciding its findings when a scan names frameworks). */
  params?: string[];
  evaluate(resource: Resource, ctx: CheckContext, options: Record<string, unknown>): Outcome;
}

const checks = new Map<string, CodeCheck>();

export function registerCodeCheck(check: CodeCheck): void {
  if (checks.has(check.name)) throw new Error(`code check ${check.name} registered twice`);
  checks.set(check.name, check);
}

export function getCodeCheck(name: string): CodeCheck | undefined {
  return checks.get(name);
}

export function codeCheckNames(): string[] {
  return [...checks.keys()].sort();
}
