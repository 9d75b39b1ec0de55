import type { z } from "zod";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES } from "../result.js";
import { makeParsers } from "../parse.js";
import type { CanonicalEventOf, EventName } from "./catalog.js";
import { CanonicalEvent, EVENT_DEFINITIONS, EventSchemas, SCHEMA_BASE_URI } from "./catalog.js";
import { uuidV5 } from "./uuid.js";
import { quote } from "../quote.js";

/**
 * Namespace UUID of mfgsync idempotency keys: UUID v5 of `mfgsync.dev` in the
 * RFC 9562 DNS namespace. Never changes; changing it would change every key.
 *
 * @example
 * ```ts
 * import { IDEMPOTENCY_NAMESPACE } from "@mfgsync/canonical";
 * console.log(IDEMPOTENCY_NAMESPACE);
 * ```
 */
export const IDEMPOTENCY_NAMESPACE = "e6677e9f-f7c1-5163-b44c-586f5193e222";

/**
 * What an idempotency key is derived from.
 *
 * @example
 * ```ts
 * import type { IdempotencyKeyInput } from "@mfgsync/canonical";
 * const input: IdempotencyKeyInput = { source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.lot.created.v1", businessKey: "0000012345", revision: "1" };
 * ```
 */
export interface IdempotencyKeyInput {
  /** The emitting system instance (the event's `source`). */
  readonly source: string;
  /** What kind of fact: the event type. */
  readonly objectType: string;
  /** Business key of the object (the event's `subject`). */
  readonly businessKey: string;
  /** Revision of the object or sequence of the event: the same fact re-sent gives the same key, a new revision a new one. */
  readonly revision: string;
}

/**
 * Deterministic idempotency key: UUID v5 over source system, object type,
 * business key and revision. The same input always gives the same key, so a
 * consumer can drop re-deliveries by key.
 *
 * @example
 * ```ts
 * import { idempotencyKey } from "@mfgsync/canonical";
 * const key = idempotencyKey({ source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.lot.created.v1", businessKey: "0000012345", revision: "1" });
 * ```
 */
export function idempotencyKey(input: IdempotencyKeyInput): string {
  // A JSON array is an unambiguous encoding: no separator inside a part can make two inputs collide.
  return uuidV5(JSON.stringify([input.source, input.objectType, input.businessKey, input.revision]), IDEMPOTENCY_NAMESPACE);
}

/**
 * What a caller provides to {@link safeCreateEvent}; the envelope fields
 * with fixed or derived values (`specversion`, `id`, `type`,
 * `datacontenttype`, `dataschema`) are filled in.
 *
 * @example
 * ```ts
 * import type { EventInput } from "@mfgsync/canonical";
 * ```
 */
export interface EventInput<N extends EventName> {
  /** Emitting system instance, a URI-reference such as `urn:mfgsync:sap-s4hana:S4P-100`. */
  readonly source: string;
  /** Business key the event is about. */
  readonly subject: string;
  /** When the fact happened (RFC 3339 with offset). */
  readonly time: string;
  /** Per-subject sequence number, from 1. */
  readonly sequence: number | string;
  /** Correlation id of the business transaction. */
  readonly correlationId: string;
  /** Revision of the object, when the source has one (SAP change timestamp); defaults to `sequence` for the idempotency key. */
  readonly revision?: string;
  /** Partition key; defaults to nothing (transports then usually use the subject). */
  readonly partitionKey?: string;
  /** W3C traceparent. */
  readonly traceparent?: string;
  /** The payload. */
  readonly data: z.input<(typeof EVENT_DEFINITIONS)[N]["data"]>;
}

/**
 * Builds and validates a canonical CloudEvents 1.0 event. Never throws.
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
  const definition = Object.hasOwn(EVENT_DEFINITIONS, name) ? (EVENT_DEFINITIONS as Record<string, { type: string }>)[name] : undefined;
  if (!definition || typeof input !== "object" || input === null) {
    return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: definition ? "event input must be an object" : `unknown event ${quote(name)}` }] };
  }
  const sequence = typeof input.sequence === "number" ? String(input.sequence) : input.sequence;
  const event: Record<string, unknown> = {
    specversion: "1.0",
    id: idempotencyKey({ source: String(input.source), objectType: definition.type, businessKey: String(input.subject), revision: String(input.revision ?? sequence) }),
    source: input.source,
    type: definition.type,
    subject: input.subject,
    time: input.time,
    datacontenttype: "application/json",
    dataschema: `${SCHEMA_BASE_URI}${name}.schema.json`,
    correlationid: input.correlationId,
    sequence,
    ...(input.partitionKey === undefined ? {} : { partitionkey: input.partitionKey }),
    ...(input.traceparent === undefined ? {} : { traceparent: input.traceparent }),
    data: input.data,
  };
  return eventParsers[name].safeParse(event) as Result<CanonicalEventOf<N>>;
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

const eventParsers = Object.fromEntries(
  Object.entries(EventSchemas).map(([name, schema]) => [name, makeParsers(schema as z.ZodType, `${name} event`)]),
) as { [K in EventName]: ReturnType<typeof makeParsers<(typeof EventSchemas)[K]>> };

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
  const parsers = Object.hasOwn(eventParsers, name) ? (eventParsers as Record<string, (typeof eventParsers)[EventName]>)[name] : undefined;
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
