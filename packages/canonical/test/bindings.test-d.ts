import type { IncomingHttpHeaders } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import type {
  CanonicalEvent, HttpHeadersInput, HttpMessage, HttpMessageInput, KafkaMessage, KafkaMessageInput, MqttMessage, MqttMessageInput, ReadValue, Result,
} from "@mfgsync/canonical";
import {
  readHttpBatch, readHttpEvent, readKafkaEvent, readMqttEvent, safeReadHttpBatch, safeReadHttpEvent, safeReadKafkaEvent, safeReadMqttEvent, toHttpBatch, toHttpBinary,
  toHttpStructured, toKafkaBinary, toKafkaStructured, toMqttBinary, toMqttStructured,
} from "@mfgsync/canonical";

describe("CloudEvents binding types", () => {
  it("writers take canonical events and give transport messages: text for HTTP, bytes for Kafka and MQTT", () => {
    for (const write of [toHttpBinary, toHttpStructured]) {
      expectTypeOf(write).parameter(0).toEqualTypeOf<CanonicalEvent>();
      expectTypeOf(write).returns.toEqualTypeOf<HttpMessage>();
    }
    expectTypeOf(toHttpBatch).parameter(0).toEqualTypeOf<readonly CanonicalEvent[]>();
    expectTypeOf<HttpMessage["body"]>().toEqualTypeOf<string>();
    expectTypeOf(toKafkaBinary).returns.toEqualTypeOf<KafkaMessage>();
    expectTypeOf(toKafkaStructured).returns.toEqualTypeOf<KafkaMessage>();
    expectTypeOf<KafkaMessage["key"]>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<KafkaMessage["headers"]>().toEqualTypeOf<Readonly<Record<string, Uint8Array>>>();
    expectTypeOf(toMqttBinary).returns.toEqualTypeOf<MqttMessage>();
    expectTypeOf(toMqttStructured).returns.toEqualTypeOf<MqttMessage>();
    expectTypeOf<MqttMessage["payload"]>().toEqualTypeOf<Uint8Array>();
    // @ts-expect-error a lot is not an event
    toHttpBinary({ kind: "lot" });
  });

  it("safe readers return a Result of a ReadValue, as safeReadEvent does; throwing readers the ReadValue", () => {
    expectTypeOf(safeReadHttpEvent).returns.toEqualTypeOf<Result<ReadValue<CanonicalEvent>>>();
    expectTypeOf(safeReadKafkaEvent).returns.toEqualTypeOf<Result<ReadValue<CanonicalEvent>>>();
    expectTypeOf(safeReadMqttEvent).returns.toEqualTypeOf<Result<ReadValue<CanonicalEvent>>>();
    expectTypeOf(safeReadHttpBatch).returns.toEqualTypeOf<Result<readonly ReadValue<CanonicalEvent>[]>>();
    expectTypeOf(readHttpEvent).returns.toEqualTypeOf<ReadValue<CanonicalEvent>>();
    expectTypeOf(readKafkaEvent).returns.toEqualTypeOf<ReadValue<CanonicalEvent>>();
    expectTypeOf(readMqttEvent).returns.toEqualTypeOf<ReadValue<CanonicalEvent>>();
    expectTypeOf(readHttpBatch).returns.toEqualTypeOf<readonly ReadValue<CanonicalEvent>[]>();
  });

  it("readers take what runtimes and clients hand over, and our own messages", () => {
    expectTypeOf<Headers>().toMatchTypeOf<HttpHeadersInput>();
    expectTypeOf<IncomingHttpHeaders>().toMatchTypeOf<HttpHeadersInput>();
    expectTypeOf<HttpMessage>().toMatchTypeOf<HttpMessageInput>();
    expectTypeOf<KafkaMessage>().toMatchTypeOf<KafkaMessageInput>();
    expectTypeOf<MqttMessage>().toMatchTypeOf<MqttMessageInput>();
    // kafkajs' consumer message and node-rdkafka's header list; mqtt.js' packet properties.
    expectTypeOf<{ key: Buffer | null; value: Buffer | null; headers?: { [key: string]: Buffer | string | (Buffer | string)[] | undefined } }>().toMatchTypeOf<KafkaMessageInput>();
    expectTypeOf<{ key?: Buffer; value: Buffer | null; headers?: { [key: string]: Buffer | string }[] }>().toMatchTypeOf<KafkaMessageInput>();
    expectTypeOf<{ payload: Buffer; properties?: { contentType?: string; userProperties?: { [key: string]: string | string[] } } }>().toMatchTypeOf<MqttMessageInput>();
  });
});
