import { describe, expect, it } from "vitest";
import { createInMemoryContext, safeCreateInMemoryContext } from "@mfgsync/validators";
import { dispositionChanged, event, id, inspection, lot, material } from "./fixtures.js";

describe("createInMemoryContext", () => {
  it("creates plant and material stores only when given, so their rules are skipped otherwise", () => {
    const empty = createInMemoryContext();
    expect(empty.plants).toBeUndefined();
    expect(empty.materials).toBeUndefined();
    expect(createInMemoryContext({ plants: [] }).plants?.has("1010")).toBe(false);
  });

  it("finds materials by scheme and value, at a revision or the last one listed", () => {
    const context = createInMemoryContext({ materials: [material({ revision: "A" }), material({ revision: "B" })] });
    expect(context.materials?.get(id("FG-1000"))?.revision).toBe("B");
    expect(context.materials?.get({ ...id("FG-1000"), issuer: "other" }, "A")?.revision).toBe("A");
    expect(context.materials?.get(id("FG-1000"), "C")).toBeUndefined();
    expect(context.materials?.get(id("FG-1000", "oracle-fusion"))).toBeUndefined();
  });

  it("derives dispositions from lots unless a disposition record says otherwise", () => {
    const context = createInMemoryContext({
      lots: [lot({ lastChangedAt: "2026-03-03T08:00:00Z" }), lot({ id: id("L2"), disposition: { value: "UnRestricted" } })],
      lotDispositions: [{ lot: id("L2"), disposition: "Restricted" }],
    });
    expect(context.lotDispositions?.get(id("0000012345"))).toEqual({ lot: id("0000012345"), disposition: "UnRestricted", changedAt: "2026-03-03T08:00:00Z" });
    expect(context.lotDispositions?.get(id("L2"))?.disposition).toBe("Restricted");
    expect(context.lotDispositions?.get(id("L3"))).toBeUndefined();
  });

  it("records accepted events: keys, highest sequences, dispositions, new lots, inspections and their decisions", () => {
    const context = createInMemoryContext();
    const hold = dispositionChanged({}, { sequence: 5 });
    context.record(hold);
    context.record(dispositionChanged({}, { sequence: 3 }));
    expect(context.idempotency?.has(hold.id)).toBe(true);
    expect(context.sequences?.last(hold.source, hold.subject)).toBe("5");
    expect(context.lotDispositions?.get(id("0000012345"))).toMatchObject({ disposition: "Restricted", changedAt: "2026-03-03T10:00:00Z" });
    context.record(event("lot-created", { lot: lot({ id: id("L9") }) }, { subject: "L9" }));
    expect(context.lots?.get(id("L9"))?.id.value).toBe("L9");
    context.record(event("inspection-requested", { inspection: inspection({ results: [], decision: undefined }) }, { subject: "890000000123" }));
    context.record(event("inspection-result-recorded", { inspection: id("890000000123"), results: [{ characteristic: "0020", evaluation: { value: "Pass" } }] }, { subject: "890000000123" }));
    context.record(event("inspection-decision-made", { inspection: id("890000000123"), subject: { lot: id("0000012345") }, decision: { outcome: { value: "Accepted" } } }, { subject: "890000000123" }));
    const known = context.inspections?.get(id("890000000123"));
    expect(known?.results.map((r) => r.characteristic)).toEqual(["0020"]);
    expect(known?.decision?.outcome.value).toBe("Accepted");
    context.record(event("inspection-decision-made", { inspection: id("NEW"), subject: { lot: id("L9") }, decision: { outcome: { value: "Rejected" } } }, { subject: "NEW" }));
    expect(context.inspections?.forLot(id("L9")).map((i) => i.decision?.outcome.value)).toEqual(["Rejected"]);
  });

  it("lists global conversions and those of the material asked for", () => {
    const context = createInMemoryContext({
      unitConversions: [{ from: "LTR", to: "KGM", numerator: "1", denominator: "1" }, { from: "H87", to: "KGM", numerator: "2", denominator: "1", material: id("RM-1") }],
    });
    expect(context.unitConversions?.list().length).toBe(1);
    expect(context.unitConversions?.list(id("RM-1")).length).toBe(2);
  });
});

describe("safeCreateInMemoryContext", () => {
  it("accepts valid JSON master data", () => {
    const result = safeCreateInMemoryContext(JSON.parse(JSON.stringify({
      plants: ["1010"], materials: [material()], lots: [lot()], inspections: [inspection()],
      unitConversions: [{ from: "LTR", to: "KGM", numerator: "1.2", denominator: "1" }],
      lotDispositions: [{ lot: id("0000012345"), disposition: "Restricted", changedAt: "2026-03-03T10:00:00Z" }],
      seenIdempotencyKeys: ["x"], lastSequences: [{ source: "s", subject: "t", sequence: "4" }],
    })));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.plants?.has("1010")).toBe(true);
  });

  it("returns issues with JSON Pointers for every bad part, never throws", () => {
    const result = safeCreateInMemoryContext(JSON.parse(`{
      "plants": "1010", "materials": [{ "kind": "material" }], "unitConversions": [{ "from": "PCE", "to": "KGM", "numerator": "1", "denominator": "0" }],
      "lotDispositions": [{ "lot": { "value": "1" }, "disposition": "Quarantine" }], "lastSequences": [{ "source": "s", "subject": "t", "sequence": "0" }],
      "seenIdempotencyKeys": [42], "__proto__": []
    }`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    for (const path of ["/plants", "/materials/0/schemaVersion", "/unitConversions/0/from", "/unitConversions/0/denominator", "/lotDispositions/0/lot/scheme", "/lotDispositions/0/disposition", "/lastSequences/0/sequence", "/seenIdempotencyKeys/0", "/__proto__"]) {
      expect(paths, path).toContain(path);
    }
    for (const bad of [null, 1, "x", []]) expect(safeCreateInMemoryContext(bad).ok).toBe(false);
  });
});
