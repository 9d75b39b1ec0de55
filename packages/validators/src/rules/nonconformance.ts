import type { Nonconformance } from "@mfgsync/canonical";
import { defineRule } from "../engine/define-rule.js";
import type { ReportFinding } from "../engine/types.js";
import type { Path } from "../internal/walk.js";
import { idText, perKind } from "./helpers.js";

const SERIOUS = new Set(["Critical", "Major"]);
const ENDED = new Set(["Closed", "Cancelled"]);

export const nonconformanceAffectedLots = defineRule({
  id: "nonconformance/affected-lots",
  defaultSeverity: "error",
  description: "A Critical or Major nonconformance names at least one affected lot (unless it was cancelled).",
  rationale:
    "Containment of a serious nonconformance starts with knowing which lots to hold. A critical finding without affected lots cannot be contained, traced or, if needed, recalled, " +
    "and the hold rule below has nothing to check. Minor findings and observations may be about a process without specific material.",
  appliesTo: ["nonconformance"],
  check(nc, _ctx, report) {
    if (!SERIOUS.has(nc.severity.value) || nc.status.value === "Cancelled") return;
    if (!nc.affected.some((item) => item.lot !== undefined)) report({ path: ["affected"], message: `a ${nc.severity.value} nonconformance must name the affected lots`, value: nc.affected.length });
  },
});

export const nonconformanceLotsRestricted = defineRule({
  id: "nonconformance/lots-restricted",
  defaultSeverity: "error",
  description: "While a Critical or Major nonconformance is open, its affected lots are Restricted (on hold) or Closed (checked against the context's current disposition).",
  rationale:
    "Raising a serious nonconformance is not containment; blocking the material is. Until the nonconformance is closed or cancelled, an affected lot in free stock can still be consumed or shipped. " +
    "SAP, Oracle and D365 keep the nonconformance and the stock status in different modules, so the hold is easily forgotten. Lots the context does not know are not judged.",
  context: ["lotDispositions"],
  appliesTo: ["nonconformance"],
  check(nc, ctx, report) {
    const store = ctx.context.lotDispositions;
    if (!store || !SERIOUS.has(nc.severity.value) || ENDED.has(nc.status.value)) return;
    nc.affected.forEach((item, i) => {
      if (!item.lot) return;
      const current = store.get(item.lot);
      if (current && current.disposition !== "Restricted" && current.disposition !== "Closed") {
        report({ path: ["affected", i, "lot"], message: `lot ${idText(item.lot)} is ${current.disposition}; a lot affected by an open ${nc.severity.value} nonconformance must be Restricted` });
      }
    });
  },
});

function checkClosure(nc: Nonconformance, report: ReportFinding, base: Path): void {
  if (!nc.disposition) report({ path: [...base, "disposition"], message: "a closed nonconformance needs a disposition of the nonconforming material" });
  if (!nc.rootCause) report({ path: [...base, "rootCause"], message: "a closed nonconformance needs a root cause" });
}

export const nonconformanceClosureComplete = defineRule({
  id: "nonconformance/closure-complete",
  defaultSeverity: "error",
  description: "A closed nonconformance has a disposition (use as is, rework, scrap, ...) and a root cause.",
  rationale:
    "Closing without a disposition leaves the affected material in limbo (on hold forever, or silently released); closing without a root cause means the corrective action has nothing to act on, " +
    "which auditors (ISO 9001 clause 10.2, IATF 16949) flag first. Applies to nonconformances in status Closed and to every `nonconformance-closed` event.",
  ...perKind({
    nonconformance(nc, _ctx, report) {
      if (nc.status.value === "Closed") checkClosure(nc, report, []);
    },
    "nonconformance-closed": (event, _ctx, report) => checkClosure(event.data.nonconformance, report, ["data", "nonconformance"]),
  }),
});

export const NONCONFORMANCE_RULES = [nonconformanceAffectedLots, nonconformanceLotsRestricted, nonconformanceClosureComplete];
