import { describe, expect, it } from "vitest";
import type { EventInput, LotHold } from "@mfgsync/canonical";
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { createInMemoryContext, safeCreateInMemoryContext, validate } from "@mfgsync/validators";
import { consumed, dispositionChanged, event, expectNone, expectPaths, id, inspection, lot, order } from "./fixtures.js";

const RM_LOT = id("0000008801");
const LOT = id("0000012345");
const NC = id("NC-2026-0042", "qms");
const hold = (blocks: LotHold["blocks"], extra: Partial<LotHold> = {}): LotHold => ({
  id: id("HOLD-1", "qms"), reason: { value: "SuspectedNonconformance" }, source: { value: "Nonconformance" }, sourceReference: NC, blocks, ...extra,
});
const withHolds = (holds: LotHold[], quantity = { value: "100", unit: "H87" }) =>
  createInMemoryContext({ lots: [lot({ id: LOT, quantity }), lot({ id: RM_LOT, material: { id: id("RM-200") }, quantity: { value: "50", unit: "KGM" }, holds })], lotDispositions: [{ lot: LOT, disposition: "UnRestricted", holds }] });
const shipped = (extra: Record<string, unknown> = {}) =>
  event("lot-shipped", { lot: LOT, quantity: { value: "12", unit: "H87" }, occurredAt: "2026-03-05T14:00:00+01:00", ...extra } as EventInput<"lot-shipped">["data"]);
const produced = (extra: Record<string, unknown> = {}) =>
  event("material-produced", {
    order: id("1000123"), material: { id: id("FG-1000") }, lot: LOT, quantity: { value: "10", unit: "H87" }, materialUse: "Produced", occurredAt: "2026-03-03T13:25:00+01:00", ...extra,
  } as EventInput<"material-produced">["data"], { subject: "1000123" });

