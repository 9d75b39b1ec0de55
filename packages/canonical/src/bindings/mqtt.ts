import type { CanonicalEvent } from "../events/catalog.js";
import { CLOUDEVENTS_ATTRIBUTE_NAME } from "../events/catalog.js";
import type { ReadOptions, ReadValue } from "../read.js";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES, toJsonPointer } from "../result.js";
import {
  AttributeCollector, BINDING_ISSUE_CODES, CLOUDEVENTS_JSON_CONTENT_TYPE, contentKind, contextAttributes, dataContentType, dataText, failure, jsonBody, messageRecord,
  readAssembled, readStructuredValue, specVersionIssue, structuredBody, utf8,
} from "./shared.js";

// CloudEvents MQTT protocol binding 1.0.2. MQTT 5: binary mode (attributes
// as User Properties named as the attribute, datacontenttype as the Content
// Type property, the payload is the data) and structured mode (Content Type
// application/cloudevents+json). MQTT 3.1.1 has no properties: structured
// mode only, the payload being the event in the JSON format.

/**
 * An MQTT PUBLISH carrying one event: the payload (UTF-8 JSON) and the MQTT 5
 * properties, named as mqtt.js names them (`client.publish(topic, payload, {
 * properties })`). Over MQTT 3.1.1 send the payload of {@link toMqttStructured}
 * alone.
 *
 * @example
 * ```ts
 * import { toMqttBinary, type MqttMessage, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const message: MqttMessage = toMqttBinary(event);
 * message.properties.userProperties?.["type"]; // the event type
 * ```
 */
export interface MqttMessage {
  /** The data (binary mode) or the whole event (structured mode), JSON in UTF-8. */
  readonly payload: Uint8Array;
  /** MQTT 5 PUBLISH properties. */
  readonly properties: {
    /** The Content Type property: `datacontenttype` (binary mode) or the CloudEvents JSON format (structured mode). */
    readonly contentType: string;
    /** User Properties: every other attribute (binary mode only). */
    readonly userProperties?: Readonly<Record<string, string>>;
  };
}

/**
 * A received MQTT message as mqtt.js gives it (`client.on("message", (topic,
 * payload, packet) => ...)`: `{ payload, properties: packet.properties }`);
 * user property values may be lists when a name repeats. Without properties
 * (MQTT 3.1.1) the payload is read as a structured event.
 *
 * @example
 * ```ts
 * import type { MqttMessageInput } from "@mfgsync/canonical";
 * const message: MqttMessageInput = { payload: "{}", properties: { contentType: "application/cloudevents+json" } };
 * ```
 */
export interface MqttMessageInput {
  /** The payload: bytes (mqtt.js gives a `Buffer`), text, or JSON already parsed. */
  readonly payload?: unknown;
  /** The MQTT 5 PUBLISH properties, when there are any. */
  readonly properties?: {
    readonly contentType?: string | null;
    readonly userProperties?: Readonly<Record<string, string | readonly string[]>> | null;
  } | null;
}

/**
 * The MQTT 5 message of an event in binary content mode: every context
 * attribute as a User Property of the same name, `datacontenttype` as the
 * Content Type property, the data as the payload. Integer and boolean
 * extension attributes travel as text and are read back as strings.
 *
 * @example
 * ```ts
 * import { createEvent, toMqttBinary } from "@mfgsync/canonical";
 * const event = createEvent("operation-completed", {
 *   source: "urn:mfgsync:mes:line-3", subject: "1000123", time: "2026-03-02T14:05:00+01:00", sequence: 9, correlationId: "shift-A",
 *   data: { order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0010", occurredAt: "2026-03-02T14:05:00+01:00" },
 * });
 * const { payload, properties } = toMqttBinary(event);
 * // mqtt.js: client.publish(`plants/1010/orders/${event.subject}`, Buffer.from(payload), { qos: 1, properties });
 * ```
 */
export function toMqttBinary(event: CanonicalEvent): MqttMessage {
  const userProperties: Record<string, string> = {};
  for (const [name, value] of contextAttributes(event)) if (name !== "datacontenttype") userProperties[name] = value;
  return { payload: utf8(dataText(event)), properties: { contentType: event.datacontenttype ?? "application/json", userProperties } };
}

/**
 * The MQTT message of an event in structured content mode: the event in the
 * CloudEvents JSON format as the payload, Content Type
 * `application/cloudevents+json; charset=utf-8` (MQTT 5). Over MQTT 3.1.1,
 * which has no properties, publish the payload alone. Keeps the types of
 * extension attributes.
 *
 * @example
 * ```ts
 * import { toMqttStructured, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const { payload, properties } = toMqttStructured(event);
 * ```
 */
export function toMqttStructured(event: CanonicalEvent): MqttMessage {
  return { payload: utf8(JSON.stringify(event)), properties: { contentType: CLOUDEVENTS_JSON_CONTENT_TYPE } };
}

const USER_PROPERTIES = "/properties/userProperties";

/** User properties that name CloudEvents attributes (others belong to the application and are left alone), or issues. */
function attributeProperties(properties: unknown): Result<AttributeCollector> {
  const attributes = new AttributeCollector();
  if (properties === undefined || properties === null) return { ok: true, value: attributes };
  if (typeof properties !== "object" || Array.isArray(properties)) return { ok: false, issues: [{ path: USER_PROPERTIES, code: ISSUE_CODES.invalidType, message: "userProperties must be a record of names and values" }] };
  const issues: Issue[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    // "data" is the payload, never a property.
    if (!CLOUDEVENTS_ATTRIBUTE_NAME.test(name) || name === "data" || raw === undefined || raw === null) continue;
    const path = toJsonPointer(["properties", "userProperties", name]);
    const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    for (const value of values) {
      // Numbers and booleans: what in-memory messages such as the cloudevents SDK's hold; on the wire they are UTF-8 strings.
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") attributes.add(name, String(value), path, name);
      else issues.push({ path, code: ISSUE_CODES.invalidType, message: `user property ${name} must be a string` });
    }
  }
  attributes.issues.push(...issues);
  return { ok: true, value: attributes };
}

