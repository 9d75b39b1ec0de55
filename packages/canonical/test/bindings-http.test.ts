import { CloudEvent, HTTP } from "cloudevents";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BINDING_ISSUE_CODES, CLOUDEVENTS_BATCH_CONTENT_TYPE, CLOUDEVENTS_JSON_CONTENT_TYPE, CanonicalValidationError, ISSUE_CODES, readHttpBatch, readHttpEvent,
  safeReadHttpBatch, safeReadHttpEvent, toHttpBatch, toHttpBinary, toHttpStructured,
} from "@mfgsync/canonical";
import { SAMPLE, anyEvent, headerSafe, withStringExtensions } from "./bindings-support.js";

const codes = (r: { ok: boolean; issues?: readonly { path: string; code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => [i.path, i.code]));

describe("HTTP binary mode", () => {
  it("puts every attribute in a ce- header, percent-encoded as the HTTP binding says, datacontenttype in Content-Type and the data in the body", () => {
    const { headers, body } = toHttpBinary(SAMPLE);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["ce-datacontenttype"]).toBeUndefined();
    expect(headers["ce-specversion"]).toBe("1.0");
    expect(headers["ce-type"]).toBe("dev.mfgsync.lot.dispositionchanged.v1");
    // Space, '"', '%' and everything outside printable ASCII are encoded as UTF-8 bytes; the rest is not.
    expect(headers["ce-subject"]).toBe("Charge%20M%C3%BCller%2050%25%20%22A%22");
    expect(headers["ce-correlationid"]).toBe("NC-2026-0042%20%E2%82%AC");
    expect(headers["ce-note"]).toBe("Pr%C3%BCfung%20%F0%9F%98%80");
    expect(headers["ce-time"]).toBe("2026-03-02T10:00:00+01:00");
    expect(headers["ce-tracestate"]).toBe("congo=t61rcWkgMzE");
    expect(headers["ce-priority"]).toBe("3");
    expect(headers["ce-urgent"]).toBe("true");
    expect(headers["ce-causationid"]).toBe(SAMPLE.causationid);
    expect(headers["ce-partitionkey"]).toBe("plant-1010");
    expect(JSON.parse(body)).toEqual(SAMPLE.data);
    for (const value of Object.values(headers)) expect(value).toMatch(/^[\x21-\x7e]*$/);
  });

  it("reads back what it writes for every event type; integer and boolean extensions come back as strings", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const read = safeReadHttpEvent(toHttpBinary(event));
      expect(read.ok ? read.value.value : read.issues).toEqual(withStringExtensions(event));
    }), { numRuns: 100 });
  });

  it("decodes percent-encoding, unnecessary encoding and quoted strings, and takes header names in any case", () => {
    const { headers, body } = toHttpBinary(SAMPLE);
    const shouted = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    shouted["CE-SOURCE"] = "%75rn:mfgsync:qms:eu"; // 'u' encoded without need
    shouted["CE-TRACESTATE"] = '"congo=t61rcWkgMzE"';
    const read = readHttpEvent({ headers: shouted, body });
    expect(read.value).toEqual(withStringExtensions(SAMPLE));
  });

  it("reads a WHATWG Headers object and a body given as bytes", () => {
    const { headers, body } = toHttpBinary(SAMPLE);
    const read = safeReadHttpEvent({ headers: new Headers(headers), body: new TextEncoder().encode(body) });
    expect(read.ok && read.value.value).toEqual(withStringExtensions(SAMPLE));
  });

  it("takes Content-Type application/json with charset UTF-8 as datacontenttype application/json", () => {
    const { headers, body } = toHttpBinary(SAMPLE);
    const read = safeReadHttpEvent({ headers: { ...headers, "content-type": "application/json; charset=utf-8" }, body });
    expect(read.ok && read.value.value.datacontenttype).toBe("application/json");
  });
});

