import { CloudEvent, Kafka } from "cloudevents";
import type { KafkaMessage as SdkKafkaMessage } from "cloudevents";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KafkaMessage } from "@mfgsync/canonical";
import {
  BINDING_ISSUE_CODES, CLOUDEVENTS_JSON_CONTENT_TYPE, CanonicalValidationError, ISSUE_CODES, eventPartitionKey, readKafkaEvent, safeReadKafkaEvent, toKafkaBinary,
  toKafkaStructured,
} from "@mfgsync/canonical";
import { SAMPLE, anyEvent, withStringExtensions } from "./bindings-support.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (r: { ok: boolean; issues?: readonly { path: string; code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => [i.path, i.code]));
const { partitionkey: _omitted, ...NO_PARTITION_KEY } = SAMPLE;

/** A record as kafkajs hands it to a consumer: Buffers for key, value and headers. */
function asKafkajs(record: KafkaMessage): { key: Buffer; value: Buffer; headers: Record<string, Buffer> } {
  return { key: Buffer.from(record.key), value: Buffer.from(record.value), headers: Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)])) };
}

describe("Kafka binary mode", () => {
  it("puts every attribute in a ce_ header as UTF-8 bytes, datacontenttype in content-type, the data in the value and the partition key in the key", () => {
    const record = toKafkaBinary(SAMPLE);
    const headers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, text(v)]));
    expect(headers).toEqual({
      "content-type": "application/json", ce_specversion: "1.0", ce_id: SAMPLE.id, ce_source: SAMPLE.source, ce_type: SAMPLE.type,
      ce_subject: 'Charge Müller 50% "A"', ce_time: SAMPLE.time, ce_dataschema: SAMPLE.dataschema, ce_correlationid: "NC-2026-0042 €",
      ce_causationid: SAMPLE.causationid, ce_sequence: "2", ce_partitionkey: "plant-1010", ce_traceparent: SAMPLE.traceparent,
      ce_tracestate: "congo=t61rcWkgMzE", ce_priority: "3", ce_urgent: "true", ce_note: "Prüfung 😀",
    });
    for (const value of Object.values(record.headers)) expect(value).toBeInstanceOf(Uint8Array);
    expect(text(record.key)).toBe("plant-1010");
    expect(JSON.parse(text(record.value))).toEqual(SAMPLE.data);
  });

  it("keys an event without a partitionkey by its subject", () => {
    expect(eventPartitionKey(NO_PARTITION_KEY as typeof SAMPLE)).toBe(SAMPLE.subject);
    expect(text(toKafkaBinary(NO_PARTITION_KEY as typeof SAMPLE).key)).toBe(SAMPLE.subject);
    expect(text(toKafkaStructured(NO_PARTITION_KEY as typeof SAMPLE).key)).toBe(SAMPLE.subject);
  });

  it("reads back what it writes for every event type, as bytes or as kafkajs Buffers; extensions come back as strings", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const record = toKafkaBinary(event);
      expect(text(record.key)).toBe(event.partitionkey ?? event.subject);
      for (const input of [record, asKafkajs(record)]) {
        const read = safeReadKafkaEvent(input);
        expect(read.ok ? read.value.value : read.issues).toEqual(withStringExtensions(event));
      }
    }), { numRuns: 100 });
  });

  it("reads node-rdkafka's list of header records", () => {
    const record = toKafkaBinary(SAMPLE);
    const list = Object.entries(record.headers).map(([k, v]) => ({ [k]: v }));
    expect(readKafkaEvent({ key: record.key, value: record.value, headers: list }).value).toEqual(withStringExtensions(SAMPLE));
  });

  it("keeps a record key that is not the subject as the event's partitionkey, and leaves a key that is not text aside", () => {
    const record = toKafkaBinary(NO_PARTITION_KEY as typeof SAMPLE);
    const keyed = readKafkaEvent({ ...record, key: "plant-1010" });
    expect(keyed.value.partitionkey).toBe("plant-1010");
    const hashed = readKafkaEvent({ ...record, key: new Uint8Array([0xff, 0x00, 0xfe]) });
    expect(hashed.value.partitionkey).toBeUndefined();
    const structured = readKafkaEvent({ ...toKafkaStructured(NO_PARTITION_KEY as typeof SAMPLE), key: "plant-1010" });
    expect(structured.value.partitionkey).toBe("plant-1010");
    const header = readKafkaEvent({ ...toKafkaBinary(SAMPLE), key: "other" });
    expect(header.value.partitionkey).toBe("plant-1010"); // the ce_partitionkey header wins
  });
});

