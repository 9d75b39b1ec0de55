import * as fc from "fast-check";
import type { CanonicalEvent, EventName } from "@mfgsync/canonical";
import { EventSchemas, createEvent, eventExtensions } from "@mfgsync/canonical";
import { arbitraryEvent } from "@mfgsync/canonical/testing";

/** Every event name. */
export const EVENT_NAMES = Object.keys(EventSchemas) as EventName[];

/** Any canonical event of any type, with every optional attribute sometimes present. */
export const anyEvent: fc.Arbitrary<CanonicalEvent> = fc.oneof(...EVENT_NAMES.map((name) => arbitraryEvent(name) as fc.Arbitrary<CanonicalEvent>));

/** The event as a binary-mode reader gives it back: headers carry no types, so integer and boolean extensions come back as strings. */
export function withStringExtensions(event: CanonicalEvent): CanonicalEvent {
  const strings = Object.fromEntries(Object.entries(eventExtensions(event)).map(([name, value]) => [name, String(value)]));
  return { ...event, ...strings } as CanonicalEvent;
}

/** A fixed event with every optional attribute and values that need percent-encoding in HTTP headers. */
export const SAMPLE: CanonicalEvent = createEvent("lot-disposition-changed", {
  source: "urn:mfgsync:qms:eu", subject: "Charge Müller 50% \"A\"", time: "2026-03-02T10:00:00+01:00", sequence: 2, correlationId: "NC-2026-0042 €",
  causationId: "2b1d3c0e-8f0a-5d2e-9b7c-1a2b3c4d5e6f", partitionKey: "plant-1010", traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
  extensions: { tracestate: "congo=t61rcWkgMzE", priority: 3, urgent: true, note: "Prüfung 😀" },
  data: { lot: { value: "Charge Müller 50% \"A\"", scheme: "qms" }, change: "Hold", to: { value: "Restricted" }, occurredAt: "2026-03-02T10:00:00+01:00" },
});

/** Replaces what the cloudevents SDK would send unencoded in a header and a conformant reader must refuse (non-ASCII, `%`). */
export function headerSafe(event: CanonicalEvent): CanonicalEvent {
  const out: Record<string, unknown> = { ...event };
  for (const [name, value] of Object.entries(event)) {
    if (name !== "data" && typeof value === "string") out[name] = value.replace(/[^\x20-\x24\x26-\x7e]/gu, "x");
  }
  return out as CanonicalEvent;
}
