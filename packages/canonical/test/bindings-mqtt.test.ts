import { CloudEvent, MQTT } from "cloudevents";
import type { MQTTMessage } from "cloudevents";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MqttMessage } from "@mfgsync/canonical";
import {
  BINDING_ISSUE_CODES, CLOUDEVENTS_JSON_CONTENT_TYPE, CanonicalValidationError, ISSUE_CODES, readMqttEvent, safeReadMqttEvent, toMqttBinary, toMqttStructured,
} from "@mfgsync/canonical";
import { SAMPLE, anyEvent, withStringExtensions } from "./bindings-support.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const codes = (r: { ok: boolean; issues?: readonly { path: string; code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => [i.path, i.code]));

/** The cloudevents SDK's MQTT message shape from ours ("User Properties", PUBLISH["Content Type"]). */
function forSdk(message: MqttMessage): MQTTMessage {
  return { PUBLISH: { "Content Type": message.properties.contentType }, body: text(message.payload), payload: text(message.payload), headers: { ...message.properties.userProperties }, "User Properties": { ...message.properties.userProperties } } as MQTTMessage;
}

/** Ours (mqtt.js shape) from the SDK's, as a publisher sends it: the SDK's message holds undefined attributes and an unserialized payload. */
function fromSdk(message: MQTTMessage): { payload: unknown; properties: { contentType?: string; userProperties: Record<string, string> } } {
  const userProperties = Object.fromEntries(Object.entries(message.headers).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const contentType = message.PUBLISH?.["Content Type"];
  return { payload: typeof message.body === "string" ? message.body : JSON.stringify(message.body), properties: { ...(contentType === undefined ? {} : { contentType }), userProperties } };
}

describe("MQTT 5 binary mode", () => {
  it("puts every attribute in a User Property of its name and datacontenttype in Content Type; the payload is the data", () => {
    const { payload, properties } = toMqttBinary(SAMPLE);
    expect(properties.contentType).toBe("application/json");
    expect(properties.userProperties).toEqual({
      specversion: "1.0", id: SAMPLE.id, source: SAMPLE.source, type: SAMPLE.type, subject: SAMPLE.subject, time: SAMPLE.time, dataschema: SAMPLE.dataschema,
      correlationid: SAMPLE.correlationid, causationid: SAMPLE.causationid, sequence: "2", partitionkey: "plant-1010", traceparent: SAMPLE.traceparent,
      tracestate: "congo=t61rcWkgMzE", priority: "3", urgent: "true", note: "Prüfung 😀",
    });
    expect(JSON.parse(text(payload))).toEqual(SAMPLE.data);
  });

  it("reads back what it writes for every event type; extensions come back as strings; application properties are left alone", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const message = toMqttBinary(event);
      const withAppProperty = { ...message, properties: { ...message.properties, userProperties: { ...message.properties.userProperties, "x-tenant": "eu-1" } } };
      const read = safeReadMqttEvent(withAppProperty);
      expect(read.ok ? read.value.value : read.issues).toEqual(withStringExtensions(event));
    }), { numRuns: 100 });
  });
});

describe("MQTT structured mode (MQTT 5 and 3.1.1)", () => {
  it("carries the event as JSON with the CloudEvents content type; without properties (MQTT 3.1.1) the payload is read as the event", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const message = toMqttStructured(event);
      expect(message.properties).toEqual({ contentType: CLOUDEVENTS_JSON_CONTENT_TYPE });
      for (const input of [message, { payload: message.payload }]) {
        const read = safeReadMqttEvent(input);
        expect(read.ok ? read.value.value : read.issues).toEqual(event);
      }
    }), { numRuns: 100 });
  });
});

