import type { Category, Results, Severity } from '../checks/engine/types.js';

/**
 * What a renderer knows about a policy besides its findings. The CLI builds this from the catalog;
 * reports never load policies themselves.
 */
export interface PolicyMeta {
  id: string;
  title: string;
  description: string;
  remediation: { terraform?: string; cli?: string; console?: string };
  references: string[];
  severity: Severity;
  category: Category;
}

export interface RenderOptions {
  /** text: list pass findings too. */
  verbose?: boolean;
  /** text: ANSI colours (off unless asked for). */
  color?: boolean;
  /** markdown: most failing findings listed before "and K more" (default 50). */
  maxRows?: number;
}

export type Renderer = (results: Results, meta: PolicyMeta[], opts?: RenderOptions) => string;

/** A renderer's output in pieces that join to what the `Renderer` returns. */
export type ChunkedRenderer = (results: Results, meta: PolicyMeta[], opts?: RenderOptions) => Iterable<string>;