describe("HTTP structured and batch mode", () => {
  it("structured mode carries the event as JSON, extension types kept, for every event type", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const message = toHttpStructured(event);
      expect(message.headers).toEqual({ "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE });
      const read = safeReadHttpEvent(message);
      expect(read.ok ? read.value.value : read.issues).toEqual(event);
    }), { numRuns: 150 });
  });

  it("batch mode carries an array of events and reads them back in order", () => {
    fc.assert(fc.property(fc.array(anyEvent, { maxLength: 4 }), (events) => {
      const message = toHttpBatch(events);
      expect(message.headers["content-type"]).toBe(CLOUDEVENTS_BATCH_CONTENT_TYPE);
      const read = safeReadHttpBatch(message);
      expect(read.ok ? read.value.map((r) => r.value) : read.issues).toEqual(events);
    }), { numRuns: 50 });
  });

  it("a batch's issues are under the index of the event they are about", () => {
    const body = JSON.stringify([SAMPLE, { ...SAMPLE, time: "yesterday" }, { ...SAMPLE, specversion: "0.3" }]);
    const read = safeReadHttpBatch({ headers: { "content-type": CLOUDEVENTS_BATCH_CONTENT_TYPE }, body });
    expect(codes(read)).toEqual([["/1/time", ISSUE_CODES.invalidFormat], ["/2/specversion", BINDING_ISSUE_CODES.unsupportedSpecVersion]]);
    expect(() => readHttpBatch({ headers: { "content-type": CLOUDEVENTS_BATCH_CONTENT_TYPE }, body })).toThrow(CanonicalValidationError);
  });

  it("lenient mode reads an event from a newer minor version, setting aside what it does not know", () => {
    const newer = { ...SAMPLE, data: { ...SAMPLE.data, carbonFootprint: "3.2" } };
    const message = { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: JSON.stringify(newer) };
    expect(codes(safeReadHttpEvent(message))).toEqual([["/data/carbonFootprint", ISSUE_CODES.unknownField]]);
    const read = safeReadHttpEvent(message, { mode: "lenient" });
    expect(read.ok && read.value.unknownFields).toEqual([{ path: "/data/carbonFootprint", value: "3.2" }]);
    expect(read.ok && read.value.value).toEqual(SAMPLE);
  });
});

