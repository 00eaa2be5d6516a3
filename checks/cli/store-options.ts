// Options shared by the commands that read a run store or print a listing (history, diff, verify, export).
import { InputError } from '../errors.js';

export const STORE_HELP = 'run store: a directory or s3://bucket/prefix (default .ferpa-ready/runs)';

/** `--format` of a listing or verdict (history, diff, verify): text (default) or json. */
export function textOrJson(v: string | undefined): 'text' | 'json' {
  const f = (v ?? 'text').toLowerCase();
  if (f !== 'text' && f !== 'json') throw new InputError(`--format: unknown format "${v}" (text or json)`);
  return f;
}
