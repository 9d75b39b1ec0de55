import type { Nonconformance } from "@mfgsync/canonical";
import type { ReportFinding } from "../engine/types.js";
import type { Path } from "../internal/walk.js";
import { builtinRule, idText, perKind } from "./helpers.js";

const SERIOUS = new Set(["Critical", "Major"]);
const ENDED = new Set(["Closed", "Cancelled"]);

export const nonconformanceAffectedLots = builtinRule({
  id: "nonconformance/affected-lots",
  defaultSeverity: "error",
  description: "A Critical or Major nonconformance names at least one affected lot (unless it was cancelled).",
  appliesTo: ["nonconformance"],
  check(nc, _ctx, report) {
    if (!SERIOUS.has(nc.severity.value) || nc.status.value === "Cancelled") return;
    if (!nc.affected.some((item) => item.lot !== undefined)) report({ path: ["affected"], message: `a ${nc.severity.value} nonconformance must name the affected lots`, value: nc.affected.length });
  },
});

export const nonconformanceLotsRestricted = builtinRule({
  id: "nonconformance/lots-restricted",
  defaultSeverity: "error",
  description: "While a Critical or Major nonconformance is open, its affected lots are Restricted (on hold) or Closed (checked against the context's current disposition).",
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

export const nonconformanceClosureComplete = builtinRule({
  id: "nonconformance/closure-complete",
  defaultSeverity: "error",
  description: "A closed nonconformance has a disposition (use as is, rework, scrap, ...) and a root cause.",
  ...perKind({
    nonconformance(nc, _ctx, report) {
      if (nc.status.value === "Closed") checkClosure(nc, report, []);
    },
    "nonconformance-closed": (event, _ctx, report) => checkClosure(event.data.nonconformance, report, ["data", "nonconformance"]),
  }),
});

export const NONCONFORMANCE_RULES = [nonconformanceAffectedLots, nonconformanceLotsRestricted, nonconformanceClosureComplete];
