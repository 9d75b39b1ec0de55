import { describe, expect, it } from "vitest";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import { event, expectNone, expectPaths, id, nonconformance } from "./fixtures.js";

const LOT = id("0000012345");
const disposition = (value: "Restricted" | "UnRestricted" | "Closed") => createInMemoryContext({ lotDispositions: [{ lot: LOT, disposition: value }] });

describe("nonconformance/affected-lots", () => {
  it("passes a major nonconformance naming a lot, and a minor one without lots", () => {
    expectNone(validate("nonconformance", nonconformance()), "nonconformance/affected-lots");
    expectNone(validate("nonconformance", nonconformance({ severity: { value: "Minor" }, affected: [] })), "nonconformance/affected-lots");
  });

  it("reports a critical or major nonconformance without affected lots", () => {
    expectPaths(validate("nonconformance", nonconformance({ severity: { value: "Critical" }, affected: [{ material: { id: id("FG-1000") } }] })), "nonconformance/affected-lots", ["/affected"]);
    expectPaths(validate("nonconformance", nonconformance({ affected: [] })), "nonconformance/affected-lots", ["/affected"]);
  });
});

describe("nonconformance/lots-restricted", () => {
  it("passes when affected lots are held (or closed), and once the nonconformance is closed", () => {
    expectNone(validate("nonconformance", nonconformance(), { context: disposition("Restricted") }), "nonconformance/lots-restricted");
    expectNone(validate("nonconformance", nonconformance(), { context: disposition("Closed") }), "nonconformance/lots-restricted");
    const closed = nonconformance({ status: { value: "Closed" }, disposition: { value: "Scrap" }, rootCause: { description: "worn tool" } });
    expectNone(validate("nonconformance", closed, { context: disposition("UnRestricted") }), "nonconformance/lots-restricted");
  });

  it("reports an affected lot still in free stock while the nonconformance is open", () => {
    const report = validate("nonconformance", nonconformance(), { context: disposition("UnRestricted") });
    expect(expectPaths(report, "nonconformance/lots-restricted", ["/affected/0/lot"])[0]?.message).toContain("is UnRestricted");
    const raised = event("nonconformance-raised", { nonconformance: nonconformance() }, { subject: "NC-2026-0042" });
    expectPaths(validate("nonconformance-raised", raised, { context: disposition("UnRestricted") }), "nonconformance/lots-restricted", ["/data/nonconformance/affected/0/lot"]);
  });
});

describe("nonconformance/closure-complete", () => {
  it("passes a closed nonconformance with disposition and root cause, and an open one without", () => {
    const closed = nonconformance({ status: { value: "Closed" }, disposition: { value: "Rework" }, rootCause: { code: "TOOL", description: "worn boring bar" } });
    expectNone(validate("nonconformance", closed), "nonconformance/closure-complete");
    expectNone(validate("nonconformance", nonconformance()), "nonconformance/closure-complete");
  });

  it("reports closing without disposition or root cause, also through nonconformance-closed events", () => {
    expectPaths(validate("nonconformance", nonconformance({ status: { value: "Closed" }, disposition: { value: "Scrap" } })), "nonconformance/closure-complete", ["/rootCause"]);
    const closedEvent = event("nonconformance-closed", { nonconformance: nonconformance({ status: { value: "Cancelled" }, rootCause: { description: "duplicate" } }) }, { subject: "NC-2026-0042" });
    expectPaths(validate("nonconformance-closed", closedEvent), "nonconformance/closure-complete", ["/data/nonconformance/disposition"]);
  });
});
