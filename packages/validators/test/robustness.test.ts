import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OBJECT_NAMES, SCHEMA_NAMES } from "@mfgsync/canonical";
import type { EventName } from "@mfgsync/canonical";
import { arbitraryEvent, arbitraryObject } from "@mfgsync/canonical/testing";
import { createInMemoryContext, validate, validateEvent, validateObject } from "@mfgsync/validators";
import { id, inspection, lot, material } from "./fixtures.js";

// A context that makes every context-dependent rule do real work.
const context = createInMemoryContext({
  plants: ["1010"],
  materials: [material(), material({ id: id("RM-200"), baseUnit: "KGM", type: { value: "RawMaterial" } })],
  lots: [lot(), lot({ id: id("0000008801"), material: { id: id("RM-200") }, quantity: { value: "500", unit: "KGM" } })],
  lotDispositions: [{ lot: id("0000008801"), disposition: "Restricted" }],
  inspections: [inspection()],
  seenIdempotencyKeys: ["00000000-0000-5000-8000-000000000000"],
  lastSequences: [{ source: "urn:mfgsync:mes:line-3", subject: "1000123", sequence: "3" }],
});

const crashed = (report: ReturnType<typeof validate>) => report.findings.filter((f) => f.message.startsWith("the rule failed"));

describe("robustness", () => {
  it("never throws on arbitrary JSON-like input, for every kind", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMA_NAMES), fc.anything(), (kind, input) => {
        const report = validate(kind, input, { context });
        expect(report.ok).toBe(false);
        expect(crashed(report)).toEqual([]);
        validateObject(input);
        validateEvent(input);
      }),
      { numRuns: 300 },
    );
  });

  it("runs every rule on arbitrary valid objects without a rule crashing", () => {
    for (const name of OBJECT_NAMES) {
      fc.assert(
        fc.property(arbitraryObject(name), (value) => {
          const report = validate(name, value, { context });
          expect(report.findings.filter((f) => f.ruleId === "schema/valid")).toEqual([]);
          expect(crashed(report)).toEqual([]);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("runs every rule on arbitrary valid events without a rule crashing", () => {
    const events = SCHEMA_NAMES.filter((name) => !(OBJECT_NAMES as readonly string[]).includes(name)) as EventName[];
    for (const name of events) {
      fc.assert(
        fc.property(arbitraryEvent(name), (value) => {
          const report = validate(name, value, { context });
          expect(report.findings.filter((f) => f.ruleId === "schema/valid")).toEqual([]);
          expect(crashed(report)).toEqual([]);
        }),
        { numRuns: 10 },
      );
    }
  });
});
