import type { CanonicalEvent } from "../events/catalog.js";
import type { ReadOptions, ReadValue } from "../read.js";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES, toJsonPointer } from "../result.js";
import {
  AttributeCollector, BINDING_ISSUE_CODES, CLOUDEVENTS_JSON_CONTENT_TYPE, asBytes, contentKind, contextAttributes, dataContentType, dataText, failure, fromUtf8,
  jsonBody, messageRecord, readAssembled, readStructuredValue, specVersionIssue, structuredBody, utf8,
} from "./shared.js";

// CloudEvents Kafka protocol binding 1.0.2: binary mode (attributes in ce_
// headers as UTF-8 bytes, content-type header as datacontenttype, the value is
// the data) and structured mode (the value is the event in the JSON format).
// The message key is the event's partition key: its partitionkey attribute
// (CloudEvents Partitioning extension), by default its subject.

/**
 * A Kafka record carrying one event: key, value and header values as bytes,
 * header names as the Kafka binding spells them (`ce_id`, `content-type`).
 * Kafka clients take these as they are or through their byte type (kafkajs
 * and node-rdkafka: `Buffer.from(bytes)` in Node).
 *
 * @example
 * ```ts
 * import { toKafkaBinary, type KafkaMessage, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const record: KafkaMessage = toKafkaBinary(event);
 * new TextDecoder().decode(record.key); // the event's partition key
 * ```
 */
export interface KafkaMessage {
  /** The partition key (UTF-8): the event's `partitionkey`, else its `subject`. */
  readonly key: Uint8Array;
  /** The data (binary mode) or the whole event (structured mode), JSON in UTF-8. */
  readonly value: Uint8Array;
  /** Header names and values (UTF-8). */
  readonly headers: Readonly<Record<string, Uint8Array>>;
}

/**
 * A header value as Kafka clients hand them over: bytes (kafkajs' and
 * node-rdkafka's `Buffer`s are `Uint8Array`s), text, or several values.
 * Numbers and booleans are what in-memory records such as the cloudevents
 * SDK's hold.
 *
 * @example
 * ```ts
 * import type { KafkaHeaderValue } from "@mfgsync/canonical";
 * const value: KafkaHeaderValue = new TextEncoder().encode("1.0");
 * ```
 */
export type KafkaHeaderValue = Uint8Array | string | number | boolean | readonly (Uint8Array | string)[] | null | undefined;

/**
 * A received Kafka record: `headers` as a record (kafkajs) or a list of
 * one-header records (node-rdkafka, Confluent's client); `key` and `value` as
 * bytes or text (a value may also be JSON a deserializer has already parsed).
 *
 * @example
 * ```ts
 * import type { KafkaMessageInput } from "@mfgsync/canonical";
 * const record: KafkaMessageInput = { key: "1000123", value: "{}", headers: [{ ce_specversion: "1.0" }] };
 * ```
 */
export interface KafkaMessageInput {
  /** The record key; becomes the event's `partitionkey` when the record has no `ce_partitionkey` header and the key is not the subject. */
  readonly key?: Uint8Array | string | null;
  /** The record value. */
  readonly value?: unknown;
  /** The record headers. */
  readonly headers?: Readonly<Record<string, KafkaHeaderValue>> | readonly Readonly<Record<string, KafkaHeaderValue>>[] | null;
}

/**
 * The key an ordered transport partitions an event by: its `partitionkey`
 * attribute when it has one, else its `subject` (the business key, so that
 * the events of one order or lot stay in order).
 *
 * @example
 * ```ts
 * import { eventPartitionKey, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const key = eventPartitionKey(event); // event.partitionkey ?? event.subject
 * ```
 */
export function eventPartitionKey(event: CanonicalEvent): string {
  return event.partitionkey ?? event.subject;
}

