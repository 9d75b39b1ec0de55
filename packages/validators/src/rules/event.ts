import type { CanonicalEvent } from "@mfgsync/canonical";
import { defineRule } from "../engine/define-rule.js";
import type { ReportFinding } from "../engine/types.js";
import { isBefore } from "../internal/time.js";
import { EVENT_KINDS, idText, perKind } from "./helpers.js";

export const eventDuplicate = defineRule({
  id: "event/duplicate",
  defaultSeverity: "error",
  description: "The event's idempotency key (its `id`) has not been processed before (context).",
  rationale:
    "Transports deliver at least once: a retried webhook, a replayed queue or a re-run extraction sends the same fact again. " +
    "Posting it twice doubles a confirmation or a goods movement. Event ids are deterministic UUIDs over source, type, subject and revision, so a re-sent fact has the same id; " +
    "drop events this rule reports instead of posting them. Checked against the context's idempotency store.",
  context: ["idempotency"],
  appliesTo: EVENT_KINDS,
  check(event, ctx, report) {
    if (ctx.context.idempotency?.has(event.id)) report({ path: ["id"], message: `event ${event.id} was already processed (duplicate idempotency key)` });
  },
});

export const eventSequence = defineRule({
  id: "event/sequence",
  defaultSeverity: "warning",
  description: "Per source and subject, an event's sequence follows the last one processed: gaps (missed events) and repeats or reordering are reported.",
  rationale:
    "Events about one order or lot must be applied in order: a 'completed' before its 'started', or a missed disposition change, leaves the receiver in a state the source never had. " +
    "A gap means events were lost or are still in flight; a sequence at or below the last one processed means reordering or a replay. " +
    "Sequences are compared as integers. A warning by default, because transports without ordering guarantees produce gaps that heal; make it an error where order is guaranteed.",
  context: ["sequences"],
  appliesTo: EVENT_KINDS,
  check(event, ctx, report) {
    const last = ctx.context.sequences?.last(event.source, event.subject);
    if (last === undefined) return;
    const current = BigInt(event.sequence);
    const previous = BigInt(last);
    if (current === previous + 1n) return;
    if (current > previous + 1n) {
      report({ path: ["sequence"], message: `sequence gap for ${event.subject}: expected ${previous + 1n} after ${previous}, got ${current} (${current - previous - 1n} event(s) missing)` });
    } else {
      report({ path: ["sequence"], message: `out-of-order event for ${event.subject}: sequence ${current} arrives after ${previous} was processed` });
    }
  },
});

export const eventDispositionOrder = defineRule({
  id: "event/disposition-order",
  defaultSeverity: "error",
  description: "A lot disposition change starts from the lot's current disposition and is not older than the change that set it (context).",
  rationale:
    "Disposition changes are not commutative: applying an old release after a newer hold releases a held lot. If the event's `from` is not the disposition the context holds, " +
    "a change was missed or this one arrives out of order; if it happened before the current disposition was set, applying it would overwrite newer information.",
  context: ["lotDispositions"],
  appliesTo: ["lot-disposition-changed"],
  check(event, ctx, report) {
    const current = ctx.context.lotDispositions?.get(event.data.lot);
    if (!current) return;
    if (event.data.from && event.data.from.value !== current.disposition) {
      report({ path: ["data", "from", "value"], message: `the event changes lot ${idText(event.data.lot)} from ${event.data.from.value}, but it is ${current.disposition}: a change was missed or arrives out of order` });
    }
    if (current.changedAt !== undefined && isBefore(event.data.occurredAt, current.changedAt)) {
      report({ path: ["data", "occurredAt"], message: `the change happened at ${event.data.occurredAt}, before the current disposition was set (${current.changedAt})` });
    }
  },
});

/** An order state event's state, when given and not Other, is one of the states its type names. */
function checkOrderState(state: string | undefined, allowed: readonly string[], what: string, report: ReportFinding): void {
  if (state === undefined || state === "Other" || allowed.includes(state)) return;
  report({ path: ["data", "state", "value"], message: `${what} carries the order state ${state}; expected ${allowed.join(" or ")}` });
}

const CONSUMING = new Set(["Consumable", "Consumed", "Material Consumed", "Destructive Sample"]);
const PRODUCING = new Set(["Produced", "By-product Produced", "Co-product Produced", "Yield Produced", "Material Produced"]);
const CHANGE_TARGETS: Record<string, readonly string[]> = { Hold: ["Restricted"], Release: ["UnRestricted"], Reject: ["Restricted", "Closed"] };

