import type { CanonicalEvent } from "../events/catalog.js";
import type { ReadOptions, ReadValue } from "../read.js";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES, toJsonPointer } from "../result.js";
import { percentDecode, percentEncode } from "./percent.js";
import {
  AttributeCollector, BINDING_ISSUE_CODES, CLOUDEVENTS_BATCH_CONTENT_TYPE, CLOUDEVENTS_JSON_CONTENT_TYPE, contentKind, contextAttributes, dataContentType, dataText,
  failure, jsonBody, messageRecord, readAssembled, readStructuredValue, specVersionIssue, structuredBody,
} from "./shared.js";

// CloudEvents HTTP protocol binding 1.0.2: binary mode (attributes in ce-*
// headers, percent-encoded; Content-Type is datacontenttype; the body is the
// data), structured mode (application/cloudevents+json) and batch mode
// (application/cloudevents-batch+json).

/**
 * An HTTP request or response carrying one event (or a batch): header names
 * in lower case, and the body as JSON text. Hand both to `fetch`, Node's
 * `http`, or any framework.
 *
 * @example
 * ```ts
 * import { toHttpBinary, type HttpMessage } from "@mfgsync/canonical";
 * declare const event: Parameters<typeof toHttpBinary>[0];
 * const message: HttpMessage = toHttpBinary(event);
 * await fetch("https://example.com/events", { method: "POST", headers: message.headers, body: message.body });
 * ```
 */
export interface HttpMessage {
  /** Header names (lower case) and values. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: the event's data (binary mode), the event (structured mode) or an array of events (batch mode), as JSON text. */
  readonly body: string;
}

/**
 * Headers a reader accepts: a WHATWG `Headers` object (fetch, Deno, edge
 * runtimes; anything with `forEach(value, name)`), or a plain record such as
 * Node's `IncomingHttpHeaders`. Names are matched case-insensitively.
 *
 * @example
 * ```ts
 * import type { HttpHeadersInput } from "@mfgsync/canonical";
 * const headers: HttpHeadersInput = { "ce-specversion": "1.0", "Content-Type": "application/json" };
 * ```
 */
export type HttpHeadersInput =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/**
 * A received HTTP message: its headers and its body as text, bytes
 * (`Uint8Array`, `ArrayBuffer`) or JSON a framework has already parsed.
 *
 * @example
 * ```ts
 * import type { HttpMessageInput } from "@mfgsync/canonical";
 * async function fromRequest(request: Request): Promise<HttpMessageInput> {
 *   return { headers: request.headers, body: await request.text() };
 * }
 * ```
 */
export interface HttpMessageInput {
  /** The message headers. */
  readonly headers: HttpHeadersInput;
  /** The body; absent or empty when there is none. */
  readonly body?: unknown;
}

/** Header names (lower case) and values of any accepted headers form, or issues. */
function headerMap(headers: unknown): Result<Map<string, string>> {
  const out = new Map<string, string>();
  const issues: Issue[] = [];
  const put = (name: string, value: string) => {
    const key = name.toLowerCase();
    const seen = out.get(key);
    if (seen !== undefined && seen !== value) {
      issues.push({ path: toJsonPointer(["headers", key]), code: BINDING_ISSUE_CODES.duplicateHeader, message: `header ${key} is given more than once with different values` });
    }
    out.set(key, value);
  };
  if (headers === null || typeof headers !== "object") {
    return { ok: false, issues: [{ path: "/headers", code: ISSUE_CODES.invalidType, message: "headers must be a Headers object or a record of header names and values" }] };
  }
  const iterable = headers as { forEach?: unknown };
  if (typeof iterable.forEach === "function" && !Array.isArray(headers)) {
    (iterable.forEach as (callback: (value: unknown, name: unknown) => void) => void).call(headers, (value, name) => put(String(name), String(value)));
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      // Numbers and booleans: what header records built in memory (the cloudevents SDK's) hold; on the wire they are text.
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") put(name, String(value));
      else if (Array.isArray(value) && value.every((v) => typeof v === "string")) for (const v of value as string[]) put(name, v);
      else issues.push({ path: toJsonPointer(["headers", name]), code: ISSUE_CODES.invalidType, message: `header ${name} must be a string` });
    }
  }
  return issues.length > 0 ? failure(issues) : { ok: true, value: out };
}

