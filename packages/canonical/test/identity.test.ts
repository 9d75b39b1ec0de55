import fs from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Identifier } from "@mfgsync/canonical";
import {
  CanonicalValidationError, IDEMPOTENCY_NAMESPACE, ISSUE_CODES, Reference, WRITE_IDEMPOTENCY_NAMESPACE, createEvent, idempotencyKey, identifierKey,
  identitiesOf, safeCreateEvent, safeIdempotencyKey, safeWriteIdempotencyKey, sameIdentifier, sameObject, uuidV5, writeIdempotencyKey,
} from "@mfgsync/canonical";
import { arbitraryIdentifier, arbitraryReference } from "@mfgsync/canonical/testing";
import { type Loose, readExample } from "./support.js";

const usmf = { type: "company", value: "usmf" } as const;
const demf = { type: "company", value: "demf" } as const;

describe("identifier equality takes the scope into account", () => {
  it("same scheme, value and scope are the same identifier; the issuer is informational", () => {
    const a = { value: "P000123", scheme: "d365", scope: usmf };
    expect(sameIdentifier(a, { ...a, issuer: "prod" })).toBe(true);
    expect(sameIdentifier(a, { ...a, scope: demf })).toBe(false);
    expect(sameIdentifier(a, { value: "P000123", scheme: "d365" })).toBe(false);
    expect(sameIdentifier(a, { ...a, scope: { type: "organization", value: "usmf" } })).toBe(false);
    expect(sameIdentifier({ value: "1", scheme: "mes" }, { value: "1", scheme: "mes" })).toBe(true);
  });

  it("identifierKey is equal exactly when sameIdentifier says so, whatever the characters in the parts", () => {
    const part = fc.oneof(fc.constantFrom("", "a", "a\u0000b", '"', "\\", "usmf", "\u0000"), fc.string({ maxLength: 6 }));
    const id = fc.record({
      value: part, scheme: fc.constantFrom("d365", "mes"),
      scope: fc.option(fc.record({ type: fc.constantFrom("company" as const, "plant" as const), value: part }), { nil: undefined }),
    });
    fc.assert(fc.property(id, id, (a, b) => {
      const clean = (x: typeof a): Identifier => (x.scope === undefined ? { value: x.value, scheme: x.scheme } : { value: x.value, scheme: x.scheme, scope: x.scope });
      expect(identifierKey(clean(a)) === identifierKey(clean(b))).toBe(sameIdentifier(clean(a), clean(b)));
    }), { numRuns: 2000 });
    // The 1.0 validators' key joined scheme and value with NUL: these two collided there.
    expect(identifierKey({ value: "b", scheme: "a\u0000" } as Identifier)).not.toBe(identifierKey({ value: "\u0000b", scheme: "a" } as Identifier));
  });

  it("one batch known as three ids is recognisable from a reference in any of its systems", () => {
    const lot = readExample("lot") as Loose;
    for (const ref of [lot.id, ...lot.crossReferences]) expect(sameObject(lot, ref)).toBe(true);
    expect(sameObject(lot, { value: "L-12345", scheme: "mes", issuer: "plant-1010", scope: { type: "plant", value: "1010" } })).toBe(false);
    const shipped = (readExample("lot-shipped") as Loose).data.lot;
    expect(sameObject(shipped, lot)).toBe(true);
    expect(identitiesOf(shipped)).toHaveLength(3);
  });

  it("every identifier is a reference, and references keep their cross-references", () => {
    fc.assert(fc.property(arbitraryIdentifier(), (id) => { expect(Reference.parse(id)).toEqual(id); }));
    fc.assert(fc.property(arbitraryReference(), (ref) => {
      expect(Reference.parse(ref)).toEqual(ref);
      for (const other of identitiesOf(ref)) expect(sameObject(ref, other)).toBe(true);
    }));
    expect(Reference.safeParse({ value: "1", scheme: "mes", crossReferences: [{ value: "2", scheme: "qms", crossReferences: [] }] }).success).toBe(false);
  });
});

