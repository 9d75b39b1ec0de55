import type * as z from "zod";
import type { IdentifierScope } from "../primitives/identifier.js";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES } from "../result.js";
import { makeParsers } from "../parse.js";
import { quote } from "../quote.js";
import type { CanonicalEventOf, EventName, ExtensionAttributeValue } from "./catalog.js";
import { CLOUDEVENTS_ATTRIBUTE_NAME, CanonicalEvent, EVENT_DEFINITIONS, EventSchemas, SCHEMA_BASE_URI } from "./catalog.js";
import type { KeyRevision } from "./keys.js";
import { revisionText, safeIdempotencyKey } from "./keys.js";

/**
 * What a caller provides to {@link safeCreateEvent}; the envelope fields
 * with fixed or derived values (`specversion`, `id`, `type`,
 * `datacontenttype`, `dataschema`) are filled in.
 *
 * @example
 * ```ts
 * import type { EventInput } from "@mfgsync/canonical";
 * const input: EventInput<"operation-resumed"> = {
 *   source: "urn:mfgsync:mes:plant-1010", subject: "1000123", time: "2026-03-02T09:40:00+01:00", sequence: 4n,
 *   correlationId: "S4P-100/1010/1000123", causationId: "2b1d3c0e-8f0a-5d2e-9b7c-1a2b3c4d5e6f",
 *   extensions: { tracestate: "congo=t61rcWkgMzE" },
 *   data: { order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0010", occurredAt: "2026-03-02T09:40:00+01:00" },
 * };
 * ```
 */
export interface EventInput<N extends EventName> {
  /** Emitting system instance, a URI-reference such as `urn:mfgsync:sap-s4hana:S4P-100`. */
  readonly source: string;
  /** Business key the event is about. */
  readonly subject: string;
  /** When the fact happened (RFC 3339 with offset). */
  readonly time: string;
  /** Per-subject sequence number, from 1: a decimal string or bigint, or a number up to 2^53 - 1 (larger numbers have lost digits and are refused). */
  readonly sequence: KeyRevision;
  /** Correlation id of the business transaction. */
  readonly correlationId: string;
  /** The `id` of the event that caused this one. */
  readonly causationId?: string;
  /** Revision of the object, when the source has one (SAP change timestamp); defaults to `sequence` for the idempotency key. */
  readonly revision?: KeyRevision;
  /** Partition key; defaults to nothing (transports then usually use the subject). */
  readonly partitionKey?: string;
  /** W3C traceparent. */
  readonly traceparent?: string;
  /** Further CloudEvents extension attributes to carry (names: lower-case letters and digits, at most 20 characters). */
  readonly extensions?: Readonly<Record<string, ExtensionAttributeValue>>;
  /** The payload. */
  readonly data: z.input<(typeof EVENT_DEFINITIONS)[N]["data"]>;
}

const RESERVED = new Set(["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "correlationid", "causationid", "sequence", "partitionkey", "traceparent", "data", "data_base64"]);

/** The scope of the identifier the event is about (at the definition's subject path in `data`), if it has one. */
function subjectScope(path: readonly string[], data: unknown): IdentifierScope | undefined {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  const scope = current !== null && typeof current === "object" ? (current as { scope?: unknown }).scope : undefined;
  if (scope === null || typeof scope !== "object") return undefined;
  const { type, value } = scope as { type?: unknown; value?: unknown };
  return typeof type === "string" && typeof value === "string" ? ({ type, value } as IdentifierScope) : undefined;
}

function extensionIssues(extensions: unknown): Issue[] {
  if (extensions === undefined) return [];
  if (extensions === null || typeof extensions !== "object" || Array.isArray(extensions)) return [{ path: "/extensions", code: ISSUE_CODES.invalidType, message: "extensions must be an object of attribute names and values" }];
  const issues: Issue[] = [];
  for (const name of Object.keys(extensions)) {
    if (RESERVED.has(name)) issues.push({ path: `/${name}`, code: ISSUE_CODES.invalidAttributeName, message: `"${name}" is a CloudEvents or mfgsync attribute, not an extension: set it through its own input field` });
  }
  return issues;
}

/**
 * Builds and validates a canonical CloudEvents 1.0 event. Never throws. The
 * `id` is the idempotency key over source, type, subject (with the scope of
 * the identifier the data is about, when it has one) and revision (or
 * sequence).
 *
 * @example
 * ```ts
 * import { safeCreateEvent } from "@mfgsync/canonical";
 * const result = safeCreateEvent("operation-started", {
 *   source: "urn:mfgsync:mes:line-3", subject: "1000123", time: "2026-03-02T06:31:00+01:00",
 *   sequence: 4, correlationId: "shift-2026-03-02-A",
 *   data: { order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0010", occurredAt: "2026-03-02T06:31:00+01:00" },
 * });
 * ```
 */
export function safeCreateEvent<N extends EventName>(name: N, input: EventInput<N>): Result<CanonicalEventOf<N>> {
  // Own keys only: a name such as "constructor" must not reach Object.prototype.
  const definition = Object.hasOwn(EVENT_DEFINITIONS, name) ? (EVENT_DEFINITIONS as Record<string, { type: string; subject: readonly string[] }>)[name] : undefined;
  if (!definition || typeof input !== "object" || input === null) {
    return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: definition ? "event input must be an object" : `unknown event ${quote(name)}` }] };
  }
  const sequence = revisionText(input.sequence, "/sequence");
  if (!sequence.ok) return sequence;
  const revision = input.revision === undefined ? sequence : revisionText(input.revision, "/revision");
  if (!revision.ok) return revision;
  const [badExtension, ...moreBad] = extensionIssues(input.extensions);
  if (badExtension) return { ok: false, issues: [badExtension, ...moreBad] };
  const scope = subjectScope(definition.subject, input.data);
  const key = safeIdempotencyKey({
    source: String(input.source), objectType: definition.type, businessKey: String(input.subject), revision: revision.value, ...(scope ? { scope } : {}),
  });
  if (!key.ok) return key;
  const event: Record<string, unknown> = {
    ...(input.extensions ?? {}),
    specversion: "1.0",
    id: key.value,
    source: input.source,
    type: definition.type,
    subject: input.subject,
    time: input.time,
    datacontenttype: "application/json",
    dataschema: `${SCHEMA_BASE_URI}${name}.schema.json`,
    correlationid: input.correlationId,
    ...(input.causationId === undefined ? {} : { causationid: input.causationId }),
    sequence: sequence.value,
    ...(input.partitionKey === undefined ? {} : { partitionkey: input.partitionKey }),
    ...(input.traceparent === undefined ? {} : { traceparent: input.traceparent }),
    data: input.data,
  };
  return eventParsersOf(name).safeParse(event) as Result<CanonicalEventOf<N>>;
}