/**
 * The HTTP message of an event in binary content mode: every context
 * attribute in a `ce-` header (percent-encoded where the HTTP binding says
 * so), `datacontenttype` as `Content-Type`, and the data as the body.
 * Integer and boolean extension attributes travel as their string form and
 * are read back as strings (headers carry no types). Never throws for an event
 * from {@link createEvent} or a reader.
 *
 * @example
 * ```ts
 * import { createEvent, toHttpBinary } from "@mfgsync/canonical";
 * const event = createEvent("operation-started", {
 *   source: "urn:mfgsync:mes:line-3", subject: "1000123", time: "2026-03-02T06:31:00+01:00", sequence: 4, correlationId: "shift-A",
 *   data: { order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0010", occurredAt: "2026-03-02T06:31:00+01:00" },
 * });
 * const { headers, body } = toHttpBinary(event);
 * headers["ce-type"]; // "dev.mfgsync.operation.started.v1"
 * headers["ce-time"]; // "2026-03-02T06:31:00+01:00"
 * ```
 */
export function toHttpBinary(event: CanonicalEvent): HttpMessage {
  const headers: Record<string, string> = { "content-type": event.datacontenttype ?? "application/json" };
  for (const [name, value] of contextAttributes(event)) {
    if (name !== "datacontenttype") headers[`ce-${name}`] = percentEncode(value);
  }
  return { headers, body: dataText(event) };
}

/**
 * The HTTP message of an event in structured content mode: the whole event in
 * the CloudEvents JSON format as the body, `Content-Type:
 * application/cloudevents+json; charset=utf-8`. Keeps the types of extension
 * attributes.
 *
 * @example
 * ```ts
 * import { toHttpStructured, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const { headers, body } = toHttpStructured(event);
 * headers["content-type"]; // "application/cloudevents+json; charset=utf-8"
 * ```
 */
export function toHttpStructured(event: CanonicalEvent): HttpMessage {
  return { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: JSON.stringify(event) };
}

/**
 * The HTTP message of several events in batch content mode: a JSON array of
 * events, `Content-Type: application/cloudevents-batch+json; charset=utf-8`.
 *
 * @example
 * ```ts
 * import { toHttpBatch, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const events: CanonicalEvent[];
 * const { headers, body } = toHttpBatch(events);
 * ```
 */
export function toHttpBatch(events: readonly CanonicalEvent[]): HttpMessage {
  return { headers: { "content-type": CLOUDEVENTS_BATCH_CONTENT_TYPE }, body: JSON.stringify(events) };
}

function readBinary(headers: ReadonlyMap<string, string>, body: unknown, options: ReadOptions | undefined): Result<ReadValue<CanonicalEvent>> {
  if (!headers.has("ce-specversion")) {
    return { ok: false, issues: [{ path: "/headers/ce-specversion", code: BINDING_ISSUE_CODES.notAnEvent, message: "not a CloudEvents message: no ce-specversion header (binary mode) and the content type is not application/cloudevents+json (structured mode)" }] };
  }
  const attributes = new AttributeCollector();
  for (const [name, raw] of headers) {
    if (!name.startsWith("ce-")) continue;
    const path = toJsonPointer(["headers", name]);
    const value = percentDecode(raw);
    if (value === undefined) {
      attributes.issues.push({ path, code: BINDING_ISSUE_CODES.invalidHeaderEncoding, message: `header ${name} is not valid percent-encoded UTF-8` });
      continue;
    }
    attributes.add(name.slice(3), value, path, name);
  }
  const version = specVersionIssue(attributes.event["specversion"], "/headers/ce-specversion");
  if (version) attributes.issues.push(version);
  const contentType = headers.get("content-type");
  const type = contentType === undefined ? undefined : dataContentType(contentType, "/headers/content-type");
  if (type?.ok) attributes.add("datacontenttype", type.value, "/headers/content-type", "content-type");
  else if (type) attributes.issues.push(...type.issues);
  // Data of another content type is not parsed as JSON: its issue is the content type.
  const data = type === undefined || type.ok ? jsonBody(body, "/body") : undefined;
  if (data && !data.ok) attributes.issues.push(...data.issues);
  if (attributes.issues.length > 0) return failure(attributes.issues);
  if (data?.ok && data.value !== undefined) attributes.event["data"] = data.value;
  return readAssembled(attributes.event, options, attributes.origin);
}

function received(message: unknown): Result<{ headers: Map<string, string>; body: unknown }> {
  const record = messageRecord(message, "an HTTP message");
  if (!record.ok) return record;
  const headers = headerMap(record.value["headers"]);
  return headers.ok ? { ok: true, value: { headers: headers.value, body: record.value["body"] } } : headers;
}

