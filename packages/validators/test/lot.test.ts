import { describe, expect, it } from "vitest";
import type { Disposition } from "@mfgsync/canonical";
import { DISPOSITION_TRANSITIONS, createInMemoryContext, findDispositionTransition, validate } from "@mfgsync/validators";
import { consumed, dispositionChanged, event, expectNone, expectPaths, id, inspection, lot, material, order } from "./fixtures.js";

const LOT = id("0000012345");
const RM_LOT = id("0000008801");
const holding = (disposition: Disposition) => createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition }, { lot: RM_LOT, disposition }] });

describe("DISPOSITION_TRANSITIONS", () => {
  it("is the documented state machine: Closed final, release only through acceptance, nothing back to Planned", () => {
    expect(DISPOSITION_TRANSITIONS.Closed).toEqual([]);
    expect(findDispositionTransition("Restricted", "UnRestricted")).toEqual({ to: "UnRestricted", requires: "accepting-inspection" });
    expect(findDispositionTransition("UnRestricted", "Restricted")).toEqual({ to: "Restricted" });
    expect(findDispositionTransition("UnRestricted", "In-Process")).toBeUndefined();
    for (const from of Object.keys(DISPOSITION_TRANSITIONS) as Disposition[]) expect(findDispositionTransition(from, "Planned")).toBeUndefined();
    expect(findDispositionTransition("Other", "Closed")).toBe("unjudged");
    expect(Object.isFrozen(DISPOSITION_TRANSITIONS.Restricted)).toBe(true);
  });
});

describe("lot/disposition-transition", () => {
  it("passes allowed changes (event from, context state, lot object)", () => {
    expectNone(validate("lot-disposition-changed", dispositionChanged()), "lot/disposition-transition");
    expectNone(validate("lot", lot({ disposition: { value: "Restricted" } }), { context: holding("UnRestricted") }), "lot/disposition-transition");
  });

  it("reports changes the state machine forbids", () => {
    const reopen = dispositionChanged({ change: "Release", from: { value: "Closed" }, to: { value: "UnRestricted" }, inspection: id("890000000123") });
    expect(expectPaths(validate("lot-disposition-changed", reopen), "lot/disposition-transition", ["/data/to/value"])[0]?.message).toContain("(Closed is final)");
    const fromContext = dispositionChanged({ change: "Other", from: undefined, to: { value: "In-Process" } });
    expectPaths(validate("lot-disposition-changed", fromContext, { context: holding("Restricted") }), "lot/disposition-transition", ["/data/to/value"]);
    expectPaths(validate("lot", lot({ disposition: { value: "Planned" } }), { context: holding("UnRestricted") }), "lot/disposition-transition", ["/disposition/value"]);
  });
});

describe("lot/expiry-after-manufacture", () => {
  it("passes an expiry after manufacture", () => {
    expectNone(validate("lot", lot({ manufacturedAt: "2026-03-03T23:30:00+01:00", expiresOn: "2026-03-04" })), "lot/expiry-after-manufacture");
  });

  it("reports an expiry on or before manufacture and a retest before manufacture", () => {
    expectPaths(validate("lot", lot({ expiresOn: "2026-03-03", retestOn: "2026-03-01" })), "lot/expiry-after-manufacture", ["/expiresOn", "/retestOn"]);
    expectPaths(validate("lot", lot({ manufacturedAt: "2026-03-03T10:00:00Z", expiresOn: "2026-03-03T09:00:00Z" })), "lot/expiry-after-manufacture", ["/expiresOn"]);
  });
});

describe("lot/restricted-not-used", () => {
  it("passes consuming an UnRestricted lot, reversals, and finished orders", () => {
    expectNone(validate("material-consumed", consumed(), { context: holding("UnRestricted") }), "lot/restricted-not-used");
    expectNone(validate("material-consumed", consumed({ reversal: true }), { context: holding("Restricted") }), "lot/restricted-not-used");
    const done = order({ state: { value: "Completed" }, components: [{ ...order().components[0]!, lot: RM_LOT }] });
    expectNone(validate("production-order", done, { context: holding("Restricted") }), "lot/restricted-not-used");
  });

  it("reports consuming or prescribing a Restricted or Closed lot, by the context's current disposition", () => {
    const report = validate("material-consumed", consumed(), { context: holding("Restricted") });
    expect(expectPaths(report, "lot/restricted-not-used", ["/data/lot"])[0]?.message).toBe("lot 0000008801 (sap-s4hana) is Restricted and must not be consumed");
    expectPaths(validate("material-consumed", consumed(), { context: holding("Closed") }), "lot/restricted-not-used", ["/data/lot"]);
    const open = order({ components: [{ ...order().components[0]!, lot: RM_LOT }] });
    expectPaths(validate("production-order", open, { context: holding("Restricted") }), "lot/restricted-not-used", ["/components/0/lot"]);
  });
});

