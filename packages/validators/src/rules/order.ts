import type { ReportFinding } from "../engine/types.js";
import { defineRule } from "../engine/define-rule.js";
import { isAfter, isBefore } from "../internal/time.js";
import type { Path } from "../internal/walk.js";

export const orderOperationSequence = defineRule({
  id: "order/operation-sequence",
  defaultSeverity: "error",
  description: "Operation sequence numbers of an order are unique and ascending (compared as numbers: 0010 < 0020 < 100).",
  rationale:
    "MES and ERP address an operation by its sequence number: confirmations, component assignments and inspections all point at it. " +
    "A duplicate makes those references ambiguous; a sequence out of order usually means operations were merged from two routings or re-sorted as text (\"100\" before \"20\"). " +
    "Vendors write sequences differently (SAP \"0010\", Oracle and D365 \"10\"), so they are compared numerically.",
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

export const orderPlannedDates = defineRule({
  id: "order/planned-dates",
  defaultSeverity: "error",
  description: "An order's and each operation's start is not after its end (planned, scheduled and actual dates).",
  rationale:
    "A start after the end is always a mapping error (swapped fields, a local time read as UTC, a date read in the wrong format) and breaks scheduling, capacity planning and lead-time reporting downstream. " +
    "Timestamps compare as instants; when one side is a plain date, both compare as calendar dates.",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    checkPairs(report, [], order);
    order.operations.forEach((op, i) => checkPairs(report, ["operations", i], op));
  },
});

export const orderOperationDates = defineRule({
  id: "order/operation-dates",
  defaultSeverity: "error",
  description: "Operations are planned inside the order's window: not before the order's start, not after its end (scheduled dates when present, else planned).",
  rationale:
    "Operations outside their order's window are either stale (the order was rescheduled, its operations not) or belong to another order. " +
    "The MES would dispatch work before the order may start or after it is due. The window is the order's scheduled dates when given (SAP schedules operations inside them), otherwise its planned (basic) dates.",
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

export const orderReleasedHasOperations = defineRule({
  id: "order/released-has-operations",
  defaultSeverity: "error",
  description: "A released (or ready, or running) order has at least one operation.",
  rationale:
    "The shop floor executes operations, not orders: a released order without operations cannot be dispatched, confirmed or costed, and in SAP it cannot even be confirmed. " +
    "It usually means the routing was not exploded or the operations were filtered out by the mapping.",
  appliesTo: ["production-order"],
  check(order, _ctx, report) {
    if (RELEASED_STATES.has(order.state.value) && order.operations.length === 0) report({ path: ["operations"], message: `the order is ${order.state.value} but has no operations` });
  },
});

export const ORDER_RULES = [orderOperationSequence, orderPlannedDates, orderOperationDates, orderReleasedHasOperations];