describe("lot/hold-blocks", () => {
  it("an active hold that blocks consumption makes a consumption of the lot an error", () => {
    const report = validate("material-consumed", consumed(), { context: withHolds([hold(["Consumption"])]) });
    const [finding] = expectPaths(report, "lot/hold-blocks", ["/data/lot"]);
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain("hold HOLD-1 (qms) from Nonconformance NC-2026-0042 (qms)");
    expect(finding?.message).toContain("must not be consumed");
    expect(report.ok).toBe(false);
  });

  it("an active hold that blocks shipment makes a shipment of the lot an error", () => {
    expectPaths(validate("lot-shipped", shipped(), { context: withHolds([hold(["Shipment"])]) }), "lot/hold-blocks", ["/data/lot"]);
    expectPaths(validate("lot-shipped", shipped(), { context: withHolds([hold(["All"])]) }), "lot/hold-blocks", ["/data/lot"]);
  });

  it("a hold that blocks production completion refuses goods receipts into the lot", () => {
    expectPaths(validate("material-produced", produced(), { context: withHolds([hold(["ProductionCompletion"])]) }), "lot/hold-blocks", ["/data/lot"]);
  });

  it("passes what the hold does not block, reversals, released lots and lots the context does not know", () => {
    const shipmentOnly = withHolds([hold(["Shipment", "Transfer"])]);
    expectNone(validate("material-consumed", consumed(), { context: shipmentOnly }), "lot/hold-blocks");
    expectNone(validate("lot-shipped", shipped({ reversal: true }), { context: withHolds([hold(["Shipment"])]) }), "lot/hold-blocks");
    expectNone(validate("lot-shipped", shipped(), { context: withHolds([]) }), "lot/hold-blocks");
    expectNone(validate("lot-shipped", shipped({ lot: id("UNKNOWN") }), { context: withHolds([hold(["All"])]) }), "lot/hold-blocks");
    expectNone(validate("lot-shipped", shipped(), { context: withHolds([hold(["Other"])]) }), "lot/hold-blocks");
  });

  it("a hold on part of the lot blocks only that part, converted exactly", () => {
    const partial = withHolds([hold(["Shipment"], { quantity: { value: "3", unit: "H87" } })], { value: "15", unit: "H87" });
    expectNone(validate("lot-shipped", shipped({ quantity: { value: "12", unit: "H87" } }), { context: partial }), "lot/hold-blocks");
    const [finding] = expectPaths(validate("lot-shipped", shipped({ quantity: { value: "13", unit: "H87" } }), { context: partial }), "lot/hold-blocks", ["/data/lot"]);
    expect(finding?.message).toContain("holds 15 H87, of which 3 H87 are under holds that block shipment");
    // 1 dozen of 15 with 3 held: 12 units, allowed; 13 units of 15 with 3 held, not.
    expectNone(validate("lot-shipped", shipped({ quantity: { value: "1", unit: "DZN" } }), { context: partial }), "lot/hold-blocks");
  });

  it("open orders do not prescribe a lot whose hold blocks consumption; finished ones are not judged", () => {
    const prescribing = order({ components: [{ ...order().components[0]!, lot: RM_LOT }] });
    expectPaths(validate("production-order", prescribing, { context: withHolds([hold(["Consumption"])]) }), "lot/hold-blocks", ["/components/0/lot"]);
    expectNone(validate("production-order", { ...prescribing, state: { value: "Closed" } }, { context: withHolds([hold(["Consumption"])]) }), "lot/hold-blocks");
  });

  it("recognises the held lot from a reference in another system (cross-references) and tells companies apart (scope)", () => {
    const crossed = createInMemoryContext({ lots: [lot({ id: RM_LOT, crossReferences: [{ value: "L-8801", scheme: "mes" }], holds: [hold(["Consumption"])] })] });
    expectPaths(validate("material-consumed", consumed({ lot: { value: "L-8801", scheme: "mes" } }), { context: crossed }), "lot/hold-blocks", ["/data/lot"]);
    const usmf = { type: "company" as const, value: "usmf" };
    const scoped = createInMemoryContext({ lots: [lot({ id: { value: "B-1", scheme: "d365", scope: usmf }, holds: [hold(["Shipment"])] })] });
    expectPaths(validate("lot-shipped", shipped({ lot: { value: "B-1", scheme: "d365", scope: usmf } }), { context: scoped }), "lot/hold-blocks", ["/data/lot"]);
    expectNone(validate("lot-shipped", shipped({ lot: { value: "B-1", scheme: "d365", scope: { type: "company", value: "demf" } } }), { context: scoped }), "lot/hold-blocks");
  });

  it("follows holds placed and released by accepted disposition changes (releases first, then placements)", () => {
    const context = createInMemoryContext({ lots: [lot({ id: LOT, quantity: { value: "100", unit: "H87" } })] });
    const placed = dispositionChanged({ holdsPlaced: [hold(["Shipment"])] }, { sequence: 2 });
    expect(validate("lot-disposition-changed", placed, { context }).ok).toBe(true);
    context.record(placed);
    expectPaths(validate("lot-shipped", shipped(), { context }), "lot/hold-blocks", ["/data/lot"]);
    const released = dispositionChanged({
      change: "Release", from: { value: "Restricted" }, to: { value: "UnRestricted" }, inspection: id("890000000123"),
      holdsReleased: [{ hold: id("HOLD-1", "qms"), cause: { value: "Manual" } }], holdsPlaced: [hold(["Consumption"], { id: id("HOLD-2", "qms") })],
    }, { sequence: 3 });
    context.record(released);
    expect(context.lotDispositions?.get(LOT)?.holds?.map((h) => h.id?.value)).toEqual(["HOLD-2"]);
    expectNone(validate("lot-shipped", shipped(), { context }), "lot/hold-blocks");
    // A release without a hold id releases every hold active before the change.
    context.record(dispositionChanged({ change: "Release", from: { value: "Restricted" }, to: { value: "UnRestricted" }, holdsReleased: [{}] }, { sequence: 4 }));
    expect(context.lotDispositions?.get(LOT)?.holds).toEqual([]);
  });

  it("context files may carry holds and quality statuses, checked like the schemas", () => {
    const good = safeCreateInMemoryContext(JSON.parse(JSON.stringify({ lotDispositions: [{ lot: LOT, disposition: "Restricted", qualityStatus: "OnHold", holds: [hold(["All"])] }] })));
    expect(good.ok && good.value.lotDispositions?.get(LOT)?.holds?.length).toBe(1);
    const bad = safeCreateInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "Restricted", qualityStatus: "Held", holds: [{ blocks: [] }] }] });
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["/lotDispositions/0/qualityStatus", "/lotDispositions/0/holds/0/blocks", "/lotDispositions/0/holds/0/reason"]));
  });
});

describe("lot/restricted-not-used covers shipments", () => {
  it("a Restricted lot is not shipped", () => {
    const context = createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "Restricted" }] });
    expectPaths(validate("lot-shipped", shipped(), { context }), "lot/restricted-not-used", ["/data/lot"]);
    expectNone(validate("lot-shipped", shipped({ reversal: true }), { context }), "lot/restricted-not-used");
  });
});

