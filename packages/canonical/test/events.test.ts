import { createHash } from "node:crypto";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventName } from "@mfgsync/canonical";
import {
  CanonicalValidationError, IDEMPOTENCY_NAMESPACE, ISSUE_CODES, createEvent, eventExtensions, idempotencyKey, parseEvent, safeCreateEvent, safeParseEvent,
  safeParseEventOf, uuidV5,
} from "@mfgsync/canonical";
import { type Loose, readExample } from "./support.js";

const DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const URL_NS = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** UUID v5 straight from RFC 9562 §5.5, with Node's SHA-1, to check the package's portable implementation against. */
function referenceUuidV5(name: string, namespace: string): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(Buffer.from(name, "utf8")).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe("uuidV5", () => {
  it("matches published vectors", () => {
    expect(uuidV5("www.example.com", DNS)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2"); // RFC 9562 appendix A.4
    expect(uuidV5("python.org", DNS)).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d"); // Python uuid docs
    expect(uuidV5("http://python.org/", URL_NS)).toBe("4c565f0d-3f5a-5890-b41b-20cf47701c5e");
  });

  it("equals a node:crypto reference for any name and namespace, across SHA-1 block boundaries", () => {
    const name = fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ minLength: 40, maxLength: 140 }));
    fc.assert(fc.property(name, fc.uuid(), (n, ns) => {
      expect(uuidV5(n, ns)).toBe(referenceUuidV5(n, ns));
    }), { numRuns: 500 });
    for (let length = 0; length <= 130; length++) {
      const n = "x".repeat(length);
      expect(uuidV5(n, DNS)).toBe(referenceUuidV5(n, DNS));
    }
  });

  it("treats an upper-case namespace like a lower-case one and always answers lower case", () => {
    fc.assert(fc.property(fc.string(), fc.uuid(), (n, ns) => {
      const key = uuidV5(n, ns.toUpperCase());
      expect(key).toBe(uuidV5(n, ns));
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }));
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow(TypeError);
  });

  it("IDEMPOTENCY_NAMESPACE is what its documentation says: uuidV5('mfgsync.dev', DNS)", () => {
    expect(IDEMPOTENCY_NAMESPACE).toBe(uuidV5("mfgsync.dev", DNS));
  });
});

