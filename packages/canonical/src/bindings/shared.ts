import type { CanonicalEvent } from "../events/catalog.js";
import { CLOUDEVENTS_ATTRIBUTE_NAME } from "../events/catalog.js";
import { quote } from "../quote.js";
import type { ReadOptions, ReadValue } from "../read.js";
import { safeReadEvent } from "../read.js";
import type { Issue, Result } from "../result.js";
import { ISSUE_CODES } from "../result.js";

// What the HTTP, Kafka and MQTT bindings share: the codes of what can be wrong
// with a message (as opposed to the event it carries), UTF-8 with TextEncoder and TextDecoder only,
// media types, and the assembly of attributes and data into an event that is
// then read exactly as safeReadEvent reads a structured JSON event.

/**
 * Stable codes of the issues the protocol bindings report about a message
 * itself (its headers, properties and body), before the event it carries is
 * validated. Issues about the event use {@link ISSUE_CODES}, at the event's
 * JSON Pointer paths (`/time`, `/data/lot/id`), whatever the binding.
 *
 * @example
 * ```ts
 * import { BINDING_ISSUE_CODES, safeReadHttpEvent } from "@mfgsync/canonical";
 * const r = safeReadHttpEvent({ headers: { "content-type": "application/json" }, body: "{}" });
 * if (!r.ok) console.log(r.issues[0].code === BINDING_ISSUE_CODES.notAnEvent); // true
 * ```
 */
export const BINDING_ISSUE_CODES = {
  /** The message is not a CloudEvents message: neither a `specversion` attribute (binary mode) nor a CloudEvents content type (structured mode). */
  notAnEvent: "message.not-cloudevent",
  /** A `specversion` other than `1.0`. */
  unsupportedSpecVersion: "specversion.unsupported",
  /** A header or property value that is not valid percent-encoding or not valid UTF-8. */
  invalidHeaderEncoding: "header.invalid-encoding",
  /** The same attribute given more than once with different values. */
  duplicateHeader: "header.duplicate",
  /** A body that is not JSON. */
  invalidBody: "body.invalid-json",
  /** A body whose bytes are not valid UTF-8. */
  invalidBodyEncoding: "body.invalid-encoding",
  /** A content type mfgsync events do not use: data that is not `application/json`, a structured format that is not JSON, or batch mode where the binding has none. */
  unsupportedContentType: "content-type.unsupported",
} as const;

/**
 * Content type of the CloudEvents JSON format (structured mode), as the
 * bindings write it (charset names are case-insensitive; lower case is what
 * the cloudevents SDK matches exactly).
 *
 * @example
 * ```ts
 * import { CLOUDEVENTS_JSON_CONTENT_TYPE } from "@mfgsync/canonical";
 * CLOUDEVENTS_JSON_CONTENT_TYPE; // "application/cloudevents+json; charset=utf-8"
 * ```
 */
export const CLOUDEVENTS_JSON_CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

/**
 * Content type of the CloudEvents JSON batch format (HTTP batch mode), as
 * {@link toHttpBatch} writes it.
 *
 * @example
 * ```ts
 * import { CLOUDEVENTS_BATCH_CONTENT_TYPE } from "@mfgsync/canonical";
 * CLOUDEVENTS_BATCH_CONTENT_TYPE; // "application/cloudevents-batch+json; charset=utf-8"
 * ```
 */
export const CLOUDEVENTS_BATCH_CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

const encoder = new TextEncoder();
// fatal: bytes that are not UTF-8 are refused, never replaced by U+FFFD.
const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes of a string. Internal. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The string of UTF-8 bytes, or undefined when they are not UTF-8. Internal. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a value is bytes (a Uint8Array, Node Buffers included) or an ArrayBuffer. */
export function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