describe("bad MQTT messages are issues, never exceptions", () => {
  const binary = toMqttBinary(SAMPLE);
  const props = binary.properties;
  const cases: [string, unknown, [string, string][]][] = [
    ["a JSON content type and no specversion", { payload: binary.payload, properties: { contentType: "application/json", userProperties: {} } }, [["/properties/userProperties/specversion", BINDING_ISSUE_CODES.notAnEvent]]],
    ["MQTT 3.1.1, a payload that is not an event", { payload: '{"temperature":21}' }, [["/payload", BINDING_ISSUE_CODES.notAnEvent]]],
    ["MQTT 3.1.1, a payload that is not JSON", { payload: "21.5" + "°C" }, [["/payload", BINDING_ISSUE_CODES.invalidBody]]],
    ["specversion 0.3", { ...binary, properties: { ...props, userProperties: { ...props.userProperties, specversion: "0.3" } } }, [["/properties/userProperties/specversion", BINDING_ISSUE_CODES.unsupportedSpecVersion]]],
    ["a user property given twice with different values", { ...binary, properties: { ...props, userProperties: { ...props.userProperties, id: ["a", "b"] } } }, [["/properties/userProperties/id", BINDING_ISSUE_CODES.duplicateHeader]]],
    ["a payload that is not UTF-8", { ...binary, payload: new Uint8Array([0xc3]) }, [["/payload", BINDING_ISSUE_CODES.invalidBodyEncoding]]],
    ["CBOR data", { ...binary, properties: { ...props, contentType: "application/cbor" } }, [["/properties/contentType", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["an unknown event type", { ...binary, properties: { ...props, userProperties: { ...props.userProperties, type: "dev.mfgsync.lot.teleported.v1" } } }, [["/type", ISSUE_CODES.invalidUnion]]],
    ["a batch content type", { payload: "[]", properties: { contentType: "application/cloudevents-batch+json" } }, [["/properties/contentType", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["properties that are not an object", { payload: "{}", properties: "x" }, [["/properties", ISSUE_CODES.invalidType]]],
    ["a message that is not an object", 42, [["", ISSUE_CODES.invalidType]]],
  ];
  for (const [what, message, expected] of cases) {
    it(`${what}: ${expected.map(([, code]) => code).join(", ")}`, () => {
      expect(codes(safeReadMqttEvent(message as never))).toEqual(expected);
      expect(() => readMqttEvent(message as never)).toThrow(CanonicalValidationError);
    });
  }

  it("any message gives a result, never an exception", () => {
    const userProperties = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom("specversion", "id", "type", "data"), fc.string()), fc.oneof(fc.string(), fc.array(fc.string()), fc.anything())), fc.anything());
    const properties = fc.oneof(fc.record({ contentType: fc.oneof(fc.string(), fc.constant(CLOUDEVENTS_JSON_CONTENT_TYPE), fc.anything()), userProperties }, { requiredKeys: [] }), fc.anything());
    fc.assert(fc.property(properties, fc.oneof(fc.uint8Array(), fc.string(), fc.json(), fc.anything()), (p, payload) => {
      const read = safeReadMqttEvent({ payload, properties: p } as never);
      expect(read.ok || read.issues.length > 0).toBe(true);
    }), { numRuns: 150 });
  });
});

describe("interoperability with the cloudevents SDK (MQTT)", () => {
  it("the SDK reads our binary and structured messages as the same event", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const binary = MQTT.toEvent(forSdk(toMqttBinary(event))) as CloudEvent<unknown>;
      const structured = MQTT.toEvent(forSdk(toMqttStructured(event))) as CloudEvent<unknown>;
      // The SDK's MQTT reader leaves a binary payload as the text it was given; structured mode is parsed.
      expect(JSON.parse(binary.data as string)).toEqual(event.data);
      expect(structured.data).toEqual(event.data);
      // The SDK's MQTT reader (10.x) takes datacontenttype from a user property only, not from the Content Type property the binding maps it to.
      expect(binary.datacontenttype).toBeUndefined();
      for (const sdk of [binary, structured]) {
        const fields = sdk as unknown as Record<string, unknown>;
        expect(Date.parse(sdk.time!)).toBe(Date.parse(event.time));
        for (const [name, value] of Object.entries(event)) {
          if (name !== "data" && name !== "time" && !(sdk === binary && name === "datacontenttype")) expect(String(fields[name]), name).toBe(String(value));
        }
      }
    }), { numRuns: 100 });
  });

  it("we read the SDK's binary and structured messages, for every event type", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const sdkEvent = new CloudEvent({ ...event } as never);
      const binary = safeReadMqttEvent(fromSdk(MQTT.binary(sdkEvent)));
      expect(binary.ok ? binary.value.value : binary.issues).toEqual(withStringExtensions(event));
      const structured = safeReadMqttEvent(fromSdk(MQTT.structured(sdkEvent)));
      expect(structured.ok ? structured.value.value : structured.issues).toEqual({ ...event, time: new Date(event.time).toISOString() });
    }), { numRuns: 100 });
  });
});
