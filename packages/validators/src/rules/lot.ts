import type { Disposition, Identifier, Inspection, InspectionDecision } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import { findDispositionTransition } from "../lot/disposition.js";
import { isAfter, isBefore } from "../internal/time.js";
import type { Path } from "../internal/walk.js";
import { builtinRule, idText, perKind } from "./helpers.js";

function checkTransition(report: ReportFinding, path: Path, from: Disposition, to: Disposition, lot: Identifier): void {
  if (findDispositionTransition(from, to) === undefined) {
    report({ path, message: `lot ${idText(lot)} cannot change from ${from} to ${to}${from === "Closed" ? " (Closed is final)" : ""}` });
  }
}

export const lotDispositionTransition = builtinRule({
  id: "lot/disposition-transition",
  defaultSeverity: "error",
  description: "A lot's disposition changes only along the allowed state machine (DISPOSITION_TRANSITIONS): Closed is final, nothing returns to Planned or In-Process, free stock goes on hold as Restricted.",
  context: ["lotDispositions"],
  ...perKind({
    lot(lot, ctx, report) {
      const current = ctx.context.lotDispositions?.get(lot.id);
      if (current && current.disposition !== lot.disposition.value) checkTransition(report, ["disposition", "value"], current.disposition, lot.disposition.value, lot.id);
    },
    "lot-disposition-changed"(event, ctx, report) {
      const from = event.data.from?.value ?? ctx.context.lotDispositions?.get(event.data.lot)?.disposition;
      if (from !== undefined) checkTransition(report, ["data", "to", "value"], from, event.data.to.value, event.data.lot);
    },
  }),
});

export const lotExpiryAfterManufacture = builtinRule({
  id: "lot/expiry-after-manufacture",
  defaultSeverity: "error",
  description: "A lot expires after it was manufactured, and its retest date is not before manufacture.",
  appliesTo: ["lot"],
  check(lot, _ctx, report) {
    if (lot.manufacturedAt === undefined) return;
    if (lot.expiresOn !== undefined && !isAfter(lot.expiresOn, lot.manufacturedAt)) report({ path: ["expiresOn"], message: `expiry ${lot.expiresOn} is not after manufacture ${lot.manufacturedAt}` });
    if (lot.retestOn !== undefined && isBefore(lot.retestOn, lot.manufacturedAt)) report({ path: ["retestOn"], message: `retest date ${lot.retestOn} is before manufacture ${lot.manufacturedAt}` });
  },
});

const BLOCKED: ReadonlySet<Disposition> = new Set<Disposition>(["Restricted", "Closed"]);
const FINISHED_ORDER_STATES = new Set(["Completed", "Closed", "Cancelled", "Aborted"]);

function checkUsable(ctx: RuleContext, report: ReportFinding, path: Path, lot: Identifier | undefined, what: string): void {
  if (!lot) return;
  const current = ctx.context.lotDispositions?.get(lot);
  if (current && BLOCKED.has(current.disposition)) {
    report({ path, message: `lot ${idText(lot)} is ${current.disposition} and must not be ${what}`, value: lot });
  }
}

export const lotRestrictedNotUsed = builtinRule({
  id: "lot/restricted-not-used",
  defaultSeverity: "error",
  description: "A Restricted (on hold) or Closed lot is not consumed or shipped, and open orders do not prescribe it (checked against the context's current disposition).",
  context: ["lotDispositions"],
  ...perKind({
    "material-consumed"(event, ctx, report) {
      if (event.data.reversal !== true) checkUsable(ctx, report, ["data", "lot"], event.data.lot, "consumed");
    },
    "lot-shipped"(event, ctx, report) {
      if (event.data.reversal !== true) checkUsable(ctx, report, ["data", "lot"], event.data.lot, "shipped");
    },
    "production-order"(order, ctx, report) {
      if (FINISHED_ORDER_STATES.has(order.state.value)) return;
      order.components.forEach((component, i) => checkUsable(ctx, report, ["components", i, "lot"], component.lot, "prescribed for consumption"));
    },
  }),
});

const ACCEPTING = new Set(["Accepted", "ConditionallyAccepted"]);
const accepts = (decision: InspectionDecision | undefined) => decision !== undefined && ACCEPTING.has(decision.outcome.value);

function acceptingInspectionFor(ctx: RuleContext, lot: Identifier): Inspection | undefined {
  return ctx.context.inspections?.forLot(lot).find((inspection) => accepts(inspection.decision));
}

export const lotReleaseNeedsAcceptance = builtinRule({
  id: "lot/release-needs-acceptance",
  defaultSeverity: "error",
  description: "A lot leaves Restricted for UnRestricted only with an accepting inspection decision (Accepted or ConditionallyAccepted), and a rejecting decision never results in UnRestricted.",
  context: ["lotDispositions", "inspections"],
  ...perKind({
    "lot-disposition-changed"(event, ctx, report) {
      const data = event.data;
      if (data.to.value !== "UnRestricted") return;
      const from = data.from?.value ?? ctx.context.lotDispositions?.get(data.lot)?.disposition;
      if (from !== undefined && from !== "Restricted") return;
      if (data.inspection) {
        const inspection = ctx.context.inspections?.get(data.inspection);
        if (inspection && !accepts(inspection.decision)) {
          report({ path: ["data", "inspection"], message: `inspection ${idText(data.inspection)} has ${inspection.decision ? `decision ${inspection.decision.outcome.value}` : "no decision yet"}; a release needs an accepting one` });
        }
      } else if (!acceptingInspectionFor(ctx, data.lot)) {
        report({ path: ["data", "to", "value"], message: `lot ${idText(data.lot)} is released to UnRestricted without an accepting inspection decision` });
      }
    },
    lot(lot, ctx, report) {
      if (lot.disposition.value !== "UnRestricted" || ctx.context.lotDispositions?.get(lot.id)?.disposition !== "Restricted") return;
      if (!acceptingInspectionFor(ctx, lot.id)) report({ path: ["disposition", "value"], message: `lot ${idText(lot.id)} is on hold (Restricted) and becomes UnRestricted without an accepting inspection decision` });
    },
    inspection(inspection, _ctx, report) {
      const decision = inspection.decision;
      if (decision?.resultingDisposition === "UnRestricted" && !accepts(decision)) {
        report({ path: ["decision", "resultingDisposition"], message: `a ${decision.outcome.value} decision cannot result in UnRestricted stock` });
      }
    },
    "inspection-decision-made"(event, _ctx, report) {
      const decision = event.data.decision;
      if (decision.resultingDisposition === "UnRestricted" && !accepts(decision)) {
        report({ path: ["data", "decision", "resultingDisposition"], message: `a ${decision.outcome.value} decision cannot result in UnRestricted stock` });
      }
    },
  }),
});

export const LOT_RULES = [lotDispositionTransition, lotExpiryAfterManufacture, lotRestrictedNotUsed, lotReleaseNeedsAcceptance];