/** The event's context attributes in order, as strings (the CloudEvents canonical string form of integers and booleans). Internal. */
export function contextAttributes(event: CanonicalEvent): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(event)) {
    if (name === "data" || name === "data_base64" || value === undefined || value === null) continue;
    out.push([name, typeof value === "string" ? value : String(value)]);
  }
  return out;
}

/** The data of an event as JSON text (its `datacontenttype` is always `application/json`). Internal. */
export function dataText(event: CanonicalEvent): string {
  return JSON.stringify(event.data);
}

/** The media type of a Content-Type value: lower-case essence and parameters. Internal. */
export function mediaType(value: string): { essence: string; params: Record<string, string> } {
  const [essence = "", ...rest] = value.split(";");
  const params: Record<string, string> = {};
  for (const part of rest) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    params[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { essence: essence.trim().toLowerCase(), params };
}

function isUtf8Charset(params: Record<string, string>): boolean {
  const charset = params["charset"];
  return charset === undefined || charset.toLowerCase() === "utf-8";
}

/** What a Content-Type says about the message: CloudEvents structured JSON, a JSON batch, or binary mode data. Internal. */
export type ContentKind = "structured" | "batch" | "binary";

/** Classifies a Content-Type value (absent: binary). Internal. */
export function contentKind(contentType: string | undefined): ContentKind {
  if (contentType === undefined) return "binary";
  const { essence } = mediaType(contentType);
  if (essence.startsWith("application/cloudevents-batch")) return "batch";
  if (essence.startsWith("application/cloudevents")) return "structured";
  return "binary";
}

/** Issue for a structured or batch content type whose format is not JSON (`application/cloudevents+xml`). Internal. */
export function structuredFormatIssue(contentType: string, path: string): Issue | undefined {
  const { essence, params } = mediaType(contentType);
  if ((essence === "application/cloudevents+json" || essence === "application/cloudevents-batch+json") && isUtf8Charset(params)) return undefined;
  return { path, code: BINDING_ISSUE_CODES.unsupportedContentType, message: `content type ${quote(contentType)}: mfgsync reads the CloudEvents JSON format (application/cloudevents+json, UTF-8) only` };
}

/** The `datacontenttype` a binary-mode content type stands for: `application/json` (charset UTF-8 or none), else an issue. Internal. */
export function dataContentType(contentType: string, path: string): Result<string> {
  const { essence, params } = mediaType(contentType);
  if (essence === "application/json" && isUtf8Charset(params) && Object.keys(params).every((p) => p === "charset")) return { ok: true, value: "application/json" };
  return { ok: false, issues: [{ path, code: BINDING_ISSUE_CODES.unsupportedContentType, message: `data content type ${quote(contentType)}: mfgsync events carry JSON data (application/json)` }] };
}

/** Parses a body (text, UTF-8 bytes or JSON already parsed by a framework); absent or empty bodies are `undefined`. Internal. */
export function jsonBody(body: unknown, path: string): Result<unknown> {
  if (body === undefined || body === null) return { ok: true, value: undefined };
  let text: string | undefined;
  if (typeof body === "string") text = body;
  else {
    const bytes = asBytes(body);
    if (!bytes) return { ok: true, value: body };
    text = fromUtf8(bytes);
    if (text === undefined) return { ok: false, issues: [{ path, code: BINDING_ISSUE_CODES.invalidBodyEncoding, message: "the body is not valid UTF-8" }] };
  }
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path, code: BINDING_ISSUE_CODES.invalidBody, message: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** Issue for an attribute whose `specversion` is not 1.0, or undefined. Internal. */
export function specVersionIssue(specversion: unknown, path: string): Issue | undefined {
  if (specversion === undefined || specversion === "1.0") return undefined;
  return { path, code: BINDING_ISSUE_CODES.unsupportedSpecVersion, message: `CloudEvents specversion ${quote(specversion)} is not supported; expected "1.0"` };
}

/**
 * Collects attributes read from headers or properties into an event record,
 * refusing names that are not CloudEvents attribute names (which also keeps
 * `__proto__` and friends out). Internal.
 */
export class AttributeCollector {
  readonly event: Record<string, unknown> = {};
  readonly issues: Issue[] = [];
  /** Where each attribute came from (a header name), for messages. */
  readonly origin = new Map<string, string>();

  add(name: string, value: string, path: string, header: string): void {
    if (name === "data") {
      this.issues.push({ path, code: ISSUE_CODES.invalidAttributeName, message: `${quote(header)}: the data is the message body, never a header` });
      return;
    }
    if (!CLOUDEVENTS_ATTRIBUTE_NAME.test(name)) {
      this.issues.push({ path, code: ISSUE_CODES.invalidAttributeName, message: `${quote(header)} does not name a CloudEvents attribute: attribute names are lower-case letters and digits, at most 20 characters` });
      return;
    }
    if (this.origin.has(name) && this.event[name] !== value) {
      this.issues.push({ path, code: BINDING_ISSUE_CODES.duplicateHeader, message: `attribute ${quote(name)} is given twice (${quote(this.origin.get(name))} and ${quote(header)}) with different values` });
      return;
    }
    this.event[name] = value;
    this.origin.set(name, header);
  }
}

/**
 * Reads an assembled event as {@link safeReadEvent} does; messages of issues
 * about an attribute name the header or property it came from. Internal.
 */
export function readAssembled(event: unknown, options: ReadOptions | undefined, origin?: ReadonlyMap<string, string>): Result<ReadValue<CanonicalEvent>> {
  const result = safeReadEvent(event, options);
  if (result.ok || !origin || origin.size === 0) return result;
  const issues = result.issues.map((issue) => {
    const attribute = /^\/([a-z0-9]+)$/.exec(issue.path)?.[1];
    const from = attribute === undefined ? undefined : origin.get(attribute);
    return from === undefined ? issue : { ...issue, message: `${issue.message} (from ${quote(from)})` };
  });
  return { ok: false, issues: issues as [Issue, ...Issue[]] };
}

/** A failed result from collected issues. Internal. */
export function failure(issues: readonly Issue[]): { ok: false; issues: [Issue, ...Issue[]] } {
  const [first, ...rest] = issues;
  return { ok: false, issues: first ? [first, ...rest] : [{ path: "", code: ISSUE_CODES.invalidValue, message: "invalid message" }] };
}

/** The message as a record, or an issue when it is not an object. Internal. */
export function messageRecord(message: unknown, what: string): Result<Record<string, unknown>> {
  if (message === null || typeof message !== "object" || Array.isArray(message)) {
    return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidType, message: `${what} must be an object` }] };
  }
  return { ok: true, value: message as Record<string, unknown> };
}

/** Reads one event in the JSON format, prefixing issue paths (batch members). Internal. */
export function readStructuredValue(value: unknown, options: ReadOptions | undefined, prefix = ""): Result<ReadValue<CanonicalEvent>> {
  const specversion = value !== null && typeof value === "object" ? (value as { specversion?: unknown }).specversion : undefined;
  const version = specVersionIssue(specversion, `${prefix}/specversion`);
  if (version) return { ok: false, issues: [version] };
  const result = readAssembled(value, options);
  if (result.ok || prefix === "") return result;
  return failure(result.issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` })));
}

/** The JSON body of a structured or batch message, or issues. Internal. */
export function structuredBody(contentType: string, contentTypePath: string, body: unknown, bodyPath: string): Result<unknown> {
  const format = structuredFormatIssue(contentType, contentTypePath);
  if (format) return { ok: false, issues: [format] };
  const parsed = jsonBody(body, bodyPath);
  if (parsed.ok && parsed.value === undefined) return { ok: false, issues: [{ path: bodyPath, code: ISSUE_CODES.required, message: "the body is empty: a structured-mode message carries the event in its body" }] };
  return parsed;
}
