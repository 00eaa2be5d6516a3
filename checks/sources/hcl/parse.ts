import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { readInputText } from '../../util/input-file.js';
import { jsonNestingProblem } from '../../util/json-depth.js';
import { hclNestingProblem } from './depth.js';
import { nativeHclToJson } from './native-json.js';
import { Unsupported } from './native-syntax.js';
import type { ParseCache } from './parse-cache.js';
import { scanJsonPositions, scanPositions, type BlockPos } from './positions.js';
import { pushAll } from '../../util/push-all.js';

type Hcl2Json = { parse(filename: string, contents: string): Promise<Record<string, unknown>> };
let hcl2json: Hcl2Json | undefined;
function parser(): Hcl2Json {
  // CommonJS package (WASM inside): load it once, on first use.
  hcl2json ??= createRequire(import.meta.url)('@cdktf/hcl2json') as Hcl2Json;
  return hcl2json;
}

/** One parsed configuration file: the syntax tree as JSON (strings are templates) plus positions. */
export interface ParsedFile {
  path: string;
  /** Path shown to users (relative to the scan root). */
  display: string;
  body: Record<string, unknown>;
  blocks: BlockPos[];
}

/** `main.tf:2,7-8: Invalid expression; ...` from the syntax parser -> `main.tf:2:7: Invalid expression; ...` */
export function syntaxMessage(raw: string, display: string): string {
  const inner = /\[(.*)\]\s*$/s.exec(raw)?.[1] ?? raw.replace(/^parse config:\s*/, '');
  const first = inner.split(/\]?,? \[?(?=[^\s:]+:\d+,\d+)/)[0] ?? inner;
  const m = /^(.*?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?:\s*(.*)$/s.exec(first);
  if (!m) return `${display}: ${first.split('\n')[0]}`;
  return `${display}:${m[2]}:${m[3]}: ${(m[4] as string).split('\n')[0]}`;
}

/** Texts parsed by the TypeScript parser, and those it left to the WASM parser (for tests and the bench). */
export const parserCounts = { native: 0, wasm: 0 };

/**
 * Parse HCL text (`.tf`, `.tfvars`) into the JSON form. Syntax errors become InputError `file:line:col: message`.
 * The TypeScript parser (native-syntax.ts) reads it; a syntax error, or anything it leaves to the WASM
 * parser, goes to the WASM parser, which gives the same JSON or the message users see.
 */
export async function parseHclText(text: string, display: string, pool?: ParsePool): Promise<Record<string, unknown>> {
  // before the parser and the recursive evaluator see it: a pathological nesting is one clear line
  const deep = hclNestingProblem(text);
  if (deep) throw new InputError(`${display}:${deep.line}:${deep.column}: nested deeper than ${deep.limit} levels`);
  try {
    const body = nativeHclToJson(text);
    parserCounts.native++;
    return body;
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
  }
  parserCounts.wasm++;
  try {
    return (await (pool ? pool.parse(display, text) : parser().parse(display, text))) ?? {};
  } catch (e) {
    throw new InputError(syntaxMessage(String((e as Error)?.message ?? e), display));
  }
}

/**
 * Worker code (CommonJS, evaluated): loads the WASM syntax parser once and parses texts on request.
 * Kept as plain JavaScript so it runs the same under tsx, vitest and a compiled build.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const hcl = require(workerData.parser);
// the WASM module compiles and starts on the first parse: say when that is done
hcl.parse('warm-up.tf', '').then(() => parentPort.postMessage({ ready: true }), () => parentPort.postMessage({ ready: true }));
parentPort.on('message', (m) => {
  hcl.parse(m.display, m.text).then(
    (body) => parentPort.postMessage({ id: m.id, body: body ?? {} }),
    (e) => parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) }),
  );
});
`;

/** One text waiting for a parser. */
interface ParseJob {
  display: string;
  text: string;
  resolve: (v: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

interface WorkerSlot {
  w: Worker;
  /** Texts sent and not yet answered. */
  busy: number;
  /** Its parser has started; texts are sent only from then on. */
  ready: boolean;
  started: Promise<void>;
  /** Settle `started` (also when the worker dies first). */
  markStarted: () => void;
}

/** Texts queued on a worker at once: enough that it never waits for the main thread to hand it more. */
const WORKER_QUEUE = 3;

/**
 * Parses HCL texts: each distinct text once per run (and, with a `ParseCache`, once across runs). The
 * TypeScript parser reads almost every text on the main thread; the texts it leaves to the WASM parser
 * (`parse()`) go to worker threads as well as the main thread once there are many of them. Small
 * numbers parse on the main thread only. From the `threshold`-th WASM text on, texts wait in a queue:
 * each worker (default: one per extra core, at most one) is kept `WORKER_QUEUE` texts deep once its
 * parser has started (texts never wait for a worker that is still starting), and the main thread
 * parses the rest one per event-loop turn. A parse on the main thread runs to completion
 * synchronously, so taking texts one turn at a time is what lets worker replies (and file reads) come
 * in between. `close()` ends the workers.
 */
export class ParsePool {
  private workers: WorkerSlot[] = [];
  private readonly waiting = new Map<number, ParseJob>();
  private readonly queue: ParseJob[] = [];
  private head = 0;
  private mainScheduled = false;
  private next = 0;
  private requests = 0;
  private failed = false;
  /** close() was called: no worker starts again, and a parse still coming in (after an error) is cancelled. */
  private closed = false;
  /** Texts parsed on a worker so far (for tests and the bench). */
  workerParses = 0;
  /** Parse results by content: identical files (a module installed under several keys) parse once per run. */
  private readonly byContent = new Map<string, Promise<{ body: Record<string, unknown>; blocks: BlockPos[] }>>();
  /** Files whose text was already parsed in this run. */
  contentHits = 0;
  private readonly size: number;

  constructor(
    size?: number,
    private readonly threshold = 24,
    /** Parses kept across runs (`scan --cache`). */
    readonly cache?: ParseCache,
  ) {
    this.size = Math.max(0, Math.floor(size ?? Math.min(1, availableParallelism() - 1)));
  }

  /** Parse `text` unless the same text was parsed in this run already (or is in the cache). */
  parseOnce(display: string, text: string): Promise<{ body: Record<string, unknown>; blocks: BlockPos[] }> {
    const key = this.cache ? this.cache.key(text) : createHash('sha1').update(text).digest('base64');
    const have = this.byContent.get(key);
    if (have) {
      this.contentHits++;
      return have;
    }
    const fresh = (): Promise<{ body: Record<string, unknown>; blocks: BlockPos[] }> =>
      parseHclText(text, display, this).then((body) => {
        const parsed = { body, blocks: scanPositions(text) };
        this.cache?.put(key, parsed);
        return parsed;
      });
    const p = this.cache ? this.cache.get(key).then((hit) => hit ?? fresh()) : fresh();
    this.byContent.set(key, p);
    return p;
  }

  parse(display: string, text: string): Promise<Record<string, unknown>> {
    this.requests++;
    if (this.closed) return Promise.reject(new Error('parse cancelled: the read ended'));
    if (this.failed || this.requests <= this.threshold || this.size < 1) return parser().parse(display, text);
    if (!this.workers.length) this.start();
    if (!this.workers.length) return parser().parse(display, text);
    return new Promise((resolve, reject) => {
      this.queue.push({ display, text, resolve, reject });
      this.feedWorkers();
      this.scheduleMain();
    });
  }

  private take(): ParseJob | undefined {
    if (this.head >= this.queue.length) return undefined;
    const job = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
    return job;
  }

  private feedWorkers(): void {
    for (const slot of this.workers) {
      while (slot.ready && slot.busy < WORKER_QUEUE) {
        const job = this.take();
        if (!job) return;
        this.send(slot, job);
      }
    }
  }

  private send(slot: WorkerSlot, job: ParseJob): void {
    const id = this.next++;
    slot.busy++;
    this.workerParses++;
    this.waiting.set(id, {
      ...job,
      resolve: (v) => {
        slot.busy--;
        job.resolve(v);
        this.feedWorkers();
      },
      reject: (e) => {
        slot.busy--;
        job.reject(e);
        this.feedWorkers();
      },
    });
    slot.w.postMessage({ id, display: job.display, text: job.text });
  }

  private scheduleMain(): void {
    if (this.mainScheduled || this.head >= this.queue.length) return;
    this.mainScheduled = true;
    setImmediate(() => {
      this.mainScheduled = false;
      this.feedWorkers();
      const job = this.take();
      if (job) parser().parse(job.display, job.text).then(job.resolve, job.reject);
      this.scheduleMain();
    });
  }

  /** Start the workers now and wait until their parsers run (for callers that know a large tree is coming, and tests). */
  async warm(): Promise<void> {
    if (this.size < 1 || this.failed || this.closed) return;
    if (!this.workers.length) this.start();
    await Promise.all(this.workers.map((x) => x.started));
  }

  private start(): void {
    let path: string;
    try {
      path = createRequire(import.meta.url).resolve('@cdktf/hcl2json');
    } catch {
      this.failed = true;
      return;
    }
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(WORKER_CODE, { eval: true, workerData: { parser: path } });
      let markStarted = (): void => {};
      const started = new Promise<void>((res) => (markStarted = res));
      const slot: WorkerSlot = { w, busy: 0, ready: false, started, markStarted };
      w.on('message', (m: { id: number; ready?: boolean; body?: Record<string, unknown>; error?: string }) => {
        if (m.ready) {
          slot.ready = true;
          slot.markStarted();
          this.feedWorkers();
          return;
        }
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.body ?? {});
      });
      w.on('error', () => this.failAll());
      // a worker that exits on its own (the Go runtime exits on a panic) must not leave parses waiting
      w.on('exit', () => {
        if (this.workers.some((x) => x.w === w)) this.failAll();
      });
      this.workers.push(slot);
    }
  }

  /** A worker died (out of memory, ...): parse what it held, and what is still queued, on the main thread. */
  private failAll(): void {
    this.failed = true;
    for (const x of this.workers) x.markStarted();
    const held = [...this.waiting.values()];
    this.waiting.clear();
    void this.stopWorkers();
    for (const p of held) parser().parse(p.display, p.text).then(p.resolve, p.reject);
    this.scheduleMain();
  }

  private async stopWorkers(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    for (const x of ws) x.markStarted();
    await Promise.all(ws.map((x) => x.w.terminate()));
  }

  /**
   * End the workers; the pool takes no more texts. Texts still waiting (the read ended early, on an
   * error) are cancelled rather than parsed, so nothing keeps the process busy or alive after the read.
   */
  async close(): Promise<void> {
    this.closed = true;
    const cancelled = new Error('parse cancelled: the read ended');
    const held = [...this.waiting.values()];
    this.waiting.clear();
    for (const p of held) p.reject(cancelled);
    for (let job = this.take(); job; job = this.take()) job.reject(cancelled);
    await this.stopWorkers();
  }
}

/**
 * Terraform JSON syntax: top-level blocks may be objects or arrays of objects; normalize to the HCL
 * parser's shape. A block that is not an object is refused as Terraform refuses it, naming its pointer.
 */
function normalizeJson(doc: Record<string, unknown>, display: string): Record<string, unknown> {
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  const obj = (v: unknown, pointer: string): Record<string, unknown> => {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    throw new InputError(`${display}: ${pointer}: a block must be a JSON object`);
  };
  const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const out: Record<string, unknown> = {};
  for (const [kind, v] of Object.entries(doc)) {
    if (kind === '//') continue;
    if (kind === 'resource' || kind === 'data') {
      const byType: Record<string, Record<string, unknown[]>> = {};
      for (const item of arr(v)) {
        for (const [type, names] of Object.entries(obj(item, `/${kind}`))) {
          if (type === '//') continue; // a comment, as Terraform allows in any object
          for (const n of arr(names)) {
            for (const [name, body] of Object.entries(obj(n, `/${kind}/${esc(type)}`))) {
              if (name === '//') continue;
              (byType[type] ??= {})[name] = arr(body).map((b) => obj(b, `/${kind}/${esc(type)}/${esc(name)}`));
            }
          }
        }
      }
      out[kind] = byType;
    } else if (kind === 'module' || kind === 'variable' || kind === 'output' || kind === 'provider') {
      const byName: Record<string, unknown[]> = {};
      for (const item of arr(v)) {
        for (const [name, body] of Object.entries(obj(item, `/${kind}`))) {
          if (name !== '//') pushAll((byName[name] ??= []), arr(body).map((b) => obj(b, `/${kind}/${esc(name)}`)));
        }
      }
      out[kind] = byName;
    } else if (kind === 'locals' || kind === 'terraform') out[kind] = arr(v).map((b) => obj(b, `/${kind}`));
  }
  return out;
}

export async function parseFile(path: string, display: string, pool?: ParsePool): Promise<ParsedFile> {
  // read synchronously: the parse that follows runs on this thread anyway, and an asynchronous read
  // costs several thread-pool round trips per file
  const text = readInputText(path, display, 'a Terraform file');
  if (path.endsWith('.json')) {
    const deep = jsonNestingProblem(text);
    if (deep) throw new InputError(`JSON ${deep}`, display);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const pos = /position (\d+)/.exec((e as Error).message);
      let line = 1;
      let col = 1;
      if (pos) {
        const before = text.slice(0, Number(pos[1]));
        line = before.split('\n').length;
        col = Number(pos[1]) - before.lastIndexOf('\n');
      }
      // position only: newer engines quote the text around the error in their message
      throw new InputError(`${display}:${line}:${col}: invalid JSON`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(`${display}:1:1: a Terraform JSON file must hold an object`);
    return { path, display, body: normalizeJson(doc as Record<string, unknown>, display), blocks: scanJsonPositions(text, doc as Record<string, unknown>) };
  }
  if (pool) return { path, display, ...(await pool.parseOnce(display, text)) };
  const body = await parseHclText(text, display);
  return { path, display, body, blocks: scanPositions(text) };
}
