import type { KindId } from '../model/kinds/index.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { KindResource } from '../model/typed.js';
import type { Location } from '../model/value.js';
import type { Profile, Truth } from './types.js';

/**
 * What a code check is and what evaluating one gives: the contract between the engine and
 * checks/rules. The rules import this module; the engine never imports the rules, it is handed their
 * table (`CodeChecks`, checks/rules/table.ts) by whoever loads the catalog (checks/pipeline/catalog.ts).
 */

/** One value an evaluation looked at, kept as evidence. */
export interface Observed {
  path: string;
  value: unknown;
  loc?: Location;
  /** Profile parameters this value was compared with. */
  params?: string[];
}

export interface Outcome {
  truth: Truth;
  evidence: Observed[];
  /** Where the decisive value lives (the failing attribute), for findings and SARIF. */
  loc?: Location;
  /** A human sentence from a code check (its rendered messages), used in the finding message. */
  detail?: string;
  /** `<check>/<messageId>` of the first message behind `detail`. */
  messageId?: string;
  error?: string;
}

export interface EvalContext {
  model: Model;
  profile: Profile;
  /** The code checks a `check:` condition may name, by name. */
  checks: CodeChecks;
}

export interface CheckContext {
  model: Model;
  profile: Profile;
  /** When the check is used inside `every`/`some`, the array element in scope. */
  element?: unknown;
}

/** A check's message templates by id: `{ openPort: '{direction} rule {index} opens {what}' }`. */
export type Messages = Readonly<Record<string, string>>;
export type MessageData = Readonly<Record<string, string | number>>;

/** The placeholder names of a template: `'{port} to {cidrs}'` gives `'port' | 'cidrs'`. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/**
 * One message a check reports: an id of its `messages` and a value for each placeholder of that
 * template. With the check's templates known (every check declared through `defineCheck`), an id that
 * does not exist or a placeholder without a value does not compile.
 */
export type CheckMessage<M extends Messages> = string extends keyof M
  ? { id: string; data?: MessageData }
  : {
      [Id in keyof M & string]: [Placeholders<M[Id]>] extends [never] ? { id: Id; data?: undefined } : { id: Id; data: Readonly<Record<Placeholders<M[Id]>, string | number>> };
    }[keyof M & string];

/** What a code check returns: the engine renders `message` into the outcome's `detail`. */
export interface CheckResult<Msg extends { id: string; data?: MessageData } = { id: string; data?: MessageData }> {
  truth: Truth;
  evidence: Observed[];
  loc?: Location;
  /** Why, for the finding message; several are rendered in order and joined with '; '. */
  message?: Msg | Msg[];
  /** Truth `error`: what could not be read (a read failure from the input, shown as it is). */
  error?: string;
}

/** What a check with the message templates `M` returns (a helper shared by checks returns one for its own templates). */
export type CheckOutcome<M extends Messages = Messages> = CheckResult<CheckMessage<M>>;

/**
 * What an option of a check names, checked against the policy's kind when the catalog loads: an
 * attribute, a list of attributes, model kinds, or a link whose targets are all of one kind.
 */
export type OptionRef = 'attr' | 'attrs' | 'kinds' | { link: KindId };

/** A named code check: what the declarative vocabulary cannot say (reachability, coverage, policy documents). */
export interface CodeCheck<K extends KindId = KindId, M extends Messages = Messages> {
  /** Its id: the file name in checks/rules (`rds-force-ssl.ts` is `rds-force-ssl`). */
  name: string;
  description: string;
  /** The kinds it judges; a policy over another kind does not load. */
  kinds: readonly K[];
  /** Message templates by id; `{name}` is filled from the message's data. */
  messages: M;
  /** JSON Schema of `options`, validated when policies load. */
  optionsSchema?: Record<string, unknown>;
  /** Options that name attributes, links or kinds (checked against the model when policies load). */
  optionRefs?: Readonly<Record<string, OptionRef>>;
  /** Profile parameters the check reads (recorded as deciding its findings when a scan names frameworks). */
  params?: string[];
  evaluate(resource: KindResource<K>, ctx: CheckContext, options: Record<string, unknown>): CheckOutcome<NoInfer<M>>;
}

/** The code checks a catalog may use, by name (checks/rules/table.ts). */
export type CodeChecks = Readonly<Record<string, CodeCheck>>;

/** Declares a code check: the identity function, there for the types (kinds and message ids checked). */
export function defineCheck<K extends KindId, const M extends Messages>(check: CodeCheck<K, M>): CodeCheck<K, M> {
  return check;
}

export function codeCheckNamed(checks: CodeChecks, name: string): CodeCheck | undefined {
  return Object.hasOwn(checks, name) ? checks[name] : undefined;
}

/** A template cut at its placeholders once: text, name, text, name, ..., text (names at odd indexes). */
const TEMPLATE_PARTS = new Map<string, string[]>();
function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/\{([A-Za-z0-9_]+)\}/)));
  return parts;
}

/** Fills `{name}` placeholders from `data`; one pass, so a value holding braces is left as it is. */
export function renderMessage(template: string, data?: MessageData): string {
  if (!data) return template;
  const parts = templateParts(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(data, name) ? String(data[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** Runs a check on a resource of one of its kinds and renders its messages. */
export function runCodeCheck(check: CodeCheck, resource: Resource, ctx: CheckContext, options: Record<string, unknown>): Outcome {
  if (!(check.kinds as readonly string[]).includes(resource.kind)) {
    return { truth: 'error', evidence: [], loc: resource.loc, error: `code check ${check.name} does not judge ${resource.kind}` };
  }
  const out = check.evaluate(resource as unknown as KindResource<KindId>, ctx, options);
  const message = out.message;
  if (message === undefined || (Array.isArray(message) && message.length === 0)) return { truth: out.truth, evidence: out.evidence, loc: out.loc, error: out.error };
  const list = Array.isArray(message) ? message : [message];
  let detail = '';
  for (const m of list) detail += (detail ? '; ' : '') + renderMessage(check.messages[m.id] ?? m.id, m.data);
  return { truth: out.truth, evidence: out.evidence, loc: out.loc, detail, messageId: `${check.name}/${list[0]!.id}`, error: out.error };
}
