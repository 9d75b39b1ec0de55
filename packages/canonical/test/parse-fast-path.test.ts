// The parsers check `extensions` without zod (and the rest with zod's compiled
// fast path once a schema is in steady use). These properties keep that fast
// path exactly equivalent to the schemas: same verdict, same value, same issues.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProductionOrder as ProductionOrderValue } from "@mfgsync/canonical";
import type { z } from "zod";
import { ISSUE_CODES, Lot, ProductionOrder, checkObject, safeParseLot, safeParseProductionOrder, toJsonPointer } from "@mfgsync/canonical";
import { arbitraryExtensions, arbitraryLot, arbitraryProductionOrder } from "@mfgsync/canonical/testing";

class Point {
  constructor(readonly x: number) {}
}

/** Values zod's `z.json()` accepts, and many it does not. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, Number.NaN, Infinity, -Infinity, () => 1, 10n, new Date(0), new Point(1), Symbol("s")) },
    { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 2, noNullPrototype: false }) },
  ),
})).value;

/** Extension-shaped values with mistakes: bad namespaces and field names, non-records, odd values. */
const anyExtensions: fc.Arbitrary<unknown> = fc.oneof(
  arbitraryExtensions(),
  fc.dictionary(fc.oneof(fc.constantFrom("sap", "Sap", "1sap", "", "a b"), fc.string({ maxLength: 5 })), fc.dictionary(fc.oneof(fc.constantFrom("Plant", "a-b", "9x", "ok_1"), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 3 }), { maxKeys: 2 }),
  anyValue,
);

/** The JSON Pointers of zod's issues, as the parsers report them (one per unknown key). */
const zodPaths = (issues: readonly z.core.$ZodIssue[]) =>
  issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => toJsonPointer([...i.path, k])) : [toJsonPointer(i.path)])).sort();

const hasForbiddenKey = (value: unknown): boolean =>
  value !== null && typeof value === "object" && Object.keys(value).some((k) => k === "__proto__" || k === "constructor" || k === "prototype" || hasForbiddenKey((value as Record<string, unknown>)[k]));

describe("the extensions fast path agrees with the schemas", () => {
  it("production orders: same verdict, value and issues as zod (hazard-free inputs)", () => {
    fc.assert(
      fc.property(arbitraryProductionOrder(), anyExtensions, (order, extensions) => {
        const input = { ...order, extensions } as unknown;
        fc.pre(!hasForbiddenKey(extensions));
        const ours = safeParseProductionOrder(input);
        const zod = ProductionOrder.safeParse(input);
        expect(ours.ok).toBe(zod.success);
        if (ours.ok && zod.success) expect(ours.value).toStrictEqual(zod.data);
        if (!ours.ok && !zod.success) expect(ours.issues.map((i) => i.path).sort()).toEqual(zodPaths(zod.error.issues));
        // The check without a parsed copy says the same.
        expect(checkObject("production-order", input)).toEqual(ours.ok ? undefined : ours.issues);
      }),
      { numRuns: 300 },
    );
  });

  it("lots, with mistakes outside the extensions too", () => {
    fc.assert(
      fc.property(arbitraryLot(), arbitraryExtensions(), fc.constantFrom<Record<string, unknown>>({}, { plant: "" }, { Batch: "1" }, { quantity: { value: "1,5", unit: "KGM" } }), (lot, extensions, mistake) => {
        const input = { ...lot, extensions, ...mistake };
        const ours = safeParseLot(input);
        const zod = Lot.safeParse(input);
        expect(checkObject("lot", input)).toEqual(ours.ok ? undefined : ours.issues);
        expect(ours.ok).toBe(zod.success);
        if (ours.ok && zod.success) expect(ours.value).toStrictEqual(zod.data);
        if (!ours.ok && !zod.success) expect(ours.issues.map((i) => i.path).sort()).toEqual(zodPaths(zod.error.issues));
      }),
      { numRuns: 200 },
    );
  });

  it("gives back fresh copies of the extensions, as zod does", () => {
    fc.assert(
      fc.property(arbitraryProductionOrder(), arbitraryExtensions(), (order, extensions) => {
        const input: ProductionOrderValue = { ...order, extensions };
        const r = safeParseProductionOrder(input);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.extensions).toStrictEqual(extensions);
          expect(r.value.extensions).not.toBe(extensions);
          for (const ns of Object.keys(extensions)) expect(r.value.extensions?.[ns]).not.toBe(extensions[ns]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("still reports hazards inside the extensions: forbidden keys and deep nesting", () => {
    const base = { ...fc.sample(arbitraryProductionOrder(), { numRuns: 1, seed: 7 })[0]! };
    const proto = JSON.parse('{"sap":{"Deep":{"__proto__":{"x":1}}}}') as unknown;
    const r1 = safeParseProductionOrder({ ...base, extensions: proto });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.issues).toContainEqual(expect.objectContaining({ path: "/extensions/sap/Deep/__proto__", code: ISSUE_CODES.unknownField }));
    const r2 = safeParseProductionOrder({ ...base, extensions: { constructor: { A: 1 } } });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues[0]?.path).toBe("/extensions/constructor");
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    const r3 = safeParseProductionOrder({ ...base, extensions: { sap: { Deep: deep } } });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.issues[0]?.code).toBe(ISSUE_CODES.inputTooDeep);
  });

  it("keeps agreeing once the schema is compiled (after steady use)", () => {
    const orders = fc.sample(fc.tuple(arbitraryProductionOrder(), arbitraryExtensions()), { numRuns: 150, seed: 11 });
    for (const [order, extensions] of orders) {
      const input = { ...order, extensions };
      const ours = safeParseProductionOrder(input);
      const zod = ProductionOrder.safeParse(input);
      expect(ours.ok).toBe(zod.success);
      if (ours.ok && zod.success) expect(ours.value).toStrictEqual(zod.data);
      expect(checkObject("production-order", input)).toEqual(ours.ok ? undefined : ours.issues);
    }
    const broken = { ...orders[0]![0], plant: 42 };
    const r = safeParseProductionOrder(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ path: "/plant", code: ISSUE_CODES.invalidType })]);
    expect(checkObject("production-order", broken)).toEqual(r.ok ? undefined : r.issues);
  });

  it("checkObject refuses unknown object names and hazards like safeParseObject", () => {
    expect(checkObject("constructor" as never, {})?.[0]?.code).toBe(ISSUE_CODES.invalidValue);
    expect(checkObject("lot", JSON.parse('{"__proto__":{}}'))?.[0]?.code).toBe(ISSUE_CODES.unknownField);
  });
});
