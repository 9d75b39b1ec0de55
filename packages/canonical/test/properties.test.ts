import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { EventName, ObjectName } from "@mfgsync/canonical";
import {
  DateOrTimestamp, DecimalString, EventSchemas, Extensions, Identifier, Measure, OBJECT_NAMES, ObjectSchemas, PlainDate, Quantity,
  SignedDecimalString, Timestamp, UnitCode, safeParseEventOf, safeParseObject,
} from "@mfgsync/canonical";
import {
  arbitraryCodedValue, arbitraryDateOrTimestamp, arbitraryDecimal, arbitraryEvent, arbitraryExtensions, arbitraryIdentifier, arbitraryInspection,
  arbitraryLot, arbitraryMaterial, arbitraryMeasure, arbitraryNonconformance, arbitraryObject, arbitraryPlainDate, arbitraryProductionOrder,
  arbitraryQuantity, arbitraryTimestamp, arbitraryUnitCode,
} from "@mfgsync/canonical/testing";
import { Disposition } from "@mfgsync/canonical";
import { jsonSchemaErrors } from "./support.js";

const EVENT_NAMES = Object.keys(EventSchemas) as EventName[];
const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every leaf of a JSON value with its key, vendor extensions (free JSON) left out. */
function* leaves(value: unknown, key = ""): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const item of value) yield* leaves(item, key);
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) if (k !== "extensions") yield* leaves(v, k);
  else yield [key, value];
}

describe("primitive arbitraries produce what the schemas accept", () => {
  it.each([
    ["arbitraryDecimal", arbitraryDecimal(), DecimalString],
    ["arbitraryDecimal({ signed: true })", arbitraryDecimal({ signed: true }), SignedDecimalString],
    ["arbitraryUnitCode", arbitraryUnitCode(), UnitCode],
    ["arbitraryQuantity", arbitraryQuantity(), Quantity],
    ["arbitraryMeasure", arbitraryMeasure(), Measure],
    ["arbitraryIdentifier", arbitraryIdentifier(), Identifier],
    ["arbitraryTimestamp", arbitraryTimestamp(), Timestamp],
    ["arbitraryPlainDate", arbitraryPlainDate(), PlainDate],
    ["arbitraryDateOrTimestamp", arbitraryDateOrTimestamp(), DateOrTimestamp],
    ["arbitraryExtensions", arbitraryExtensions(), Extensions],
    ["arbitraryCodedValue(Disposition)", arbitraryCodedValue(Disposition), z.strictObject({ value: Disposition, otherValue: z.string().optional(), originalCode: z.string().optional(), originalList: z.string().optional() })],
  ] as const)("%s", (_name, arbitrary, schema) => {
    fc.assert(fc.property(arbitrary as fc.Arbitrary<unknown>, (value) => {
      expect((schema as z.ZodType).safeParse(value).error?.issues ?? []).toEqual([]);
      expect(jsonRoundTrip(value)).toEqual(value);
    }), { numRuns: 300 });
  });

  it("timestamps denote the instant they spell, whatever their offset", () => {
    fc.assert(fc.property(arbitraryTimestamp(), (t) => {
      const parsed = Date.parse(t);
      expect(Number.isNaN(parsed)).toBe(false);
      expect(new Date(parsed).toISOString().slice(0, 4)).toMatch(/^20\d\d|2100$/);
    }));
  });

  it("signed decimals are sometimes negative, never negative zero", () => {
    const samples = fc.sample(arbitraryDecimal({ signed: true }), 500);
    expect(samples.some((d) => d.startsWith("-"))).toBe(true);
    expect(samples.some((d) => /^-[0.]+$/.test(d))).toBe(false);
    expect(fc.sample(arbitraryDecimal(), 500).some((d) => d.startsWith("-"))).toBe(false);
  });
});