describe("Kafka structured mode", () => {
  it("carries the event as JSON with the CloudEvents content type, extension types kept, for every event type", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const record = toKafkaStructured(event);
      expect(Object.keys(record.headers)).toEqual(["content-type"]);
      expect(text(record.headers["content-type"]!)).toBe(CLOUDEVENTS_JSON_CONTENT_TYPE);
      expect(text(record.key)).toBe(eventPartitionKey(event));
      const read = safeReadKafkaEvent(asKafkajs(record));
      expect(read.ok ? read.value.value : read.issues).toEqual(event);
    }), { numRuns: 100 });
  });
});

describe("bad Kafka records are issues, never exceptions", () => {
  const binary = toKafkaBinary(SAMPLE);
  const cases: [string, unknown, [string, string][]][] = [
    ["no ce_specversion", { value: binary.value, headers: { "content-type": bytes("application/json") } }, [["/headers/ce_specversion", BINDING_ISSUE_CODES.notAnEvent]]],
    ["specversion 0.3", { ...binary, headers: { ...binary.headers, ce_specversion: bytes("0.3") } }, [["/headers/ce_specversion", BINDING_ISSUE_CODES.unsupportedSpecVersion]]],
    ["a header that is not UTF-8", { ...binary, headers: { ...binary.headers, ce_subject: new Uint8Array([0x41, 0xc0, 0xa0]) } }, [["/headers/ce_subject", BINDING_ISSUE_CODES.invalidHeaderEncoding]]],
    ["a header that is neither bytes nor text", { ...binary, headers: { ...binary.headers, ce_subject: { a: 1 } } }, [["/headers/ce_subject", ISSUE_CODES.invalidType]]],
    ["a header given twice with different values", { ...binary, headers: { ...binary.headers, ce_id: [bytes("a"), bytes("b")] } }, [["/headers/ce_id", BINDING_ISSUE_CODES.duplicateHeader]]],
    ["a value that is not JSON", { ...binary, value: bytes("{lot") }, [["/value", BINDING_ISSUE_CODES.invalidBody]]],
    ["a value that is not UTF-8", { ...binary, value: new Uint8Array([0xff]) }, [["/value", BINDING_ISSUE_CODES.invalidBodyEncoding]]],
    ["Avro data", { ...binary, headers: { ...binary.headers, "content-type": bytes("application/avro") } }, [["/headers/content-type", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["an unknown event type", { ...binary, headers: { ...binary.headers, ce_type: bytes("dev.mfgsync.lot.teleported.v1") } }, [["/type", ISSUE_CODES.invalidUnion]]],
    ["an invalid attribute name", { ...binary, headers: { ...binary.headers, "ce_my-ext": bytes("x") } }, [["/headers/ce_my-ext", ISSUE_CODES.invalidAttributeName]]],
    ["structured, not JSON", { value: bytes("<event/>"), headers: { "content-type": bytes(CLOUDEVENTS_JSON_CONTENT_TYPE) } }, [["/value", BINDING_ISSUE_CODES.invalidBody]]],
    ["structured, no value", { value: null, headers: { "content-type": bytes(CLOUDEVENTS_JSON_CONTENT_TYPE) } }, [["/value", ISSUE_CODES.required]]],
    ["a batch content type", { value: bytes("[]"), headers: { "content-type": bytes("application/cloudevents-batch+json") } }, [["/headers/content-type", BINDING_ISSUE_CODES.unsupportedContentType]]],
    ["headers that are not an object", { value: binary.value, headers: "ce_id=1" }, [["/headers", ISSUE_CODES.invalidType]]],
    ["a record that is not an object", "record", [["", ISSUE_CODES.invalidType]]],
  ];
  for (const [what, record, expected] of cases) {
    it(`${what}: ${expected.map(([, code]) => code).join(", ")}`, () => {
      expect(codes(safeReadKafkaEvent(record as never))).toEqual(expected);
      expect(() => readKafkaEvent(record as never)).toThrow(CanonicalValidationError);
    });
  }

  it("a partition key from the record key that is too long is refused, naming the key", () => {
    const read = safeReadKafkaEvent({ ...toKafkaBinary(NO_PARTITION_KEY as typeof SAMPLE), key: "k".repeat(1025) });
    expect(read.ok ? [] : read.issues.map((i) => [i.path, i.code, i.message.endsWith('(from "key")')])).toEqual([["/partitionkey", ISSUE_CODES.tooBig, true]]);
  });

  it("any record gives a result, never an exception", () => {
    const headerValue = fc.oneof(fc.string(), fc.uint8Array(), fc.array(fc.uint8Array(), { maxLength: 2 }), fc.constant(null), fc.anything());
    const headers = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom("ce_specversion", "ce_id", "content-type", "ce_type"), fc.string()), headerValue), fc.anything());
    fc.assert(fc.property(headers, fc.oneof(fc.uint8Array(), fc.string(), fc.anything()), fc.oneof(fc.uint8Array(), fc.string(), fc.anything()), (h, key, value) => {
      const read = safeReadKafkaEvent({ headers: h, key, value } as never);
      expect(read.ok || read.issues.length > 0).toBe(true);
    }), { numRuns: 150 });
  });
});