export const eventDataMatchesType = defineRule({
  id: "event/data-matches-type",
  defaultSeverity: "error",
  description: "The event's data says what its type says: a release event carries a released order, a hold moves a lot to Restricted, a consumption consumes, an order held, resumed, completed or closed event carries that state, a closed event carries a closed nonconformance.",
  rationale:
    "Consumers route on the event type and trust it. A `material-consumed` event with material use Produced, a 'Hold' that sets UnRestricted, or a `nonconformance-closed` event with an open nonconformance " +
    "means the mapper chose the type from one field and the data from another; whichever the consumer trusts, it acts on the wrong fact.",
  ...perKind({
    "production-order-released"(event, _ctx, report) {
      const state = event.data.order.state.value;
      if (state === "Forecast" || state === "Waiting" || state === "Cancelled") report({ path: ["data", "order", "state", "value"], message: `a release event carries an order in state ${state}` });
    },
    "material-consumed"(event, _ctx, report) {
      if (!CONSUMING.has(event.data.materialUse)) report({ path: ["data", "materialUse"], message: `a consumption event has material use "${event.data.materialUse}"` });
    },
    "material-produced"(event, _ctx, report) {
      if (!PRODUCING.has(event.data.materialUse)) report({ path: ["data", "materialUse"], message: `a production event has material use "${event.data.materialUse}"` });
    },
    "lot-disposition-changed"(event, _ctx, report) {
      const allowed = CHANGE_TARGETS[event.data.change];
      if (allowed && !allowed.includes(event.data.to.value)) report({ path: ["data", "to", "value"], message: `a ${event.data.change} sets the disposition to ${allowed.join(" or ")}, not ${event.data.to.value}` });
      if (event.data.change === "Release" && event.data.from?.value === "UnRestricted") {
        report({ path: ["data", "from", "value"], message: "a Release of a lot that is already UnRestricted releases nothing" });
      }
    },
    "production-order-held": (event, _ctx, report) => checkOrderState(event.data.state?.value, ["Held", "Suspended"], "a held event", report),
    "production-order-resumed": (event, _ctx, report) => checkOrderState(event.data.state?.value, ["Released", "Ready", "Running", "Waiting"], "a resumed event", report),
    "production-order-completed": (event, _ctx, report) => checkOrderState(event.data.state?.value, ["Completed"], "a completed event", report),
    "production-order-closed": (event, _ctx, report) => checkOrderState(event.data.state?.value, ["Closed"], "a closed event", report),
    "nonconformance-raised"(event, _ctx, report) {
      const status = event.data.nonconformance.status.value;
      if (status === "Closed" || status === "Cancelled") report({ path: ["data", "nonconformance", "status", "value"], message: `a raised event carries a nonconformance that is already ${status}` });
    },
    "nonconformance-closed"(event, _ctx, report) {
      const status = event.data.nonconformance.status.value;
      if (status !== "Closed" && status !== "Cancelled") report({ path: ["data", "nonconformance", "status", "value"], message: `a closed event carries a nonconformance in status ${status}` });
    },
  }),
});

/** The business key the event's data is about (what `subject` should be). */
function businessKey(event: CanonicalEvent): string | undefined {
  const data = event.data as Record<string, unknown>;
  for (const key of ["order", "lot", "inspection", "nonconformance"]) {
    const value = data[key];
    if (typeof value !== "object" || value === null) continue;
    const id = "id" in value ? (value as { id: { value: string } }).id : value;
    if (typeof (id as { value?: unknown }).value === "string") return (id as { value: string }).value;
  }
  return undefined;
}

export const eventSubjectMatchesData = defineRule({
  id: "event/subject-matches-data",
  defaultSeverity: "warning",
  description: "The event's `subject` is the business key of the object its data is about (the order number, lot number, inspection or nonconformance id).",
  rationale:
    "Ordering, partitioning, sequences and idempotency keys are all per subject. An event whose subject names another object is sequenced against the wrong history " +
    "and deduplicated against the wrong keys. Order-level events (operations, confirmations, goods movements) are about the order.",
  appliesTo: EVENT_KINDS,
  check(event, _ctx, report) {
    const key = businessKey(event);
    if (key !== undefined && key !== event.subject) report({ path: ["subject"], message: `subject "${event.subject}" is not the business key "${key}" of the event's data` });
  },
});

export const EVENT_RULES = [eventDuplicate, eventSequence, eventDispositionOrder, eventDataMatchesType, eventSubjectMatchesData];
