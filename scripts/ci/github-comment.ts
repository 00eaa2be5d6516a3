/**
 * Post or update the one ferpa-ready comment on a pull request (used by action.yml).
 *
 * Finds an existing issue comment whose body contains the marker `<!-- ferpa-ready -->` (written by
 * the markdown renderer) and updates it; creates one only when there is none. So a pull request has
 * one ferpa-ready comment however often the workflow runs.
 *
 * Usage: node --import tsx scripts/ci/github-comment.ts --body-file comment.md [--repo owner/name] [--pr N]
 * Environment: GITHUB_TOKEN (required), GITHUB_API_URL (default https://api.github.com),
 * GITHUB_REPOSITORY (owner/name), GITHUB_EVENT_PATH (the pull-request number is read from it).
 * The token is sent only as the Authorization header to GITHUB_API_URL and never printed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKDOWN_MARKER } from '../../reports/markdown.js';

export const MARKER = MARKDOWN_MARKER;
/** GitHub refuses comment bodies longer than 65,536 characters. */
export const MAX_BODY = 65_536;
const PAGE_SIZE = 100;
/** Stop paging after this many pages (10,000 comments): a bound, not a limit anyone should meet. */
const MAX_PAGES = 100;

export interface CommentTarget {
  apiUrl: string;
  token: string;
  /** owner/name */
  repo: string;
  /** Pull-request (issue) number. */
  issue: number;
}

export interface UpsertResult {
  action: 'created' | 'updated';
  id: number;
  url?: string;
}

type Fetch = typeof fetch;

export class GitHubApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

/** The body as posted: marker first (added when missing), cut to GitHub's limit with a note. */
export function commentBody(markdown: string): string {
  let body = markdown.includes(MARKER) ? markdown : `${MARKER}\n${markdown}`;
  if (body.length > MAX_BODY) {
    const note = '\n\n... (truncated: the full report is in the workflow artifacts and the code-scanning results)\n';
    body = body.slice(0, MAX_BODY - note.length) + note;
  }
  return body;
}

async function call(f: Fetch, t: CommentTarget, method: string, path: string, body?: unknown): Promise<unknown> {
  const url = `${t.apiUrl.replace(/\/+$/, '')}${path}`;
  const res = await f(url, {
    method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${t.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'ferpa-ready-action',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    let detail = '';
    try {
      detail = String((JSON.parse(text) as { message?: unknown }).message ?? '');
    } catch {
      detail = text.slice(0, 200);
    }
    throw new GitHubApiError(res.status, `${method} ${path}: HTTP ${res.status}${detail ? ` (${detail})` : ''}`);
  }
  return text ? JSON.parse(text) : null;
}

/** The first comment on the issue whose body carries the marker, or null. Pages through all comments. */
export async function findMarkedComment(t: CommentTarget, f: Fetch = fetch): Promise<{ id: number; body: string } | null> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await call(f, t, 'GET', `/repos/${t.repo}/issues/${t.issue}/comments?per_page=${PAGE_SIZE}&page=${page}`);
    if (!Array.isArray(list)) throw new GitHubApiError(0, `GET comments: expected a list, got ${typeof list}`);
    const hit = list.find((c: { body?: unknown }) => typeof c?.body === 'string' && c.body.includes(MARKER));
    if (hit) return { id: Number(hit.id), body: hit.body };
    if (list.length < PAGE_SIZE) return null;
  }
  return null;
}

/** Update the marked comment, or create it. */
export async function upsertComment(t: CommentTarget, markdown: string, f: Fetch = fetch): Promise<UpsertResult> {
  const body = commentBody(markdown);
  const existing = await findMarkedComment(t, f);
  if (existing) {
    const c = (await call(f, t, 'PATCH', `/repos/${t.repo}/issues/comments/${existing.id}`, { body })) as { id?: number; html_url?: string } | null;
    return { action: 'updated', id: existing.id, url: c?.html_url };
  }
  const c = (await call(f, t, 'POST', `/repos/${t.repo}/issues/${t.issue}/comments`, { body })) as { id?: number; html_url?: string } | null;
  return { action: 'created', id: Number(c?.id), url: c?.html_url };
}

/** The pull-request number from the workflow's event payload (pull_request, pull_request_target, issue_comment). */
export function prNumberFromEvent(event: unknown): number | null {
  const e = event as { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown }; number?: unknown } | null;
  const n = e?.pull_request?.number ?? (e?.issue?.pull_request ? e.issue.number : undefined) ?? e?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

export interface CliArgs {
  bodyFile?: string;
  repo?: string;
  pr?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: missing value`);
      return v;
    };
    if (a === '--body-file') out.bodyFile = next();
    else if (a === '--repo') out.repo = next();
    else if (a === '--pr') out.pr = next();
    else throw new Error(`unknown argument "${a}"`);
  }
  return out;
}

/** Resolve the target from arguments and the GitHub Actions environment. Throws with a one-line reason. */
export function targetFromEnv(args: CliArgs, env: NodeJS.ProcessEnv): CommentTarget {
  const token = env.GITHUB_TOKEN ?? env.INPUT_GITHUB_TOKEN;
  if (!token) throw new Error('GITHUB_TOKEN is not set (pass github-token to the action)');
  const repo = args.repo ?? env.GITHUB_REPOSITORY;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error(`repository "${repo ?? ''}" is not owner/name (set GITHUB_REPOSITORY or --repo)`);
  let issue: number | null = null;
  if (args.pr !== undefined) {
    issue = /^\d+$/.test(args.pr) ? Number(args.pr) : null;
    if (!issue) throw new Error(`--pr: not a pull-request number "${args.pr}"`);
  } else if (env.GITHUB_EVENT_PATH) {
    let event: unknown;
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      throw new Error(`${env.GITHUB_EVENT_PATH}: cannot read the workflow event`);
    }
    issue = prNumberFromEvent(event);
  }
  if (!issue) throw new Error('no pull request: this run was not triggered by a pull request (give --pr N)');
  return { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', token, repo, issue };
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env, f: Fetch = fetch): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args.bodyFile) throw new Error('--body-file is required');
    let markdown: string;
    try {
      markdown = readFileSync(resolve(args.bodyFile), 'utf8');
    } catch (e) {
      throw new Error(`${args.bodyFile}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const target = targetFromEnv(args, env);
    const r = await upsertComment(target, markdown, f);
    process.stdout.write(`${r.action} comment ${r.id} on ${target.repo}#${target.issue}${r.url ? ` (${r.url})` : ''}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`github-comment: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.slice(2));
}