describe("lot/release-needs-acceptance", () => {
  const release = (extra: Record<string, unknown> = {}) => dispositionChanged({ change: "Release", from: { value: "Restricted" }, to: { value: "UnRestricted" }, ...extra });
  const rejected = inspection({ decision: { outcome: { value: "Rejected" } } });

  it("passes a release naming an accepting inspection, or with one known for the lot", () => {
    expectNone(validate("lot-disposition-changed", release({ inspection: id("890000000123") }), { context: createInMemoryContext({ inspections: [inspection()] }) }), "lot/release-needs-acceptance");
    expectNone(validate("lot-disposition-changed", release(), { context: createInMemoryContext({ inspections: [inspection()] }) }), "lot/release-needs-acceptance");
    expectNone(validate("lot", lot(), { context: createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "Restricted" }], inspections: [inspection()] }) }), "lot/release-needs-acceptance");
  });

  it("reports releases without an accepting decision, and rejections resulting in free stock", () => {
    expectPaths(validate("lot-disposition-changed", release()), "lot/release-needs-acceptance", ["/data/to/value"]);
    const withRejected = createInMemoryContext({ inspections: [rejected] });
    expectPaths(validate("lot-disposition-changed", release({ inspection: id("890000000123") }), { context: withRejected }), "lot/release-needs-acceptance", ["/data/inspection"]);
    expectPaths(validate("lot", lot(), { context: createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "Restricted" }] }) }), "lot/release-needs-acceptance", ["/disposition/value"]);
    expectPaths(validate("inspection", inspection({ decision: { outcome: { value: "Rejected" }, resultingDisposition: "UnRestricted" } })), "lot/release-needs-acceptance", ["/decision/resultingDisposition"]);
    const decided = event("inspection-decision-made", { inspection: id("890000000123"), subject: { lot: LOT }, decision: { outcome: { value: "Rejected" }, resultingDisposition: "UnRestricted" } }, { subject: "890000000123" });
    expectPaths(validate("inspection-decision-made", decided), "lot/release-needs-acceptance", ["/data/decision/resultingDisposition"]);
  });
});

describe("lot/genealogy-acyclic", () => {
  it("passes a tree", () => {
    const parent = lot({ id: RM_LOT, children: [{ lot: LOT }] });
    expectNone(validate("lot", lot({ parents: [{ lot: RM_LOT }] }), { context: createInMemoryContext({ lots: [parent] }) }), "lot/genealogy-acyclic");
  });

  it("reports self links, a lot that is parent and child, and longer cycles through the context", () => {
    const direct = lot({ parents: [{ lot: LOT }, { lot: RM_LOT }], children: [{ lot: RM_LOT }] });
    expectPaths(validate("lot", direct), "lot/genealogy-acyclic", ["/parents/0/lot", "/children/0/lot"]);
    // LOT <- A <- B <- LOT: LOT is its own grandparent's parent
    const a = lot({ id: id("A"), parents: [{ lot: id("B") }] });
    const b = lot({ id: id("B"), parents: [{ lot: LOT }] });
    const report = validate("lot", lot({ parents: [{ lot: id("A") }] }), { context: createInMemoryContext({ lots: [a, b] }) });
    expect(expectPaths(report, "lot/genealogy-acyclic", ["/parents/0/lot"])[0]?.message).toContain("the genealogy is cyclic");
  });
});

describe("lot/genealogy-quantity", () => {
  const rmLot = lot({ id: RM_LOT, material: { id: id("RM-200") }, quantity: { value: "50", unit: "KGM" } });
  const context = createInMemoryContext({ lots: [rmLot], materials: [material({ id: id("RM-200"), baseUnit: "KGM" })] });

  it("passes consumption up to what the parent holds, across units", () => {
    const child = lot({ parents: [{ lot: RM_LOT, quantity: { value: "30", unit: "KGM" } }, { lot: RM_LOT, quantity: { value: "20000", unit: "GRM" } }] });
    expectNone(validate("lot", child, { context }), "lot/genealogy-quantity");
    expectNone(validate("material-consumed", consumed({ quantity: { value: "50", unit: "KGM" } }), { context }), "lot/genealogy-quantity");
  });

  it("reports consumption above what the parent holds", () => {
    const child = lot({ parents: [{ lot: RM_LOT, quantity: { value: "30", unit: "KGM" } }, { lot: RM_LOT, quantity: { value: "20001", unit: "GRM" } }] });
    expect(expectPaths(validate("lot", child, { context }), "lot/genealogy-quantity", ["/parents/1/quantity"])[0]?.message)
      .toBe("50.001 KGM consumed from lot 0000008801 (sap-s4hana), which holds 50 KGM");
    expectPaths(validate("material-consumed", consumed({ quantity: { value: "50.5", unit: "KGM" } }), { context }), "lot/genealogy-quantity", ["/data/quantity"]);
  });
});
