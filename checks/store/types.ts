import type { Results, ResultsInput, Status } from '../engine/types.js';

/** Format tag of a run manifest written today; a reader refuses a manifest with a tag it does not know. */
export const MANIFEST_FORMAT = 'ferpa-ready/run-manifest/2';
/** Manifests written before redaction commitments and head records: still read and verified. */
export const MANIFEST_FORMAT_V1 = 'ferpa-ready/run-manifest/1';

/** Link from a run to the run before it: its id and the SHA-256 of its manifest. */
export interface PreviousLink {
  id: string;
  manifestSha256: string;
}

/**
 * What a stored run records besides its results. Stored as canonical JSON (sorted keys, no
 * whitespace) plus a newline, so any changed byte is either a different hash or a non-canonical file.
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT | typeof MANIFEST_FORMAT_V1;
  /** 1, 2, 3, ... without gaps. */
  seq: number;
  /** `<seq, 6 digits>-<UTC time, yyyymmddThhmmssZ>-<first 8 hex of resultsSha256>`; also the run's folder name. */
  id: string;
  /** ISO time of the run (the results' generatedAt). */
  time: string;
  tool: { version: string; catalogVersion?: string };
  inputs: Array<Pick<ResultsInput, 'kind' | 'path' | 'sha256'>>;
  /** SHA-256 of the exact bytes of results.json. */
  resultsSha256: string;
  /**
   * Format 2: the commitment over the results with each redactable value replaced by its salted
   * digest (checks/store/commitments.ts); what a redacted copy in a bundle is checked against.
   */
  resultsCommitment?: string;
  /** Counts by status (for history and trends without reading every results file). */
  summary: Record<Status, number>;
  /** Null for the first run. */
  previous: PreviousLink | null;
  /** SHA-256 of the canonical JSON of this manifest without this member. */
  manifestSha256: string;
}

/**
 * The HEAD pointer: the last complete run, written last (temp file + rename, or an S3 put). The same
 * shape is kept write-once per run as `heads/<seq>.json`: the store's own record of how far it got.
 */
export interface HeadPointer {
  id: string;
  seq: number;
  manifestSha256: string;
}

/** One run folder as a reader sees it. */
export type RunEntry =
  | { state: 'complete'; name: string; manifest: Manifest; manifestBytes: Uint8Array }
  /** No manifest: a write that did not finish (readers ignore it; verify reports it). */
  | { state: 'incomplete'; name: string; files: string[] }
  /** A manifest that is there but cannot be read as one: altered or damaged (a chain break). */
  | { state: 'corrupt'; name: string; reason: string; manifestBytes: Uint8Array };

export interface RunListing {
  /** Complete runs in order (seq, then name). */
  runs: Array<Extract<RunEntry, { state: 'complete' }>>;
  incomplete: Array<Extract<RunEntry, { state: 'incomplete' }>>;
  corrupt: Array<Extract<RunEntry, { state: 'corrupt' }>>;
}

/** The storage a run store sits on: a local directory or an S3 prefix. Keys use `/`. */
export interface StoreBackend {
  /** For messages: the directory or s3:// URL. */
  readonly location: string;
  /** Names of the run folders directly under the store (other names are ignored by the caller). */
  listFolders(): Promise<string[]>;
  /** Names of the files in one run folder. */
  listFiles(folder: string): Promise<string[]>;
  /** Bytes of a key, or null when absent. */
  read(key: string): Promise<Uint8Array | null>;
  /** Write-once: throws `StoreConflict` when the key already exists; never overwrites. */
  create(key: string, bytes: Uint8Array): Promise<void>;
  /** Replace a pointer (HEAD) atomically: a reader sees the old or the new bytes, never a mix. */
  replace(key: string, bytes: Uint8Array): Promise<void>;
  /** False when there is no store at this location at all (a local directory that does not exist). */
  exists(): Promise<boolean>;
  /**
   * Where the storage keeps old versions (a versioned S3 bucket): keys whose current version is a
   * delete marker and keys with more than one version. Absent where the storage keeps no history.
   */
  objectHistory?(): Promise<ObjectHistory>;
}

export type ObjectHistory =
  | { deleted: Array<{ key: string; versions: number }>; overwritten: Array<{ key: string; versions: number }> }
  | { error: string };

export class StoreConflict extends Error {
  constructor(readonly key: string, location: string) {
    super(`${location}: ${key} already exists (runs are write-once)`);
    this.name = 'StoreConflict';
  }
}

/** A stored run, as history shows it. */
export interface StoredRun {
  id: string;
  seq: number;
  time: string;
  manifestSha256: string;
  resultsSha256: string;
  inputs: Manifest['inputs'];
  summary: Manifest['summary'];
}

/** Keeps every run: results, inputs' hashes and a link to the previous run (a hash chain). */
export interface RunStore {
  readonly location: string;
  /** Append a run after the last complete one; returns it. */
  append(results: Results): Promise<StoredRun>;
  /** Every run folder, sorted, with its state. */
  list(): Promise<RunListing>;
  /** The results of a complete run (throws InputError for an unknown or incomplete run). */
  readResults(id: string): Promise<Results>;
  /** The raw bytes of a run's results.json, or null when absent. */
  readResultsBytes(id: string): Promise<Uint8Array | null>;
  readHead(): Promise<{ head: HeadPointer | null; error?: string }>;
  /** The write-once head records (`heads/<seq>.json`), by file name; unreadable ones with a reason. */
  readHeadRecords(): Promise<Array<{ name: string; record: HeadPointer } | { name: string; error: string }>>;
  /** A run's commitments.json (salts of its redactable values), null when absent. */
  readCommitmentsBytes(id: string): Promise<Uint8Array | null>;
  /** False when there is no store at this location at all. */
  exists(): Promise<boolean>;
  /** The storage's own record of deleted and overwritten objects, where it keeps one. */
  objectHistory(): Promise<ObjectHistory | null>;
  /** Resolve a user's run reference: full id, unique id prefix, seq number, `latest`/`HEAD`, `latest~N`. */
  resolve(ref: string): Promise<StoredRun>;
}
