import type { CanonicalEvent } from "@mfgsync/canonical";
import type { ReportFinding } from "../engine/types.js";
import { isBefore } from "../internal/time.js";
import { builtinRule, EVENT_KINDS, idText, perKind } from "./helpers.js";

export const eventDuplicate = builtinRule({
  id: "event/duplicate",
  defaultSeverity: "error",
  description: "The event's idempotency key (its `id`) has not been processed before (context).",
  context: ["idempotency"],
  appliesTo: EVENT_KINDS,
  check(event, ctx, report) {
    if (ctx.context.idempotency?.has(event.id)) report({ path: ["id"], message: `event ${event.id} was already processed (duplicate idempotency key)` });
  },
});

export const eventSequence = builtinRule({
  id: "event/sequence",
  defaultSeverity: "warning",
  description: "Per source and subject, an event's sequence follows the last one processed: gaps (missed events) and repeats or reordering are reported.",
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

export const eventDispositionOrder = builtinRule({
  id: "event/disposition-order",
  defaultSeverity: "error",
  description: "A lot disposition change starts from the lot's current disposition and is not older than the change that set it (context).",
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

export const eventDataMatchesType = builtinRule({
  id: "event/data-matches-type",
  defaultSeverity: "error",
  description: "The event's data says what its type says: a release event carries a released order, a hold moves a lot to Restricted, a consumption consumes, an order held, resumed, completed or closed event carries that state, a closed event carries a closed nonconformance.",
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

export const eventSubjectMatchesData = builtinRule({
  id: "event/subject-matches-data",
  defaultSeverity: "warning",
  description: "The event's `subject` is the business key of the object its data is about (the order number, lot number, inspection or nonconformance id).",
  appliesTo: EVENT_KINDS,
  check(event, _ctx, report) {
    const key = businessKey(event);
    if (key !== undefined && key !== event.subject) report({ path: ["subject"], message: `subject "${event.subject}" is not the business key "${key}" of the event's data` });
  },
});

export const EVENT_RULES = [eventDuplicate, eventSequence, eventDispositionOrder, eventDataMatchesType, eventSubjectMatchesData];
