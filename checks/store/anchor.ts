// Anchors: a head (the manifest hash of a chain's last run) seen earlier and kept elsewhere. Every
// manifest hashes the one before it, so a chain that still holds a run with that hash, intact, holds
// every run up to it unchanged; a chain that lost or rewrote any of them no longer holds that hash.
import { InputError } from '../errors.js';

export interface Anchor {
  manifestSha256: string;
  /** Runs the chain had at that head, when the anchor says (an earlier bundle does). */
  runs?: number;
  /** Where the anchor came from, for messages: the hash as given or a bundle's file name. */
  source: string;
}

export interface AnchorResult {
  source: string;
  manifestSha256: string;
  runs: number | null;
  /** True when the chain holds the anchored run, unchanged, at its place. */
  extended: boolean;
  /** The run the anchor names, when the chain holds it. */
  run: string | null;
  message: string;
}

/** The current head: the last run of a chain, by its recomputed manifest hash. */
export interface ChainHead {
  id: string;
  seq: number;
  manifestSha256: string;
}

const SHA = /^[0-9a-f]{64}$/;

/** `--anchor <sha256>`: a full hash (a prefix would be a weaker anchor than the user thinks). */
export function anchorFromHash(text: string): Anchor {
  const h = text.trim().toLowerCase();
  if (!SHA.test(h)) throw new InputError(`--anchor: expected a head hash (64 hex digits, as verify prints it) or an evidence bundle (.zip), got "${text}"`);
  return { manifestSha256: h, source: h };
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}

/**
 * Check anchors against a chain's runs (in order, with their recomputed manifest hashes). The chain
 * check itself says whether the links between them hold; this says whether the anchored run is there.
 */
export function checkAnchors(runs: Array<{ id: string; seq: number; manifestSha256: string }>, anchors: Anchor[]): AnchorResult[] {
  const byHash = new Map(runs.map((r) => [r.manifestSha256, r] as const));
  const last = runs[runs.length - 1];
  const have = `the chain holds ${runs.length} run${s(runs.length)}${last ? `, head ${last.manifestSha256.slice(0, 12)}…` : ''}`;
  return anchors.map((a) => {
    const base = { source: a.source, manifestSha256: a.manifestSha256, runs: a.runs ?? null };
    const hit = byHash.get(a.manifestSha256);
    if (hit && (a.runs === undefined || hit.seq === a.runs)) {
      const since = last ? last.seq - hit.seq : 0;
      return { ...base, extended: true, run: hit.id, message: `the chain extends anchor ${a.manifestSha256.slice(0, 12)}… (run ${hit.seq}, ${hit.id}; ${since} run${s(since)} since)` };
    }
    if (hit) {
      return { ...base, extended: false, run: hit.id, message: `anchor ${a.manifestSha256.slice(0, 12)}… records ${a.runs} run${s(a.runs!)}, but its run ${hit.id} is run ${hit.seq} of this chain` };
    }
    const why =
      a.runs !== undefined && runs.length < a.runs
        ? `the anchor records ${a.runs} run${s(a.runs)} and ${have}: runs were deleted`
        : a.runs !== undefined
          ? `no run has that manifest hash (${have}): run ${a.runs} or one before it was rewritten, or the chain was replaced`
          : `no run has that manifest hash (${have}): the anchored run or one before it was deleted or rewritten, or the chain was replaced`;
    return { ...base, extended: false, run: null, message: `the chain does not extend anchor ${a.manifestSha256.slice(0, 12)}… (${a.source === a.manifestSha256 ? 'given as a hash' : a.source}): ${why}` };
  });
}
