import fs from "node:fs";
import path from "node:path";
import * as fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { PathReporter } from "io-ts/lib/PathReporter.js";
import { describe, expect, it } from "vitest";
import { EventSchemas, OBJECT_NAMES, safeParseLot } from "@mfgsync/canonical";
import { arbitraryEvent, arbitraryObject } from "@mfgsync/canonical/testing";
import {
  CanonicalEventCodec, EVENT_CODECS, LotCodec, OBJECT_CODECS, ProductionOrderCodec, codecFromParser, issuesOf, type IssueValidationError,
} from "@mfgsync/fp/io-ts";

const examples = path.resolve(import.meta.dirname, "../../canonical/examples");
const example = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(examples, `${name}.json`), "utf8"));

describe("io-ts codecs of the canonical objects", () => {
  it("there is a codec for every object and every event, named after it", () => {
    expect(Object.keys(OBJECT_CODECS).sort()).toEqual([...OBJECT_NAMES].sort());
    expect(Object.keys(EVENT_CODECS).sort()).toEqual(Object.keys(EventSchemas).sort());
    expect(OBJECT_CODECS["production-order"]).toBe(ProductionOrderCodec);
    expect(ProductionOrderCodec.name).toBe("ProductionOrder");
    expect(EVENT_CODECS["lot-created"].name).toBe("lot-created");
  });

  it("decodes every bundled example to Right, equal to the input, and `is` agrees", () => {
    for (const name of OBJECT_NAMES) {
      const input = example(name);
      const codec: t.Mixed = OBJECT_CODECS[name];
      const result = codec.decode(input);
      expect(E.isRight(result), name).toBe(true);
      if (E.isRight(result)) expect(result.right).toEqual(input);
      expect(codec.is(input), name).toBe(true);
      expect(codec.encode(input)).toBe(input);
    }
  });

  it("decodes generated objects and events to Right (property)", () => {
    fc.assert(fc.property(fc.constantFrom(...OBJECT_NAMES).chain((name) => arbitraryObject(name).map((value) => ({ name, value }))), ({ name, value }) => {
      const codec: t.Mixed = OBJECT_CODECS[name];
      const result = codec.decode(value);
      expect(E.isRight(result) && result.right).toEqual(value);
    }), { numRuns: 50 });
    fc.assert(fc.property(arbitraryEvent("lot-disposition-changed"), (event) => {
      expect(E.isRight(EVENT_CODECS["lot-disposition-changed"].decode(event))).toBe(true);
      expect(E.isRight(CanonicalEventCodec.decode(event))).toBe(true);
      expect(E.isRight(EVENT_CODECS["lot-created"].decode(event))).toBe(false);
    }), { numRuns: 30 });
  });

  it("an invalid object gives Left with the same issues as the canonical parser, as io-ts errors", () => {
    const lot = example("lot") as Record<string, unknown>;
    const bad = { ...lot, quantity: { value: "12,5", unit: "KG" }, kind: "lot" };
    const result = LotCodec.decode(bad);
    expect(E.isLeft(result)).toBe(true);
    if (!E.isLeft(result)) return;
    const expected = safeParseLot(bad);
    expect(expected.ok).toBe(false);
    if (expected.ok) return;
    expect(issuesOf(result.left)).toEqual(expected.issues);
    const first = result.left[0] as IssueValidationError;
    // Message, context and value all point at the offending field.
    expect(first.message).toBe(`${expected.issues[0].path} ${expected.issues[0].code}: ${expected.issues[0].message}`);
    expect(first.context.map((c) => c.key)).toEqual(["", ...expected.issues[0].path.slice(1).split("/")]);
    expect(first.context[0]?.type).toBe(LotCodec);
    expect(PathReporter.report(result)).toEqual(expected.issues.map((i) => `${i.path} ${i.code}: ${i.message}`));
    expect(LotCodec.is(bad)).toBe(false);
  });

  it("reports the value at the issue's path, and the whole input for a root issue", () => {
    const result = LotCodec.decode("not a lot");
    expect(E.isLeft(result) && result.left[0]?.value).toBe("not a lot");
    const nested = LotCodec.decode({ ...(example("lot") as object), material: { id: { value: "", scheme: "sap-s4hana" } } });
    expect(E.isLeft(nested)).toBe(true);
    if (E.isLeft(nested)) {
      const issue = issuesOf(nested.left)[0]!;
      expect(issue.path).toBe("/material/id/value");
      expect(nested.left[0]?.value).toBe("");
    }
  });

  it("works inside ordinary io-ts compositions, and issuesOf also reads plain io-ts errors", () => {
    const Batch = t.type({ lots: t.array(LotCodec), note: t.string });
    const result = Batch.decode({ lots: [example("lot"), { kind: "lot" }], note: 42 });
    expect(E.isLeft(result)).toBe(true);
    if (!E.isLeft(result)) return;
    const issues = issuesOf(result.left);
    expect(issues.some((i) => i.code === "io-ts.invalid" && i.path === "/note")).toBe(true);
    expect(issues.some((i) => i.code !== "io-ts.invalid")).toBe(true);
    // The canonical issue's path is relative to the lot; the io-ts context gives the full path.
    const lotError = result.left.find((e) => (e as Partial<IssueValidationError>).issue !== undefined)!;
    expect(lotError.context.slice(0, 3).map((c) => c.key)).toEqual(["", "lots", "1"]);
  });

  it("codecFromParser bridges any safe parser", () => {
    const Positive = codecFromParser<number>("Positive", (u) =>
      typeof u === "number" && u > 0 ? { ok: true, value: u } : { ok: false, issues: [{ path: "", code: "value.too-small", message: "must be positive" }] });
    expect(Positive.decode(3)).toEqual(E.right(3));
    expect(PathReporter.report(Positive.decode(-1))).toEqual(["/ value.too-small: must be positive"]);
    expect(Positive.is(-1)).toBe(false);
  });
});