describe("lot/rejected-not-unrestricted", () => {
  it("a lot whose quality status is Rejected cannot be UnRestricted", () => {
    const [finding] = expectPaths(validate("lot", lot({ qualityStatus: { value: "Rejected" } })), "lot/rejected-not-unrestricted", ["/disposition/value"]);
    expect(finding?.message).toContain("Rejected");
    expectNone(validate("lot", lot({ qualityStatus: { value: "Rejected" }, disposition: { value: "Restricted" } })), "lot/rejected-not-unrestricted");
    expectNone(validate("lot", lot({ qualityStatus: { value: "Accepted" } })), "lot/rejected-not-unrestricted");
    // Inside lot-created too (the embedded lot's own rules run).
    const created = event("lot-created", { lot: lot({ schemaVersion: SCHEMA_VERSION, qualityStatus: { value: "Rejected" } }) });
    expectPaths(validate("lot-created", created), "lot/rejected-not-unrestricted", ["/data/lot/disposition/value"]);
  });

  it("a change to UnRestricted of a rejected lot (by the event or the context) is an error, and so is a rejecting decision that frees the lot", () => {
    const release = (extra: Record<string, unknown> = {}) => dispositionChanged({ change: "Release", from: { value: "Restricted" }, to: { value: "UnRestricted" }, ...extra });
    expectPaths(validate("lot-disposition-changed", release({ qualityStatus: { value: "Rejected" } })), "lot/rejected-not-unrestricted", ["/data/to/value"]);
    const context = createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "Restricted", qualityStatus: "Rejected" }] });
    expectPaths(validate("lot-disposition-changed", release(), { context }), "lot/rejected-not-unrestricted", ["/data/to/value"]);
    expectNone(validate("lot-disposition-changed", release({ qualityStatus: { value: "Accepted" } }), { context }), "lot/rejected-not-unrestricted");
    const decision = { outcome: { value: "Accepted" as const }, resultingDisposition: "UnRestricted" as const, resultingQualityStatus: "Rejected" as const };
    expectPaths(validate("inspection", inspection({ decision })), "lot/rejected-not-unrestricted", ["/decision/resultingDisposition"]);
  });
});

describe("lot/hold-release-decision", () => {
  const release = (holdsReleased: unknown[], extra: Record<string, unknown> = {}) =>
    dispositionChanged({ change: "Release", from: { value: "Restricted" }, to: { value: "UnRestricted" }, holdsReleased, ...extra });
  const byDecision = { cause: { value: "InspectionDecision" } };

  it("a hold released by an inspection decision must reference that decision's inspection", () => {
    const [finding] = expectPaths(validate("lot-disposition-changed", release([byDecision])), "lot/hold-release-decision", ["/data/holdsReleased/0/inspection"]);
    expect(finding?.message).toContain("must reference the inspection");
    expectNone(validate("lot-disposition-changed", release([{ ...byDecision, inspection: id("890000000123") }])), "lot/hold-release-decision");
    expectNone(validate("lot-disposition-changed", release([byDecision], { inspection: id("890000000123") })), "lot/hold-release-decision");
    expectNone(validate("lot-disposition-changed", release([{ cause: { value: "Manual" } }])), "lot/hold-release-decision");
  });

  it("the referenced inspection, when known, is decided and is about this lot", () => {
    const undecided = createInMemoryContext({ inspections: [inspection({ decision: undefined })] });
    expectPaths(validate("lot-disposition-changed", release([{ ...byDecision, inspection: id("890000000123") }]), { context: undecided }), "lot/hold-release-decision", ["/data/holdsReleased/0/inspection"]);
    const otherLot = createInMemoryContext({ inspections: [inspection({ subject: { lot: id("OTHER") } })] });
    const [finding] = expectPaths(validate("lot-disposition-changed", release([byDecision], { inspection: id("890000000123") }), { context: otherLot }), "lot/hold-release-decision", ["/data/inspection"]);
    expect(finding?.message).toContain("inspected lot OTHER");
    expectNone(validate("lot-disposition-changed", release([byDecision], { inspection: id("890000000123") }), { context: createInMemoryContext({ inspections: [inspection()] }) }), "lot/hold-release-decision");
  });
});

describe("event/data-matches-type for order state events", () => {
  it("a held event carries a held order, a completed one a completed order", () => {
    const held = (state: string) => event("production-order-held", { order: id("1000123"), state: { value: state }, occurredAt: "2026-03-03T15:20:00+01:00" } as EventInput<"production-order-held">["data"], { subject: "1000123" });
    expectNone(validate("production-order-held", held("Held")), "event/data-matches-type");
    expectPaths(validate("production-order-held", held("Running")), "event/data-matches-type", ["/data/state/value"]);
    const completed = event("production-order-completed", { order: id("1000123"), state: { value: "Released" }, occurredAt: "2026-03-03T15:20:00+01:00" }, { subject: "1000123" });
    expectPaths(validate("production-order-completed", completed), "event/data-matches-type", ["/data/state/value"]);
  });
});