/**
 * The Kafka record of an event in binary content mode: every context
 * attribute in a `ce_` header, `datacontenttype` in `content-type`, the data
 * as the value and {@link eventPartitionKey} as the key, all UTF-8 bytes.
 * Integer and boolean extension attributes travel as text and are read back
 * as strings.
 *
 * @example
 * ```ts
 * import { createEvent, toKafkaBinary } from "@mfgsync/canonical";
 * const event = createEvent("lot-disposition-changed", {
 *   source: "urn:mfgsync:qms:eu", subject: "0000012345", time: "2026-03-02T10:00:00Z", sequence: 2, correlationId: "NC-2026-0042",
 *   data: { lot: { value: "0000012345", scheme: "sap-s4hana" }, change: "Hold", to: { value: "Restricted" }, occurredAt: "2026-03-02T10:00:00Z" },
 * });
 * const { key, value, headers } = toKafkaBinary(event);
 * new TextDecoder().decode(headers["ce_type"]); // "dev.mfgsync.lot.dispositionchanged.v1"
 * ```
 */
export function toKafkaBinary(event: CanonicalEvent): KafkaMessage {
  const headers: Record<string, Uint8Array> = { "content-type": utf8(event.datacontenttype ?? "application/json") };
  for (const [name, value] of contextAttributes(event)) if (name !== "datacontenttype") headers[`ce_${name}`] = utf8(value);
  return { key: utf8(eventPartitionKey(event)), value: utf8(dataText(event)), headers };
}

/**
 * The Kafka record of an event in structured content mode: the event in the
 * CloudEvents JSON format as the value, `content-type:
 * application/cloudevents+json; charset=utf-8`, and {@link eventPartitionKey}
 * as the key. Keeps the types of extension attributes.
 *
 * @example
 * ```ts
 * import { toKafkaStructured, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const { key, value, headers } = toKafkaStructured(event);
 * ```
 */
export function toKafkaStructured(event: CanonicalEvent): KafkaMessage {
  return { key: utf8(eventPartitionKey(event)), value: utf8(JSON.stringify(event)), headers: { "content-type": utf8(CLOUDEVENTS_JSON_CONTENT_TYPE) } };
}

function headerText(value: Uint8Array | string | number | boolean): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fromUtf8(value);
}

/** Header names (lower case) and values as text, or issues. */
function headerMap(headers: unknown): Result<Map<string, string>> {
  const out = new Map<string, string>();
  const issues: Issue[] = [];
  if (headers === undefined || headers === null) return { ok: true, value: out };
  if (typeof headers !== "object") return { ok: false, issues: [{ path: "/headers", code: ISSUE_CODES.invalidType, message: "headers must be a record or a list of records of header names and values" }] };
  const records = (Array.isArray(headers) ? headers : [headers]) as unknown[];
  for (const record of records) {
    if (record === null || typeof record !== "object") {
      issues.push({ path: "/headers", code: ISSUE_CODES.invalidType, message: "a header list holds records of header names and values" });
      continue;
    }
    for (const [rawName, raw] of Object.entries(record)) {
      const name = rawName.toLowerCase();
      const path = toJsonPointer(["headers", name]);
      if (raw === undefined || raw === null) continue;
      const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
      for (const one of values) {
        const bytes = asBytes(one);
        if (!bytes && typeof one !== "string" && typeof one !== "number" && typeof one !== "boolean") {
          issues.push({ path, code: ISSUE_CODES.invalidType, message: `header ${name} must be bytes or text` });
          continue;
        }
        const text = headerText(bytes ?? (one as string | number | boolean));
        if (text === undefined) issues.push({ path, code: BINDING_ISSUE_CODES.invalidHeaderEncoding, message: `header ${name} is not valid UTF-8` });
        else if (out.has(name) && out.get(name) !== text) issues.push({ path, code: BINDING_ISSUE_CODES.duplicateHeader, message: `header ${name} is given more than once with different values` });
        else out.set(name, text);
      }
    }
  }
  return issues.length > 0 ? failure(issues) : { ok: true, value: out };
}

/** The key as text; keys that are not UTF-8 (hashed or schema-encoded keys) cannot be a partition key and are left aside. */
function keyText(key: unknown): string | undefined {
  if (typeof key === "string") return key === "" ? undefined : key;
  const bytes = asBytes(key);
  const text = bytes ? fromUtf8(bytes) : undefined;
  return text === "" ? undefined : text;
}

/** Sets `partitionkey` from the record key when no attribute gave one and the key is not the subject (the default). */
function keyAsPartitionKey(event: Record<string, unknown>, key: string | undefined, origin?: Map<string, string>): void {
  if (key === undefined || event["partitionkey"] !== undefined || event["subject"] === key) return;
  event["partitionkey"] = key;
  origin?.set("partitionkey", "key");
}

