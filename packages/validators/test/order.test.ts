import { describe, expect, it } from "vitest";
import type { Operation } from "@mfgsync/canonical";
import { validate } from "@mfgsync/validators";
import { expectNone, expectPaths, order } from "./fixtures.js";

const op = (sequence: string, extra: Partial<Operation> = {}): Operation => ({ sequence, state: { value: "Released" }, ...extra });

describe("order/operation-sequence", () => {
  it("passes unique ascending sequences, compared as numbers across vendor spellings", () => {
    expectNone(validate("production-order", order({ operations: [op("10"), op("0020"), op("100")] })), "order/operation-sequence");
  });

  it("reports duplicates (0010 equals 10) and descending sequences", () => {
    const report = validate("production-order", order({ operations: [op("0010"), op("30"), op("10"), op("20")] }));
    const findings = expectPaths(report, "order/operation-sequence", ["/operations/2/sequence", "/operations/3/sequence"]);
    expect(findings[0]?.message).toContain("repeats operation 0");
    expect(findings[1]?.message).toContain("comes after a higher one (30)");
  });
});

describe("order/planned-dates", () => {
  it("passes starts before ends, mixing dates and timestamps", () => {
    expectNone(validate("production-order", order({ plannedStart: "2026-03-02", plannedEnd: "2026-03-02T23:00:00+01:00" })), "order/planned-dates");
  });

  it("reports a start after its end on the order and on operations", () => {
    const o = order({
      plannedStart: "2026-03-05", plannedEnd: "2026-03-04",
      actualStart: "2026-03-02T10:00:00+01:00", actualEnd: "2026-03-02T09:30:00Z",
      operations: [op("0010", { actualStart: "2026-03-03T08:00:00Z", actualEnd: "2026-03-03T07:00:00Z" })],
    });
    // 10:00+01:00 is 09:00Z, before 09:30Z: the actual pair is fine once offsets are applied
    expectPaths(validate("production-order", o), "order/planned-dates", ["/plannedStart", "/operations/0/actualStart"]);
  });
});

describe("order/operation-dates", () => {
  it("passes operations inside the order's window", () => {
    expectNone(validate("production-order", order()), "order/operation-dates");
  });

  it("reports operations outside the window, using scheduled dates when present", () => {
    const early = order({ operations: [op("0010", { plannedStart: "2026-03-01T22:00:00Z", plannedEnd: "2026-03-02T10:00:00Z" }), op("0020", { plannedStart: "2026-03-03T10:00:00Z", plannedEnd: "2026-03-05T08:00:00Z" })] });
    expectPaths(validate("production-order", early), "order/operation-dates", ["/operations/0/plannedStart", "/operations/1/plannedEnd"]);
    const scheduled = order({ scheduledStart: "2026-03-02T12:00:00+01:00", scheduledEnd: "2026-03-03T12:00:00+01:00" });
    expectPaths(validate("production-order", scheduled), "order/operation-dates", ["/operations/0/plannedStart"]);
  });
});

describe("order/released-has-operations", () => {
  it("passes a released order with operations and a waiting order without", () => {
    expectNone(validate("production-order", order()), "order/released-has-operations");
    expectNone(validate("production-order", order({ state: { value: "Waiting" }, operations: [] })), "order/released-has-operations");
  });

  it("reports a released or running order without operations", () => {
    expectPaths(validate("production-order", order({ operations: [] })), "order/released-has-operations", ["/operations"]);
    expectPaths(validate("production-order", order({ state: { value: "Running" }, operations: [] })), "order/released-has-operations", ["/operations"]);
  });
});