function readBinary(attributes: AttributeCollector, contentType: string | undefined, payload: unknown, options: ReadOptions | undefined): Result<ReadValue<CanonicalEvent>> {
  const version = specVersionIssue(attributes.event["specversion"], `${USER_PROPERTIES}/specversion`);
  if (version) attributes.issues.push(version);
  const type = contentType === undefined ? undefined : dataContentType(contentType, "/properties/contentType");
  if (type?.ok) attributes.add("datacontenttype", type.value, "/properties/contentType", "Content Type");
  else if (type) attributes.issues.push(...type.issues);
  const data = type === undefined || type.ok ? jsonBody(payload, "/payload") : undefined;
  if (data && !data.ok) attributes.issues.push(...data.issues);
  if (attributes.issues.length > 0) return failure(attributes.issues);
  if (data?.ok && data.value !== undefined) attributes.event["data"] = data.value;
  return readAssembled(attributes.event, options, attributes.origin);
}

/**
 * Reads a canonical event from an MQTT message: MQTT 5 binary mode (a
 * `specversion` User Property), MQTT 5 structured mode (Content Type
 * `application/cloudevents+json`) or MQTT 3.1.1 (no properties: the payload
 * is the event in the JSON format), strictly or leniently as
 * {@link safeReadEvent}. User properties that are not CloudEvents attribute
 * names belong to the application and are not read. Never throws: issues
 * about the message point into it (`/properties/userProperties/time`,
 * `/payload`), issues about the event use the event's paths.
 *
 * @example
 * ```ts
 * import { safeReadMqttEvent } from "@mfgsync/canonical";
 * // mqtt.js: client.on("message", (topic, payload, packet) => { ... })
 * declare const payload: Uint8Array;
 * declare const packet: { properties?: { contentType?: string; userProperties?: Record<string, string | string[]> } };
 * const read = safeReadMqttEvent({ payload, properties: packet.properties });
 * if (read.ok) console.log(read.value.value.subject);
 * ```
 */
export function safeReadMqttEvent(message: MqttMessageInput, options?: ReadOptions): Result<ReadValue<CanonicalEvent>> {
  const record = messageRecord(message, "an MQTT message");
  if (!record.ok) return record;
  const properties = record.value["properties"];
  if (properties !== undefined && properties !== null && (typeof properties !== "object" || Array.isArray(properties))) {
    return { ok: false, issues: [{ path: "/properties", code: ISSUE_CODES.invalidType, message: "properties must be an object" }] };
  }
  const props = (properties ?? {}) as { contentType?: unknown; userProperties?: unknown };
  if (props.contentType !== undefined && props.contentType !== null && typeof props.contentType !== "string") {
    return { ok: false, issues: [{ path: "/properties/contentType", code: ISSUE_CODES.invalidType, message: "contentType must be a string" }] };
  }
  const contentType = typeof props.contentType === "string" ? props.contentType : undefined;
  const attributes = attributeProperties(props.userProperties);
  if (!attributes.ok) return attributes;
  const payload = record.value["payload"];
  const kind = contentKind(contentType);
  if (kind === "batch") return { ok: false, issues: [{ path: "/properties/contentType", code: BINDING_ISSUE_CODES.unsupportedContentType, message: "the MQTT binding has no batch mode: publish one event per message" }] };
  if (kind === "binary" && (contentType !== undefined || attributes.value.event["specversion"] !== undefined)) {
    if (attributes.value.event["specversion"] === undefined) {
      return { ok: false, issues: [{ path: `${USER_PROPERTIES}/specversion`, code: BINDING_ISSUE_CODES.notAnEvent, message: "not a CloudEvents message: no specversion user property (binary mode) and the content type is not application/cloudevents+json (structured mode)" }] };
    }
    return readBinary(attributes.value, contentType, payload, options);
  }
  // Structured mode; without a content type (MQTT 3.1.1) the JSON format is assumed.
  const value = structuredBody(contentType ?? CLOUDEVENTS_JSON_CONTENT_TYPE, "/properties/contentType", payload, "/payload");
  if (!value.ok) return value;
  if (contentType === undefined && (value.value === null || typeof value.value !== "object" || !("specversion" in value.value))) {
    return { ok: false, issues: [{ path: "/payload", code: BINDING_ISSUE_CODES.notAnEvent, message: "not a CloudEvents message: no content type, and the payload is not an event in the JSON format (no specversion)" }] };
  }
  return readStructuredValue(value.value, options);
}

/**
 * Throwing variant of {@link safeReadMqttEvent}.
 *
 * @throws {@link CanonicalValidationError} when the message does not carry a valid canonical event.
 * @example
 * ```ts
 * import { readMqttEvent, toMqttStructured, type CanonicalEvent } from "@mfgsync/canonical";
 * declare const event: CanonicalEvent;
 * const { value } = readMqttEvent({ payload: toMqttStructured(event).payload }); // MQTT 3.1.1: no properties
 * ```
 */
export function readMqttEvent(message: MqttMessageInput, options?: ReadOptions): ReadValue<CanonicalEvent> {
  const result = safeReadMqttEvent(message, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "MQTT event message");
  return result.value;
}