describe("bad HTTP messages are issues, never exceptions", () => {
  const binary = toHttpBinary(SAMPLE);
  const cases: [string, unknown, [string, string][]][] = [
    ["no ce-specversion and a plain JSON body", { headers: { "content-type": "application/json" }, body: "{}" }, [["/headers/ce-specversion", BINDING_ISSUE_CODES.notAnEvent]]],
    ["specversion 0.3", { headers: { ...binary.headers, "ce-specversion": "0.3" }, body: binary.body }, [["/headers/ce-specversion", BINDING_ISSUE_CODES.unsupportedSpecVersion]]],
    ["a % not followed by two hex digits", { headers: { ...binary.headers, "ce-subject": "50%" }, body: binary.body }, [["/headers/ce-subject", BINDING_ISSUE_CODES.invalidHeaderEncoding]]],
    ["an overlong UTF-8 encoding (%C0%A0)", { headers: { ...binary.headers, "ce-subject": "a%C0%A0b" }, body: binary.body }, [["/headers/ce-subject", BINDING_ISSUE_CODES.invalidHeaderEncoding]]],
    ["a header name that is no attribute name", { headers: { ...binary.headers, "ce-my-ext": "x" }, body: binary.body }, [["/headers/ce-my-ext", ISSUE_CODES.invalidAttributeName]]],
    ["the data in a header", { headers: { ...binary.headers, "ce-data": "{}" }, body: binary.body }, [["/headers/ce-data", ISSUE_CODES.invalidAttributeName]]],
    ["a body that is not JSON", { headers: binary.headers, body: "{lot:" }, [["/body", BINDING_ISSUE_CODES.invalidBody]]],
    ["a body that is not UTF-8", { headers: binary.headers, body: new Uint8Array([0x7b, 0xff, 0x7d]) }, [["/body", BINDING_ISSUE_CODES.invalidBodyEncoding]]],
    ["XML data", { headers: { ...binary.headers, "content-type": "application/xml" }, body: "<a/>" }, [["/headers/content-type", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["an unknown event type", { headers: { ...binary.headers, "ce-type": "dev.mfgsync.lot.teleported.v1" }, body: binary.body }, [["/type", ISSUE_CODES.invalidUnion]]],
    ["a missing subject", { headers: { ...binary.headers, "ce-subject": undefined }, body: binary.body }, [["/subject", ISSUE_CODES.required]]],
    ["no body", { headers: binary.headers }, [["/data", ISSUE_CODES.required]]],
    ["a header given twice with different values", { headers: { ...binary.headers, "ce-id": ["a", "b"] }, body: binary.body }, [["/headers/ce-id", BINDING_ISSUE_CODES.duplicateHeader]]],
    ["headers that are not an object", { headers: "ce-id: 1", body: "" }, [["/headers", ISSUE_CODES.invalidType]]],
    ["a message that is not an object", null, [["", ISSUE_CODES.invalidType]]],
    ["structured, not JSON", { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: "<event/>" }, [["/body", BINDING_ISSUE_CODES.invalidBody]]],
    ["structured, empty", { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: "" }, [["/body", ISSUE_CODES.required]]],
    ["structured XML format", { headers: { "content-type": "application/cloudevents+xml" }, body: "<event/>" }, [["/headers/content-type", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["structured, no specversion", { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: JSON.stringify({ ...SAMPLE, specversion: undefined }) }, [["/specversion", ISSUE_CODES.required]]],
    ["structured, specversion 0.3", { headers: { "content-type": CLOUDEVENTS_JSON_CONTENT_TYPE }, body: JSON.stringify({ ...SAMPLE, specversion: "0.3" }) }, [["/specversion", BINDING_ISSUE_CODES.unsupportedSpecVersion]]],
    ["a batch given to the single-event reader", { headers: { "content-type": CLOUDEVENTS_BATCH_CONTENT_TYPE }, body: "[]" }, [["/headers/content-type", BINDING_ISSUE_CODES.unsupportedContentType]]],
  ];
  for (const [what, message, expected] of cases) {
    it(`${what}: ${expected.map(([, code]) => code).join(", ")}`, () => {
      const read = safeReadHttpEvent(message as never);
      expect(codes(read)).toEqual(expected);
      expect(() => readHttpEvent(message as never)).toThrow(CanonicalValidationError);
    });
  }

  it("an issue about an attribute names the header it came from", () => {
    const read = safeReadHttpEvent({ headers: { ...binary.headers, "ce-time": "yesterday" }, body: binary.body });
    expect(read.ok ? [] : read.issues.map((i) => i.message)).toEqual([expect.stringContaining('(from "ce-time")')]);
  });

  it("any headers and body give a result, never an exception", () => {
    const headerValue = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.array(fc.string(), { maxLength: 2 }), fc.constant(undefined), fc.integer());
    const headers = fc.dictionary(fc.oneof(fc.constantFrom("ce-specversion", "ce-id", "ce-type", "content-type", "ce-time", "ce-"), fc.string()), headerValue);
    const body = fc.oneof(fc.string(), fc.json(), fc.uint8Array(), fc.anything());
    fc.assert(fc.property(headers, body, (h, b) => {
      const read = safeReadHttpEvent({ headers: h, body: b });
      expect(read.ok || read.issues.length > 0).toBe(true);
    }), { numRuns: 150 });
  });
});

describe("interoperability with the cloudevents SDK (HTTP)", () => {
  it("the SDK reads our binary and structured messages as the same event", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const fromStructured = HTTP.toEvent(toHttpStructured(event)) as CloudEvent<unknown>;
      const fromBinary = HTTP.toEvent(toHttpBinary(event)) as CloudEvent<unknown>;
      for (const sdk of [fromStructured, fromBinary]) {
        expect(sdk.id).toBe(event.id);
        expect(sdk.type).toBe(event.type);
        expect(sdk.specversion).toBe("1.0");
        expect(sdk.data).toEqual(event.data);
        // The SDK writes every time as UTC with milliseconds: the same instant.
        expect(Date.parse(sdk.time!)).toBe(Date.parse(event.time));
      }
      for (const [name, value] of Object.entries(event)) {
        if (name === "data" || name === "time") continue;
        expect((fromStructured as unknown as Record<string, unknown>)[name], name).toEqual(value);
        // The SDK (10.x) does not percent-decode headers; decoding what it passes through gives our value.
        expect(decodeURIComponent(String((fromBinary as unknown as Record<string, unknown>)[name])), name).toBe(String(value));
      }
    }), { numRuns: 100 });
  });

  it("we read the SDK's binary and structured messages, for every event type", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      // The SDK does not percent-encode headers: a value with '%' or beyond Latin-1 would be sent as the spec forbids.
      const safe = headerSafe(event);
      const sdkEvent = new CloudEvent({ ...safe } as never);
      const sdkTime = new Date(event.time).toISOString();
      const binary = safeReadHttpEvent(HTTP.binary(sdkEvent) as never);
      expect(binary.ok ? binary.value.value : binary.issues).toEqual({ ...withStringExtensions(safe), time: sdkTime });
      const structuredEvent = new CloudEvent({ ...event } as never);
      const structured = safeReadHttpEvent(HTTP.structured(structuredEvent) as never);
      expect(structured.ok ? structured.value.value : structured.issues).toEqual({ ...event, time: sdkTime });
    }), { numRuns: 100 });
  });

  it("a value the SDK sends unencoded with a bare % is refused as the HTTP binding requires", () => {
    const sdkEvent = new CloudEvent({ ...SAMPLE } as never);
    const read = safeReadHttpEvent(HTTP.binary(sdkEvent) as never);
    expect(codes(read)).toContainEqual(["/headers/ce-subject", BINDING_ISSUE_CODES.invalidHeaderEncoding]);
  });
});