describe("idempotency keys: the two collisions of 1.0 are gone", () => {
  const base = { source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.production.confirmed.v1", businessKey: "1000123", revision: "1" };

  it("composite business keys are given as parts and never collide by moving a separator (SAP confirmation 20/7 + 1 vs 20 + 7/1)", () => {
    const a = idempotencyKey({ ...base, businessKey: ["20/7", "1"] });
    const b = idempotencyKey({ ...base, businessKey: ["20", "7/1"] });
    expect(a).not.toBe(b);
    expect(a).not.toBe(idempotencyKey({ ...base, businessKey: "20/7/1" }));
    const part = fc.string({ maxLength: 8 });
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.array(part, { minLength: 1, maxLength: 4 }), (x, y) => {
      fc.pre(JSON.stringify(x) !== JSON.stringify(y) && !(x.length === 1 && y.length === 1 && x[0] === y[0]));
      expect(idempotencyKey({ ...base, businessKey: x })).not.toBe(idempotencyKey({ ...base, businessKey: y }));
    }), { numRuns: 1000 });
    // One part is the plain string: a single-field key does not change by being given as a list.
    expect(idempotencyKey({ ...base, businessKey: ["1000123"] })).toBe(idempotencyKey(base));
  });

  it("sequences above 2^53 are exact as bigints or decimal strings, and an unsafe number is refused instead of rounded", () => {
    const two53 = 2n ** 53n;
    expect(idempotencyKey({ ...base, revision: two53 })).not.toBe(idempotencyKey({ ...base, revision: two53 + 1n }));
    expect(idempotencyKey({ ...base, revision: two53 + 1n })).toBe(idempotencyKey({ ...base, revision: String(two53 + 1n) }));
    expect(idempotencyKey({ ...base, revision: 42 })).toBe(idempotencyKey({ ...base, revision: "42" }));
    // 2 ** 53 + 1 is the same JavaScript number as 2 ** 53: neither may make a key.
    for (const unsafe of [2 ** 53, 2 ** 53 + 1, Number.MAX_VALUE]) {
      const result = safeIdempotencyKey({ ...base, revision: unsafe });
      expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([["/revision", ISSUE_CODES.unsafeInteger]]);
      expect(() => idempotencyKey({ ...base, revision: unsafe })).toThrow(CanonicalValidationError);
    }
    expect(safeIdempotencyKey({ ...base, revision: 1.5 }).ok).toBe(false);
    expect(safeIdempotencyKey({ ...base, revision: Number.NaN }).ok).toBe(false);
  });

  it("createEvent keeps a sequence above 2^53 exact and refuses an unsafe number", () => {
    const example = readExample("operation-started") as Loose;
    const input = { source: example.source, subject: example.subject, time: example.time, correlationId: example.correlationid, data: example.data };
    const big = createEvent("operation-started", { ...input, sequence: 2n ** 53n + 1n });
    expect(big.sequence).toBe("9007199254740993");
    expect(big.id).not.toBe(createEvent("operation-started", { ...input, sequence: 2n ** 53n }).id);
    const unsafe = safeCreateEvent("operation-started", { ...input, sequence: 2 ** 53 + 1 });
    expect(unsafe.ok ? [] : unsafe.issues.map((i) => [i.path, i.code])).toEqual([["/sequence", ISSUE_CODES.unsafeInteger]]);
  });

  it("scoped business keys differ per company, and unscoped keys are derived exactly as in 1.0", () => {
    expect(idempotencyKey({ ...base, scope: usmf })).not.toBe(idempotencyKey({ ...base, scope: demf }));
    expect(idempotencyKey({ ...base, scope: usmf })).not.toBe(idempotencyKey(base));
    expect(idempotencyKey(base)).toBe(uuidV5(JSON.stringify([base.source, base.objectType, base.businessKey, base.revision]), IDEMPOTENCY_NAMESPACE));
    // A 1.0 event's id (the 1.0 example, frozen) is still what createEvent derives from its fields.
    const v10 = JSON.parse(fs.readFileSync(new URL("./fixtures/v1.0/examples/material-consumed.json", import.meta.url), "utf8")) as Loose;
    const rebuilt = createEvent("material-consumed", { source: v10.source, subject: v10.subject, time: v10.time, sequence: v10.sequence, correlationId: v10.correlationid, data: v10.data });
    expect(rebuilt.id).toBe(v10.id);
  });

  it("createEvent takes the scope of the identifier the data is about into the key", () => {
    const example = readExample("lot-disposition-changed") as Loose;
    const input = { source: "urn:mfgsync:d365:prod", subject: "B-0001", time: example.time, sequence: 2, correlationId: "c", data: example.data };
    const inUsmf = createEvent("lot-disposition-changed", { ...input, data: { ...example.data, lot: { value: "B-0001", scheme: "d365", scope: usmf } } });
    const inDemf = createEvent("lot-disposition-changed", { ...input, data: { ...example.data, lot: { value: "B-0001", scheme: "d365", scope: demf } } });
    expect(inUsmf.id).not.toBe(inDemf.id);
    expect(inUsmf.id).toBe(idempotencyKey({ source: input.source, objectType: inUsmf.type, businessKey: "B-0001", scope: usmf, revision: "2" }));
    const order = readExample("production-order-released") as Loose;
    const scopedOrder = { ...order.data.order, id: { ...order.data.order.id, scope: { type: "organization", value: "M1" } } };
    const released = createEvent("production-order-released", { source: order.source, subject: order.subject, time: order.time, sequence: 1, correlationId: "c", data: { order: scopedOrder } });
    expect(released.id).toBe(idempotencyKey({ source: order.source, objectType: released.type, businessKey: order.subject, scope: { type: "organization", value: "M1" }, revision: "1" }));
  });
});