describe.each(OBJECT_NAMES)("arbitrary %s", (name: ObjectName) => {
  it("passes zod and the generated JSON Schema alike, and parsing returns it unchanged", () => {
    fc.assert(fc.property(arbitraryObject(name), (value) => {
      const parsed = safeParseObject(name, value);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      expect(parsed.ok && parsed.value).toEqual(value);
      expect(jsonSchemaErrors(name, value)).toEqual([]);
    }));
  });

  it("survives a JSON round trip: still valid for both, and equal", () => {
    fc.assert(fc.property(arbitraryObject(name), (value) => {
      const copy = jsonRoundTrip(value);
      expect(copy).toEqual(value);
      expect(safeParseObject(name, copy).ok).toBe(true);
      expect(jsonSchemaErrors(name, copy)).toEqual([]);
    }));
  });

  it("encodes to itself with z.encode (no transforms on the way out)", () => {
    fc.assert(fc.property(arbitraryObject(name), (value) => {
      expect(z.encode(ObjectSchemas[name] as z.ZodType, value)).toEqual(value);
    }), { numRuns: 30 });
  });

  it("includes optional fields sometimes, not always, and keeps arrays small", () => {
    const samples = fc.sample(arbitraryObject(name), 200) as Record<string, unknown>[];
    const withExtensions = samples.filter((s) => "extensions" in s).length;
    expect(withExtensions).toBeGreaterThan(0);
    expect(withExtensions).toBeLessThan(samples.length);
    for (const sample of samples) {
      for (const value of Object.values(sample)) if (Array.isArray(value)) expect(value.length).toBeLessThanOrEqual(5);
    }
  });

  it("honours the scheme and units options", () => {
    fc.assert(fc.property(arbitraryObject(name, { scheme: "sap-s4hana", units: ["H87", "KGM"] }), (value) => {
      expect((value.id as { scheme: string }).scheme).toBe("sap-s4hana");
      for (const [key, leaf] of leaves(value)) if (key === "unit" || key === "baseUnit") expect(["H87", "KGM"]).toContain(leaf);
    }), { numRuns: 50 });
  });
});

describe("object arbitraries are plausible, not just valid", () => {
  it("orders have unique ascending operation sequences", () => {
    fc.assert(fc.property(arbitraryProductionOrder(), (order) => {
      const numbers = order.operations.map((o) => Number(o.sequence));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
    }));
  });

  it("inspections have unique characteristic ids", () => {
    fc.assert(fc.property(arbitraryInspection(), (inspection) => {
      const ids = inspection.characteristics.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    }));
  });

  it("named arbitraries and arbitraryObject agree on the kind", () => {
    const byFunction: fc.Arbitrary<{ kind: string }>[] = [arbitraryMaterial(), arbitraryProductionOrder(), arbitraryLot(), arbitraryInspection(), arbitraryNonconformance()];
    expect(byFunction.map((a) => fc.sample(a, 1)[0]?.kind)).toEqual(OBJECT_NAMES);
  });
});

describe.each(EVENT_NAMES)("arbitrary %s event", (name: EventName) => {
  it("passes zod and the generated JSON Schema alike, also after a JSON round trip", () => {
    fc.assert(fc.property(arbitraryEvent(name), (event) => {
      const parsed = safeParseEventOf(name, event);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      expect(jsonSchemaErrors(name, event)).toEqual([]);
      const copy = jsonRoundTrip(event);
      expect(copy).toEqual(event);
      expect(safeParseEventOf(name, copy).ok).toBe(true);
    }), { numRuns: 40 });
  });
});

describe("arbitrary options are checked", () => {
  it("refuses units that are not active Rec 20 codes, bad schemes and unknown names", () => {
    expect(() => arbitraryQuantity({ units: ["KGM", "PCE"] })).toThrow(RangeError);
    expect(() => arbitraryUnitCode({ units: [] })).toThrow(RangeError);
    expect(() => arbitraryIdentifier({ scheme: "SAP" })).toThrow(RangeError);
    expect(() => arbitraryObject("constructor" as ObjectName)).toThrow(RangeError);
    expect(() => arbitraryEvent("toString" as EventName)).toThrow(RangeError);
  });
});