describe("interoperability with the cloudevents SDK (Kafka)", () => {
  /** What a kafkajs consumer of the SDK does first: header values as strings (the SDK's Kafka reader takes strings), the value a Buffer. */
  function forSdk(record: KafkaMessage): SdkKafkaMessage {
    const headers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, text(v)]));
    return { key: text(record.key), value: Buffer.from(record.value), headers, body: Buffer.from(record.value) } as unknown as SdkKafkaMessage;
  }

  it("the SDK reads our binary and structured records as the same event, the key as its partitionkey", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      for (const sdk of [Kafka.toEvent(forSdk(toKafkaBinary(event))), Kafka.toEvent(forSdk(toKafkaStructured(event)))] as CloudEvent<unknown>[]) {
        const fields = sdk as unknown as Record<string, unknown>;
        expect(Date.parse(sdk.time!)).toBe(Date.parse(event.time));
        expect(sdk.data).toEqual(event.data);
        expect(fields["partitionkey"]).toBe(eventPartitionKey(event));
        for (const [name, value] of Object.entries(event)) if (name !== "data" && name !== "time" && name !== "partitionkey") expect(String(fields[name]), name).toBe(String(value));
      }
    }), { numRuns: 100 });
  });

  it("we read the SDK's binary and structured records, for every event type", () => {
    fc.assert(fc.property(anyEvent, (event) => {
      const sdkEvent = new CloudEvent({ ...event } as never);
      const binary = Kafka.binary(sdkEvent);
      // The SDK leaves the data as an object in binary mode (a producer serializes it) and keeps the time as given.
      const read = safeReadKafkaEvent(binary as never);
      expect(read.ok ? read.value.value : read.issues).toEqual(withStringExtensions(event));
      const structured = safeReadKafkaEvent(Kafka.structured(sdkEvent) as never);
      expect(structured.ok ? structured.value.value : structured.issues).toEqual({ ...event, time: new Date(event.time).toISOString() });
    }), { numRuns: 100 });
  });
});