/**
 * The extension attributes of an event: its top-level attributes that are
 * neither CloudEvents core attributes nor mfgsync's own (`correlationid`,
 * `causationid`, `sequence`, `partitionkey`, `traceparent`).
 *
 * @example
 * ```ts
 * import { eventExtensions } from "@mfgsync/canonical";
 * eventExtensions(JSON.parse('{"specversion":"1.0","tracestate":"congo=t61rcWkgMzE"}')); // { tracestate: "congo=t61rcWkgMzE" }
 * ```
 */
export function eventExtensions(event: Readonly<Record<string, unknown>>): Record<string, ExtensionAttributeValue> {
  const out: Record<string, ExtensionAttributeValue> = {};
  if (event === null || typeof event !== "object") return out;
  for (const [key, value] of Object.entries(event)) {
    if (RESERVED.has(key) || !CLOUDEVENTS_ATTRIBUTE_NAME.test(key)) continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isInteger(value))) out[key] = value;
  }
  return out;
}

/**
 * Throwing variant of {@link safeCreateEvent}.
 *
 * @throws {@link CanonicalValidationError} when the input does not make a valid event.
 * @example
 * ```ts
 * import { createEvent } from "@mfgsync/canonical";
 * const event = createEvent("lot-disposition-changed", {
 *   source: "urn:mfgsync:qms:eu", subject: "0000012345", time: "2026-03-02T10:00:00Z", sequence: 2, correlationId: "NC-2026-0042",
 *   data: { lot: { value: "0000012345", scheme: "sap-s4hana" }, change: "Hold", to: { value: "Restricted" }, occurredAt: "2026-03-02T10:00:00Z" },
 * });
 * ```
 */
export function createEvent<N extends EventName>(name: N, input: EventInput<N>): CanonicalEventOf<N> {
  const result = safeCreateEvent(name, input);
  if (!result.ok) throw new CanonicalValidationError(result.issues, `${String(name)} event`);
  return result.value;
}

type EventParsers = { [K in EventName]: ReturnType<typeof makeParsers<(typeof EventSchemas)[K]>> };
const parsersByName = new Map<EventName, EventParsers[EventName]>();
/** The parsers of one event, made (and its schema built) on first use. */
function eventParsersOf<N extends EventName>(name: N): EventParsers[N] {
  const known = parsersByName.get(name);
  if (known !== undefined) return known as EventParsers[N];
  const parsers = makeParsers(EventSchemas[name] as z.ZodType, `${name} event`) as EventParsers[N];
  parsersByName.set(name, parsers);
  return parsers;
}

const anyEventParsers = makeParsers(CanonicalEvent, "event");

/**
 * Parses any canonical event (dispatching on `type`), returning issues instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseEvent } from "@mfgsync/canonical";
 * const r = safeParseEvent(JSON.parse('{"specversion":"1.0"}'));
 * if (!r.ok) console.log(r.issues);
 * ```
 */
export function safeParseEvent(input: unknown): Result<CanonicalEvent> {
  return anyEventParsers.safeParse(input);
}

/**
 * Parses any canonical event, throwing {@link CanonicalValidationError} when it is not valid.
 *
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseEvent } from "@mfgsync/canonical";
 * try { parseEvent({}); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function parseEvent(input: unknown): CanonicalEvent {
  return anyEventParsers.parse(input);
}

/**
 * Parses one named event, returning issues instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseEventOf } from "@mfgsync/canonical";
 * const r = safeParseEventOf("lot-created", {});
 * ```
 */
export function safeParseEventOf<N extends EventName>(name: N, input: unknown): Result<CanonicalEventOf<N>> {
  const parsers = Object.hasOwn(EVENT_DEFINITIONS, name) ? eventParsersOf(name) : undefined;
  if (!parsers) return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: `unknown event ${quote(name)}` } satisfies Issue] };
  return parsers.safeParse(input) as Result<CanonicalEventOf<N>>;
}

/**
 * Parses one named event, throwing {@link CanonicalValidationError} when it is not valid.
 *
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseEventOf } from "@mfgsync/canonical";
 * try { parseEventOf("lot-created", {}); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function parseEventOf<N extends EventName>(name: N, input: unknown): CanonicalEventOf<N> {
  const result = safeParseEventOf(name, input);
  if (!result.ok) throw new CanonicalValidationError(result.issues, `${String(name)} event`);
  return result.value;
}
