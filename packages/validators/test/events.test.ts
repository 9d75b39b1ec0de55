import { describe, expect, it } from "vitest";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import { consumed, dispositionChanged, event, expectNone, expectPaths, id, nonconformance, order } from "./fixtures.js";

const LOT = id("0000012345");

describe("event/duplicate", () => {
  it("passes a new idempotency key", () => {
    expectNone(validate("material-consumed", consumed(), { context: createInMemoryContext({ seenIdempotencyKeys: [consumed({}, { sequence: 2 }).id] }) }), "event/duplicate");
  });

  it("reports a key already processed, including one recorded earlier in a batch", () => {
    const first = consumed();
    expectPaths(validate("material-consumed", first, { context: createInMemoryContext({ seenIdempotencyKeys: [first.id] }) }), "event/duplicate", ["/id"]);
    const context = createInMemoryContext();
    expectNone(validate("material-consumed", first, { context }), "event/duplicate");
    context.record(first);
    expectPaths(validate("material-consumed", consumed(), { context }), "event/duplicate", ["/id"]);
  });
});

describe("event/sequence", () => {
  const after = (sequence: string) => createInMemoryContext({ lastSequences: [{ source: "urn:mfgsync:mes:line-3", subject: "1000123", sequence }] });

  it("passes the next sequence, an unknown subject, and another source", () => {
    expectNone(validate("material-consumed", consumed({}, { sequence: 4 }), { context: after("3") }), "event/sequence");
    expectNone(validate("material-consumed", consumed({}, { sequence: 9, subject: "1000124" }), { context: after("3") }), "event/sequence");
    expectNone(validate("material-consumed", consumed({}, { sequence: 9, source: "urn:mfgsync:mes:line-4" }), { context: after("3") }), "event/sequence");
  });

  it("reports gaps and repeats, comparing sequences as big integers", () => {
    expect(expectPaths(validate("material-consumed", consumed({}, { sequence: 7 }), { context: after("3") }), "event/sequence", ["/sequence"])[0]?.message).toContain("3 event(s) missing");
    expect(expectPaths(validate("material-consumed", consumed({}, { sequence: 3 }), { context: after("3") }), "event/sequence", ["/sequence"])[0]?.message).toContain("out-of-order");
    expectPaths(validate("material-consumed", consumed({}, { sequence: "9007199254740993" }), { context: after("9007199254740991") }), "event/sequence", ["/sequence"]);
    expectNone(validate("material-consumed", consumed({}, { sequence: "9007199254740993" }), { context: after("9007199254740992") }), "event/sequence");
  });
});

describe("event/disposition-order", () => {
  const current = createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: "UnRestricted", changedAt: "2026-03-03T09:00:00Z" }] });

  it("passes a change from the current disposition, after it was set", () => {
    expectNone(validate("lot-disposition-changed", dispositionChanged(), { context: current }), "event/disposition-order");
  });

  it("reports a change from another disposition and a change older than the current one", () => {
    const stale = dispositionChanged({ from: { value: "Restricted" }, change: "Release", to: { value: "UnRestricted" }, occurredAt: "2026-03-03T08:00:00Z" });
    expectPaths(validate("lot-disposition-changed", stale, { context: current }), "event/disposition-order", ["/data/from/value", "/data/occurredAt"]);
    const context = createInMemoryContext();
    context.record(dispositionChanged());
    expectPaths(validate("lot-disposition-changed", dispositionChanged({}, { sequence: 2 }), { context }), "event/disposition-order", ["/data/from/value"]);
  });
});

describe("event/data-matches-type", () => {
  it("passes events whose data agrees with their type", () => {
    expectNone(validate("lot-disposition-changed", dispositionChanged()), "event/data-matches-type");
    expectNone(validate("production-order-released", event("production-order-released", { order: order() }, { subject: "1000123" })), "event/data-matches-type");
  });

  it("reports holds that release, consumptions that produce, releases of unreleased orders, closed events of open nonconformances", () => {
    expectPaths(validate("lot-disposition-changed", dispositionChanged({ change: "Hold", to: { value: "UnRestricted" } })), "event/data-matches-type", ["/data/to/value"]);
    expectPaths(validate("lot-disposition-changed", dispositionChanged({ change: "Release", from: { value: "UnRestricted" }, to: { value: "UnRestricted" } })), "event/data-matches-type", ["/data/from/value"]);
    expectPaths(validate("material-consumed", consumed({ materialUse: "Produced" })), "event/data-matches-type", ["/data/materialUse"]);
    const released = event("production-order-released", { order: order({ state: { value: "Waiting" } }) }, { subject: "1000123" });
    expectPaths(validate("production-order-released", released), "event/data-matches-type", ["/data/order/state/value"]);
    const closed = event("nonconformance-closed", { nonconformance: nonconformance({ disposition: { value: "Scrap" }, rootCause: { description: "x" } }) }, { subject: "NC-2026-0042" });
    expectPaths(validate("nonconformance-closed", closed), "event/data-matches-type", ["/data/nonconformance/status/value"]);
  });
});

describe("event/subject-matches-data", () => {
  it("passes a subject that is the data's business key", () => {
    expectNone(validate("material-consumed", consumed()), "event/subject-matches-data");
    expectNone(validate("lot-disposition-changed", dispositionChanged()), "event/subject-matches-data");
  });

  it("reports a subject naming another object", () => {
    expectPaths(validate("material-consumed", consumed({}, { subject: "0000008801" })), "event/subject-matches-data", ["/subject"]);
    const raised = event("nonconformance-raised", { nonconformance: nonconformance() }, { subject: "NC-0001" });
    expectPaths(validate("nonconformance-raised", raised), "event/subject-matches-data", ["/subject"]);
  });
});
