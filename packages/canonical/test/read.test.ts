import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventName } from "@mfgsync/canonical";
import {
  CanonicalValidationError, EventSchemas, ISSUE_CODES, OBJECT_NAMES, SCHEMA_VERSION, readEvent, readObject, safeParseLot, safeParseObject, safeReadEvent,
  safeReadObject,
} from "@mfgsync/canonical";
import { arbitraryEvent, arbitraryObject } from "@mfgsync/canonical/testing";
import { type Loose, readExample } from "./support.js";

const lot = readExample("lot") as Loose;

/** What a 1.2 producer might send: a new field at the top and inside a hold, a new disposition, a new hold block. */
function fromNewerProducer(): Loose {
  return {
    ...lot,
    schemaVersion: "1.2",
    carbonFootprint: { value: "3.2", unit: "KGM" },
    disposition: { value: "Quarantine", originalCode: "Q1" },
    holds: [{ ...lot.holds[0], escalation: { level: 2 }, blocks: ["Shipment", "Sampling"] }],
  };
}

describe("lenient reading", () => {
  it("reads a 1.2 object as a valid 1.1 object and keeps everything it did not know beside it", () => {
    const result = safeReadObject("lot", fromNewerProducer(), { mode: "lenient" });
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    const { value, unknownFields, unknownValues, newerVersions } = result.value;
    expect(safeParseLot(value).ok).toBe(true);
    expect(value.schemaVersion).toBe(SCHEMA_VERSION);
    expect(newerVersions).toEqual([{ path: "/schemaVersion", version: "1.2" }]);
    expect(unknownFields).toEqual(expect.arrayContaining([
      { path: "/carbonFootprint", value: { value: "3.2", unit: "KGM" } },
      { path: "/holds/0/escalation", value: { level: 2 } },
    ]));
    expect(unknownFields).toHaveLength(2);
    // Unknown coded values read as Other with the original kept as otherValue; plain enum values as Other.
    expect(value.disposition).toEqual({ value: "Other", otherValue: "Quarantine", originalCode: "Q1" });
    expect(value.holds?.[0]?.blocks).toEqual(["Shipment", "Other"]);
    expect(unknownValues).toEqual(expect.arrayContaining([{ path: "/disposition/value", value: "Quarantine" }, { path: "/holds/0/blocks/1", value: "Sampling" }]));
    expect(value).not.toHaveProperty("carbonFootprint");
  });

  it("does not touch the caller's input", () => {
    const input = fromNewerProducer();
    const before = JSON.stringify(input);
    safeReadObject("lot", input, { mode: "lenient" });
    expect(JSON.stringify(input)).toBe(before);
  });

  it("strict mode (the default) refuses the same input with the version issue", () => {
    for (const options of [undefined, { mode: "strict" as const }]) {
      const result = safeReadObject("lot", fromNewerProducer(), options);
      expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([ISSUE_CODES.newerVersion]);
    }
  });

  it("still refuses what no release could mean: a new major version, a wrong type, a missing required field, an unknown value without Other", () => {
    const cases: Array<[Loose, string, string]> = [
      [{ ...lot, schemaVersion: "2.0" }, "/schemaVersion", ISSUE_CODES.unsupportedVersion],
      [{ ...lot, quantity: { value: 95, unit: "H87" } }, "/quantity/value", ISSUE_CODES.invalidType],
      [{ ...lot, material: undefined }, "/material", ISSUE_CODES.required],
      [{ ...lot, id: { ...lot.id, scope: { type: "region", value: "EU" } } }, "/id/scope/type", ISSUE_CODES.invalidValue],
    ];
    for (const [input, path, code] of cases) {
      const result = safeReadObject("lot", input, { mode: "lenient" });
      expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
    }
  });

  it("a valid object reads the same in both modes, with nothing set aside", () => {
    fc.assert(fc.property(fc.constantFrom(...OBJECT_NAMES).chain((name) => arbitraryObject(name).map((value) => [name, value] as const)), ([name, value]) => {
      const strict = safeParseObject(name, value);
      const lenient = safeReadObject(name, value, { mode: "lenient" });
      expect(lenient.ok && lenient.value).toEqual({ value: strict.ok && strict.value, unknownFields: [], unknownValues: [], newerVersions: [] });
    }), { numRuns: 60 });
  });

  it("reads events leniently: unknown data fields and values are set aside, extension attributes kept, unknown types refused", () => {
    const event = readExample("lot-disposition-changed") as Loose;
    const newer = { ...event, tracestate: "congo=t61rcWkgMzE", data: { ...event.data, change: "Quarantine", approvedBy: "QA-LEAD" } };
    const result = safeReadEvent(newer, { mode: "lenient" });
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.value.value).toMatchObject({ tracestate: "congo=t61rcWkgMzE", data: { change: "Other" } });
    expect(result.value.unknownFields).toEqual([{ path: "/data/approvedBy", value: "QA-LEAD" }]);
    expect(result.value.unknownValues).toEqual([{ path: "/data/change", value: "Quarantine" }]);
    const unknownType = safeReadEvent({ ...event, type: "dev.mfgsync.lot.quarantined.v1" }, { mode: "lenient" });
    expect(unknownType.ok).toBe(false);
  });

  it("reads a newer object inside an event", () => {
    const event = readExample("lot-created") as Loose;
    const result = safeReadEvent({ ...event, data: { lot: { ...event.data.lot, schemaVersion: "1.3", bestBefore: "2030-01-01" } } }, { mode: "lenient" });
    expect(result.ok && result.value.newerVersions).toEqual([{ path: "/data/lot/schemaVersion", version: "1.3" }]);
    expect(result.ok && result.value.unknownFields).toEqual([{ path: "/data/lot/bestBefore", value: "2030-01-01" }]);
  });

  it("never throws on garbage in either mode; the throwing variants throw CanonicalValidationError", () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const garbage: unknown[] = [null, undefined, 42, "lot", [], {}, deep, JSON.parse('{"__proto__":{"x":1}}')];
    for (const input of garbage) {
      for (const mode of ["strict", "lenient"] as const) {
        expect(safeReadObject("lot", input, { mode }).ok).toBe(false);
        expect(safeReadEvent(input, { mode }).ok).toBe(false);
        expect(() => readObject("lot", input, { mode })).toThrow(CanonicalValidationError);
        expect(() => readEvent(input, { mode })).toThrow(CanonicalValidationError);
      }
    }
    const badMode = safeReadObject("lot", lot, { mode: "sloppy" as never });
    expect(badMode.ok ? [] : badMode.issues.map((i) => i.code)).toEqual([ISSUE_CODES.invalidValue]);
  });

  it("valid events read the same in both modes", () => {
    const names = Object.keys(EventSchemas) as EventName[];
    fc.assert(fc.property(fc.constantFrom(...names).chain((name) => arbitraryEvent(name)), (event) => {
      const lenient = safeReadEvent(event, { mode: "lenient" });
      expect(lenient.ok && lenient.value.value).toEqual(event);
      expect(lenient.ok && lenient.value.unknownFields).toEqual([]);
    }), { numRuns: 60 });
  });
});
