import type { ReportFinding } from "../engine/types.js";
import { builtinRule } from "./helpers.js";
import { isAfter, isBefore } from "../internal/time.js";
import type { Path } from "../internal/walk.js";

export const orderOperationSequence = builtinRule({
  id: "order/operation-sequence",
  defaultSeverity: "error",
  description: "Operation sequence numbers of an order are unique and ascending (compared as numbers: 0010 < 0020 < 100).",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    const seen = new Map<bigint, number>();
    let previous: bigint | undefined;
    order.operations.forEach((op, i) => {
      const value = BigInt(op.sequence);
      const first = seen.get(value);
      if (first !== undefined) report({ path: ["operations", i, "sequence"], message: `operation sequence ${op.sequence} repeats operation ${first} (/operations/${first})` });
      else if (previous !== undefined && value < previous) report({ path: ["operations", i, "sequence"], message: `operation sequence ${op.sequence} comes after a higher one (${previous}); sequences must ascend` });
      if (first === undefined) seen.set(value, i);
      if (previous === undefined || value > previous) previous = value;
    });
  },
});

const PAIRS = [
  ["plannedStart", "plannedEnd", "planned"],
  ["scheduledStart", "scheduledEnd", "scheduled"],
  ["actualStart", "actualEnd", "actual"],
] as const;

function checkPairs(report: ReportFinding, base: Path, dates: Partial<Record<(typeof PAIRS)[number][0 | 1], string>>): void {
  for (const [startKey, endKey, label] of PAIRS) {
    const start = dates[startKey];
    const end = dates[endKey];
    if (start !== undefined && end !== undefined && isAfter(start, end)) report({ path: [...base, startKey], message: `${label} start ${start} is after ${label} end ${end}` });
  }
}

export const orderPlannedDates = builtinRule({
  id: "order/planned-dates",
  defaultSeverity: "error",
  description: "An order's and each operation's start is not after its end (planned, scheduled and actual dates).",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    checkPairs(report, [], order);
    order.operations.forEach((op, i) => checkPairs(report, ["operations", i], op));
  },
});

export const orderOperationDates = builtinRule({
  id: "order/operation-dates",
  defaultSeverity: "error",
  description: "Operations are planned inside the order's window: not before the order's start, not after its end (scheduled dates when present, else planned).",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    const windowStart = order.scheduledStart ?? order.plannedStart;
    const windowEnd = order.scheduledEnd ?? order.plannedEnd;
    order.operations.forEach((op, i) => {
      if (windowStart !== undefined && op.plannedStart !== undefined && isBefore(op.plannedStart, windowStart)) {
        report({ path: ["operations", i, "plannedStart"], message: `operation ${op.sequence} starts ${op.plannedStart}, before the order's start ${windowStart}` });
      }
      if (windowEnd !== undefined && op.plannedEnd !== undefined && isAfter(op.plannedEnd, windowEnd)) {
        report({ path: ["operations", i, "plannedEnd"], message: `operation ${op.sequence} ends ${op.plannedEnd}, after the order's end ${windowEnd}` });
      }
    });
  },
});

const RELEASED_STATES = new Set(["Released", "Ready", "Running"]);

export const orderReleasedHasOperations = builtinRule({
  id: "order/released-has-operations",
  defaultSeverity: "error",
  description: "A released (or ready, or running) order has at least one operation.",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    if (RELEASED_STATES.has(order.state.value) && order.operations.length === 0) report({ path: ["operations"], message: `the order is ${order.state.value} but has no operations` });
  },
});

export const ORDER_RULES = [orderOperationSequence, orderPlannedDates, orderOperationDates, orderReleasedHasOperations];