function readBinary(headers: ReadonlyMap<string, string>, message: Record<string, unknown>, options: ReadOptions | undefined): Result<ReadValue<CanonicalEvent>> {
  if (!headers.has("ce_specversion")) {
    return { ok: false, issues: [{ path: "/headers/ce_specversion", code: BINDING_ISSUE_CODES.notAnEvent, message: "not a CloudEvents record: no ce_specversion header (binary mode) and the content-type is not application/cloudevents+json (structured mode)" }] };
  }
  const attributes = new AttributeCollector();
  for (const [name, value] of headers) if (name.startsWith("ce_")) attributes.add(name.slice(3), value, toJsonPointer(["headers", name]), name);
  const version = specVersionIssue(attributes.event["specversion"], "/headers/ce_specversion");
  if (version) attributes.issues.push(version);
  const contentType = headers.get("content-type");
  const type = contentType === undefined ? undefined : dataContentType(contentType, "/headers/content-type");
  if (type?.ok) attributes.add("datacontenttype", type.value, "/headers/content-type", "content-type");
  else if (type) attributes.issues.push(...type.issues);
  const data = type === undefined || type.ok ? jsonBody(message["value"], "/value") : undefined;
  if (data && !data.ok) attributes.issues.push(...data.issues);
  if (attributes.issues.length > 0) return failure(attributes.issues);
  if (data?.ok && data.value !== undefined) attributes.event["data"] = data.value;
  keyAsPartitionKey(attributes.event, keyText(message["key"]), attributes.origin);
  return readAssembled(attributes.event, options, attributes.origin);
}

/**
 * Reads a canonical event from a Kafka record in binary or structured mode
 * (told apart by the `content-type` header), strictly or leniently as
 * {@link safeReadEvent}. The record key becomes the event's `partitionkey`
 * when no `ce_partitionkey` header says otherwise and the key is not the
 * subject, so that no ordering key is lost; keys that are not UTF-8 text are
 * left aside. Never throws: issues about the record point into it
 * (`/headers/ce_time`, `/value`), issues about the event use the event's paths.
 *
 * @example
 * ```ts
 * import { safeReadKafkaEvent } from "@mfgsync/canonical";
 * // kafkajs: eachMessage: async ({ message }) => { ... }
 * declare const message: { key: Uint8Array | null; value: Uint8Array | null; headers?: Record<string, Uint8Array | string | undefined> };
 * const read = safeReadKafkaEvent(message);
 * if (read.ok) console.log(read.value.value.type);
 * else console.log(read.issues.map((i) => `${i.path} ${i.code}`));
 * ```
 */
export function safeReadKafkaEvent(message: KafkaMessageInput, options?: ReadOptions): Result<ReadValue<CanonicalEvent>> {
  const record = messageRecord(message, "a Kafka record");
  if (!record.ok) return record;
  const headers = headerMap(record.value["headers"]);
  if (!headers.ok) return headers;
  const contentType = headers.value.get("content-type");
  const kind = contentKind(contentType);
  if (kind === "binary") return readBinary(headers.value, record.value, options);
  if (kind === "batch") {
    return { ok: false, issues: [{ path: "/headers/content-type", code: BINDING_ISSUE_CODES.unsupportedContentType, message: "the Kafka binding has no batch mode: send one event per record" }] };
  }
  const value = structuredBody(contentType!, "/headers/content-type", record.value["value"], "/value");
  if (!value.ok) return value;
  const event = value.value !== null && typeof value.value === "object" && !Array.isArray(value.value) ? { ...(value.value as Record<string, unknown>) } : value.value;
  if (event !== value.value) keyAsPartitionKey(event as Record<string, unknown>, keyText(record.value["key"]));
  return readStructuredValue(event, options);
}

/**
 * Throwing variant of {@link safeReadKafkaEvent}.
 *
 * @throws {@link CanonicalValidationError} when the record does not carry a valid canonical event.
 * @example
 * ```ts
 * import { readKafkaEvent, toKafkaStructured, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const { value } = readKafkaEvent(toKafkaStructured(event));
 * ```
 */
export function readKafkaEvent(message: KafkaMessageInput, options?: ReadOptions): ReadValue<CanonicalEvent> {
  const result = safeReadKafkaEvent(message, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "Kafka event record");
  return result.value;
}