/**
 * Reads a canonical event from an HTTP message in binary or structured mode
 * (told apart by `Content-Type`, as the HTTP binding says), strictly or
 * leniently as {@link safeReadEvent}. Never throws: a message that is not a
 * CloudEvent, an unsupported `specversion`, a header that is not valid
 * percent-encoded UTF-8, a body that is not JSON and an unknown event type
 * are issues. Issues about the message point into it (`/headers/ce-time`,
 * `/body`); issues about the event use the event's paths (`/time`,
 * `/data/lot/id`), in binary mode with the header named in the message.
 *
 * @example
 * ```ts
 * import { safeReadHttpEvent } from "@mfgsync/canonical";
 * async function handle(request: Request): Promise<Response> {
 *   const read = safeReadHttpEvent({ headers: request.headers, body: await request.text() });
 *   if (!read.ok) return Response.json(read.issues, { status: 400 });
 *   console.log(read.value.value.type);
 *   return new Response(null, { status: 202 });
 * }
 * ```
 */
export function safeReadHttpEvent(message: HttpMessageInput, options?: ReadOptions): Result<ReadValue<CanonicalEvent>> {
  const got = received(message);
  if (!got.ok) return got;
  const { headers, body } = got.value;
  const contentType = headers.get("content-type");
  const kind = contentKind(contentType);
  if (kind === "binary") return readBinary(headers, body, options);
  if (kind === "batch") {
    return { ok: false, issues: [{ path: "/headers/content-type", code: BINDING_ISSUE_CODES.unsupportedContentType, message: "this message is a batch of events: read it with safeReadHttpBatch" }] };
  }
  const value = structuredBody(contentType!, "/headers/content-type", body, "/body");
  return value.ok ? readStructuredValue(value.value, options) : value;
}

/**
 * Throwing variant of {@link safeReadHttpEvent}.
 *
 * @throws {@link CanonicalValidationError} when the message does not carry a valid canonical event.
 * @example
 * ```ts
 * import { readHttpEvent } from "@mfgsync/canonical";
 * try { readHttpEvent({ headers: {}, body: "" }); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function readHttpEvent(message: HttpMessageInput, options?: ReadOptions): ReadValue<CanonicalEvent> {
  const result = safeReadHttpEvent(message, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "HTTP event message");
  return result.value;
}

/**
 * Reads the events of an HTTP message in batch mode
 * (`application/cloudevents-batch+json`). Never throws; the issues of the
 * n-th event have paths under `/n` (`/2/time`).
 *
 * @example
 * ```ts
 * import { safeReadHttpBatch, toHttpBatch, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const events: CanonicalEvent[];
 * const read = safeReadHttpBatch(toHttpBatch(events));
 * if (read.ok) console.log(read.value.length === events.length); // true
 * ```
 */
export function safeReadHttpBatch(message: HttpMessageInput, options?: ReadOptions): Result<readonly ReadValue<CanonicalEvent>[]> {
  const got = received(message);
  if (!got.ok) return got;
  const contentType = got.value.headers.get("content-type");
  if (contentKind(contentType) !== "batch") {
    return { ok: false, issues: [{ path: "/headers/content-type", code: BINDING_ISSUE_CODES.unsupportedContentType, message: `content type ${contentType === undefined ? "missing" : JSON.stringify(contentType)}: a batch is application/cloudevents-batch+json (read single events with safeReadHttpEvent)` }] };
  }
  const value = structuredBody(contentType!, "/headers/content-type", got.value.body, "/body");
  if (!value.ok) return value;
  if (!Array.isArray(value.value)) return { ok: false, issues: [{ path: "/body", code: ISSUE_CODES.invalidType, message: "a batch body must be a JSON array of events" }] };
  const events: ReadValue<CanonicalEvent>[] = [];
  const issues: Issue[] = [];
  value.value.forEach((item: unknown, index) => {
    const read = readStructuredValue(item, options, `/${index}`);
    if (read.ok) events.push(read.value);
    else issues.push(...read.issues);
  });
  return issues.length > 0 ? failure(issues) : { ok: true, value: events };
}

/**
 * Throwing variant of {@link safeReadHttpBatch}.
 *
 * @throws {@link CanonicalValidationError} when the message is not a batch of valid canonical events.
 * @example
 * ```ts
 * import { readHttpBatch } from "@mfgsync/canonical";
 * const events = readHttpBatch({ headers: { "content-type": "application/cloudevents-batch+json" }, body: "[]" }); // []
 * ```
 */
export function readHttpBatch(message: HttpMessageInput, options?: ReadOptions): readonly ReadValue<CanonicalEvent>[] {
  const result = safeReadHttpBatch(message, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "HTTP batch message");
  return result.value;
}