describe("idempotencyKey", () => {
  const base = { source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.lot.created.v1", businessKey: "0000012345", revision: "1" };
  const part = fc.string({ maxLength: 30 });

  it("is the same for the same input, every time", () => {
    fc.assert(fc.property(part, part, part, part, (source, objectType, businessKey, revision) => {
      const input = { source, objectType, businessKey, revision };
      expect(idempotencyKey(input)).toBe(idempotencyKey({ ...input }));
    }));
    expect(idempotencyKey(base)).toBe(uuidV5(JSON.stringify([base.source, base.objectType, base.businessKey, base.revision]), IDEMPOTENCY_NAMESPACE));
  });

  it("changes with the revision or sequence, and with every other part", () => {
    fc.assert(fc.property(part, part, (a, b) => {
      fc.pre(a !== b);
      expect(idempotencyKey({ ...base, revision: a })).not.toBe(idempotencyKey({ ...base, revision: b }));
      expect(idempotencyKey({ ...base, businessKey: a })).not.toBe(idempotencyKey({ ...base, businessKey: b }));
      expect(idempotencyKey({ ...base, source: a })).not.toBe(idempotencyKey({ ...base, source: b }));
      expect(idempotencyKey({ ...base, objectType: a })).not.toBe(idempotencyKey({ ...base, objectType: b }));
    }));
  });

  it("cannot be made to collide by moving a separator between parts", () => {
    expect(idempotencyKey({ ...base, source: "a|b", objectType: "c" })).not.toBe(idempotencyKey({ ...base, source: "a", objectType: "b|c" }));
    expect(idempotencyKey({ ...base, businessKey: "1", revision: "23" })).not.toBe(idempotencyKey({ ...base, businessKey: "12", revision: "3" }));
    expect(idempotencyKey({ ...base, businessKey: 'a","b', revision: "c" })).not.toBe(idempotencyKey({ ...base, businessKey: "a", revision: 'b","c' }));
  });
});

describe("createEvent", () => {
  const example = readExample("lot-disposition-changed") as Loose;
  const input = { source: example.source, subject: example.subject, time: example.time, sequence: 2, correlationId: example.correlationid, data: example.data };

  it("is deterministic, fills the envelope and keeps a numeric sequence as a decimal string", () => {
    const first = createEvent("lot-disposition-changed", input);
    expect(createEvent("lot-disposition-changed", { ...input })).toEqual(first);
    expect(first).toMatchObject({
      specversion: "1.0", type: "dev.mfgsync.lot.dispositionchanged.v1", datacontenttype: "application/json",
      dataschema: "https://mfgsync.dev/schemas/v1/lot-disposition-changed.schema.json", sequence: "2",
    });
    expect(first).not.toHaveProperty("partitionkey");
    expect(first).not.toHaveProperty("traceparent");
    expect(first.id).toBe(idempotencyKey({ source: input.source, objectType: first.type, businessKey: input.subject, revision: "2" }));
  });

  it("derives the id from the revision when given, else from the sequence", () => {
    const bySequence = [1, 2, 3].map((sequence) => createEvent("lot-disposition-changed", { ...input, sequence }).id);
    expect(new Set(bySequence).size).toBe(3);
    const withRevision = createEvent("lot-disposition-changed", { ...input, revision: "20260304083105" });
    expect(withRevision.id).toBe(idempotencyKey({ source: input.source, objectType: withRevision.type, businessKey: input.subject, revision: "20260304083105" }));
    // Re-sending the same revision under a new sequence number is the same fact: same key.
    expect(createEvent("lot-disposition-changed", { ...input, sequence: 9, revision: "20260304083105" }).id).toBe(withRevision.id);
  });

  it("returns issues instead of throwing for bad envelopes and payloads", () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ sequence: 0 }, "/sequence", ISSUE_CODES.invalidFormat],
      [{ sequence: 1.5 }, "/sequence", ISSUE_CODES.invalidFormat],
      [{ sequence: "007" }, "/sequence", ISSUE_CODES.invalidFormat],
      [{ time: "2026-03-04T09:31:05" }, "/time", ISSUE_CODES.invalidFormat],
      [{ correlationId: "" }, "/correlationid", ISSUE_CODES.tooSmall],
      [{ source: undefined }, "/source", ISSUE_CODES.required],
      [{ traceparent: "x".repeat(56) }, "/traceparent", ISSUE_CODES.tooBig],
      [{ data: { ...example.data, to: { value: "Released" } } }, "/data/to/value", ISSUE_CODES.invalidValue],
      [{ data: { ...example.data, lot: { value: "0000012345", scheme: "SAP" } } }, "/data/lot/scheme", ISSUE_CODES.invalidFormat],
      [{ data: { ...example.data, extra: 1 } }, "/data/extra", ISSUE_CODES.unknownField],
    ];
    for (const [patch, path, code] of cases) {
      const result = safeCreateEvent("lot-disposition-changed", { ...input, ...patch } as never);
      expect(result.ok ? [] : result.issues).toEqual([{ path, code, message: expect.any(String) }]);
      expect(() => createEvent("lot-disposition-changed", { ...input, ...patch } as never)).toThrow(CanonicalValidationError);
    }
  });

  it("answers unknown event names, including Object.prototype keys, and non-object inputs with an issue", () => {
    for (const name of ["nope", "constructor", "toString", "__proto__"]) {
      const result = safeCreateEvent(name as EventName, input as never);
      expect(result.ok ? [] : result.issues).toEqual([{ path: "", code: ISSUE_CODES.invalidValue, message: expect.stringContaining("unknown event") }]);
    }
    for (const bad of [null, undefined, "event", 42]) expect(safeCreateEvent("lot-created", bad as never).ok).toBe(false);
  });
});