describe("write idempotency keys", () => {
  const posting = {
    operation: "confirmation-posting" as const, target: "urn:mfgsync:sap-s4hana:S4P-100",
    object: { value: "1000123", scheme: "sap-s4hana" }, detail: ["0010"], revision: "6f1c2b9e-2f0a-5d36-9a55-0c5f2d7f7a11",
  };

  it("are deterministic, and change with every part, the scope included", () => {
    expect(writeIdempotencyKey(posting)).toBe(writeIdempotencyKey({ ...posting, object: { ...posting.object } }));
    const variants = [
      { ...posting, operation: "inspection-result-posting" as const },
      { ...posting, target: "urn:mfgsync:sap-s4hana:S4Q-200" },
      { ...posting, object: { value: "1000124", scheme: "sap-s4hana" } },
      { ...posting, object: { ...posting.object, scope: { type: "plant" as const, value: "1010" } } },
      { ...posting, detail: ["0020"] },
      { ...posting, detail: [] },
      { ...posting, revision: "other-event" },
    ];
    const keys = new Set([posting, ...variants].map(writeIdempotencyKey));
    expect(keys.size).toBe(variants.length + 1);
  });

  it("detail parts never collide by moving a separator, and never equal an event key", () => {
    expect(writeIdempotencyKey({ ...posting, detail: ["0010/1", "2"] })).not.toBe(writeIdempotencyKey({ ...posting, detail: ["0010", "1/2"] }));
    expect(WRITE_IDEMPOTENCY_NAMESPACE).toBe(uuidV5("write.mfgsync.dev", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
    expect(WRITE_IDEMPOTENCY_NAMESPACE).not.toBe(IDEMPOTENCY_NAMESPACE);
  });

  it("covers the three writes, and refuses bad input with issues (never a rounded revision)", () => {
    for (const operation of ["confirmation-posting", "inspection-result-posting", "lot-status-update"] as const) {
      expect(safeWriteIdempotencyKey({ ...posting, operation }).ok).toBe(true);
    }
    const cases: Array<[Loose, string, string]> = [
      [{ ...posting, operation: "goods-receipt" }, "/operation", ISSUE_CODES.invalidValue],
      [{ ...posting, target: "" }, "/target", ISSUE_CODES.invalidType],
      [{ ...posting, object: { value: 1 } }, "/object", ISSUE_CODES.invalidType],
      [{ ...posting, detail: [1] }, "/detail", ISSUE_CODES.invalidType],
      [{ ...posting, revision: 2 ** 60 }, "/revision", ISSUE_CODES.unsafeInteger],
    ];
    for (const [input, path, code] of cases) {
      const result = safeWriteIdempotencyKey(input);
      expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
      expect(() => writeIdempotencyKey(input)).toThrow(CanonicalValidationError);
    }
    expect(safeWriteIdempotencyKey(null as never).ok).toBe(false);
  });
});