describe("safeParseEvent / parseEvent / safeParseEventOf", () => {
  const example = readExample("material-produced") as Loose;

  it("dispatches on type and checks the payload of that type", () => {
    expect(safeParseEvent(example).ok).toBe(true);
    const wrongType = { ...example, type: "dev.mfgsync.lot.created.v1" };
    const result = safeParseEvent(wrongType);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    // Checked as a lot-created event: wrong schema link, a lot identifier where a whole Lot belongs, movement fields unknown.
    expect(paths).toEqual(expect.arrayContaining(["/dataschema", "/data/lot/schemaVersion", "/data/order", "/data/quantity"]));
    expect(safeParseEventOf("lot-created", example).ok).toBe(false);
  });

  it("reports an unknown type at /type, and unknown names of safeParseEventOf at the root", () => {
    const result = safeParseEvent({ ...example, type: "dev.mfgsync.order.shipped.v1" });
    expect(result.ok ? [] : result.issues).toEqual([{ path: "/type", code: ISSUE_CODES.invalidUnion, message: expect.any(String) }]);
    for (const name of ["nope", "constructor", "hasOwnProperty"]) {
      const byName = safeParseEventOf(name as EventName, example);
      expect(byName.ok ? [] : byName.issues).toEqual([{ path: "", code: ISSUE_CODES.invalidValue, message: expect.any(String) }]);
    }
  });

  it("never throws on garbage; parseEvent throws CanonicalValidationError with the same issues", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const protoKey = JSON.parse(JSON.stringify(example).replace("{", '{"__proto__":{"polluted":true},'));
    const garbage: unknown[] = [null, undefined, "event", 42, [], {}, { ...example, data: deep }, protoKey, { ...example, sequence: 2 }];
    for (const input of garbage) {
      let result: ReturnType<typeof safeParseEvent> | undefined;
      expect(() => { result = safeParseEvent(input); }).not.toThrow();
      expect(result?.ok).toBe(false);
      if (!result || result.ok) continue;
      let thrown: unknown;
      try { parseEvent(input); } catch (error) { thrown = error; }
      expect(thrown).toBeInstanceOf(CanonicalValidationError);
      expect((thrown as CanonicalValidationError).issues).toEqual(result.issues);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("parseEventOf", () => {
  it("returns a valid named event and throws CanonicalValidationError with the safe variant's issues otherwise", async () => {
    const { parseEventOf, safeParseEventOf, CanonicalValidationError } = await import("@mfgsync/canonical");
    const fs = await import("node:fs");
    const path = await import("node:path");
    const example = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../examples/lot-created.json"), "utf8")) as unknown;
    expect(parseEventOf("lot-created", example)).toEqual(example);
    const bad = { ...(example as Record<string, unknown>), sequence: "0" };
    const safe = safeParseEventOf("lot-created", bad);
    expect(safe.ok).toBe(false);
    let thrown: unknown;
    try {
      parseEventOf("lot-created", bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CanonicalValidationError);
    expect((thrown as InstanceType<typeof CanonicalValidationError>).issues).toEqual(safe.ok ? [] : safe.issues);
  });
});

describe("CloudEvents 1.0 envelope: extension attributes, datacontenttype, causation", () => {
  const example = readExample("operation-started") as Loose;

  it("accepts valid extension attributes (a trace state, a broker's arrival time) and keeps them", () => {
    const event = { ...example, tracestate: "congo=t61rcWkgMzE", knativearrivaltime: "2026-03-02T05:31:02Z", retries: 2, replayed: false };
    const result = safeParseEvent(event);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.value).toEqual(event);
    expect(result.ok && eventExtensions(result.value)).toEqual({ tracestate: "congo=t61rcWkgMzE", knativearrivaltime: "2026-03-02T05:31:02Z", retries: 2, replayed: false });
  });

  it("refuses invalid attribute names with one issue each, at the name", () => {
    for (const name of ["TraceState", "my-extension", "trace_state", "averyveryverylongname1", "dataBase64", "data_base64", "é"]) {
      const result = safeParseEvent({ ...example, [name]: { nested: true } });
      expect(result.ok ? [] : result.issues, name).toEqual([{ path: `/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, code: ISSUE_CODES.invalidAttributeName, message: expect.stringContaining(name) }]);
    }
  });

  it("refuses extension values that are not CloudEvents values (objects, arrays, null, fractions)", () => {
    for (const value of [{ a: 1 }, [1], null, 1.5, 2 ** 40]) {
      const result = safeParseEvent({ ...example, myextension: value });
      expect(result.ok ? [] : result.issues.map((i) => i.path), JSON.stringify(value)).toEqual(["/myextension"]);
    }
  });

  it("datacontenttype is optional and reads as application/json; any other value is refused", () => {
    const { datacontenttype: _omitted, ...without } = example;
    const result = safeParseEvent(without);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.value.datacontenttype).toBe("application/json");
    expect(safeParseEvent({ ...example, datacontenttype: "application/xml" }).ok).toBe(false);
  });

  it("createEvent carries a causation id and extension attributes, and refuses extensions named like envelope attributes", () => {
    const input = { source: example.source, subject: example.subject, time: example.time, sequence: 9, correlationId: example.correlationid, data: example.data };
    const caused = createEvent("operation-started", { ...input, causationId: example.id, extensions: { tracestate: "congo=t61rcWkgMzE" } });
    expect(caused).toMatchObject({ causationid: example.id, tracestate: "congo=t61rcWkgMzE", correlationid: example.correlationid });
    // The causation id is not part of the idempotency key: the same fact caused by a retried event is the same fact.
    expect(caused.id).toBe(createEvent("operation-started", input).id);
    for (const name of ["id", "sequence", "causationid", "data", "data_base64"]) {
      const result = safeCreateEvent("operation-started", { ...input, extensions: { [name]: "x" } });
      expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code]), name).toEqual([[`/${name}`, ISSUE_CODES.invalidAttributeName]]);
    }
    const bad = safeCreateEvent("operation-started", { ...input, extensions: { "Bad-Name": "x" } });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual([ISSUE_CODES.invalidAttributeName]);
  });
});
