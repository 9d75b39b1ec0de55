import type { MaterialRef } from "@mfgsync/canonical";
import { defineRule } from "../engine/define-rule.js";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import type { Path } from "../internal/walk.js";
import { findMaterialRefs, findPlants } from "../internal/walk.js";
import { ALL_KINDS, idText, perKind } from "./helpers.js";

const patterns = new Map<string, RegExp | undefined>();
function revisionPattern(source: string): RegExp | undefined {
  if (!patterns.has(source)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(source, "u");
    } catch {
      compiled = undefined; // profiles check the pattern; a custom options object could still hold a bad one
    }
    patterns.set(source, compiled);
  }
  return patterns.get(source);
}

export const materialRevisionFormat = defineRule({
  id: "material/revision-format",
  defaultSeverity: "warning",
  description: "Material revisions (of materials and of every material reference) match the profile's `material.revisionPattern`.",
  rationale:
    "Revision levels are matched as strings: \"B\", \"b\" and \"B \" are three revisions to the receiving system, and an order exploded with an unknown revision picks the wrong BOM or fails. " +
    "Each integration has its own convention (SAP revision levels are two characters, Oracle item revisions up to 18); the default pattern accepts upper-case letters and digits, optionally in groups joined by \".\" or \"-\".",
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const pattern = revisionPattern(ctx.options.material.revisionPattern);
    if (!pattern) return;
    const revisions: Array<{ path: Path; value: string }> = findMaterialRefs(subject).flatMap(({ path, value }) => (value.revision === undefined ? [] : [{ path: [...path, "revision"], value: value.revision }]));
    if (ctx.kind === "material" && "revision" in subject && typeof subject.revision === "string") revisions.unshift({ path: ["revision"], value: subject.revision });
    for (const { path, value } of revisions) {
      if (!pattern.test(value)) report({ path, message: `revision "${value}" does not match the profile's pattern ${ctx.options.material.revisionPattern}` });
    }
  },
});

export const materialKnown = defineRule({
  id: "material/known",
  defaultSeverity: "error",
  description: "Every referenced material, and its revision when one is given, exists in the material master (context).",
  rationale:
    "A production order, lot or goods movement for a material the target system does not have is refused at posting, usually after other documents of the same transaction were already posted. " +
    "A reference to a revision that does not exist means the sender works from a different engineering state than the receiver. Checked against the context's material directory; skipped without one.",
  context: ["materials"],
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const materials = ctx.context.materials;
    if (!materials) return;
    for (const { path, value } of findMaterialRefs(subject)) {
      if (!materials.get(value.id)) report({ path: [...path, "id"], message: `material ${idText(value.id)} is not in the material master` });
      else if (value.revision !== undefined && !materials.get(value.id, value.revision)) {
        report({ path: [...path, "revision"], message: `material ${idText(value.id)} has no revision "${value.revision}"` });
      }
    }
  },
});

function checkApproved(ctx: RuleContext, report: ReportFinding, path: Path, ref: MaterialRef, plant: string | undefined): void {
  const materials = ctx.context.materials;
  if (!materials) return;
  const record = ref.revision !== undefined ? materials.get(ref.id, ref.revision) : materials.get(ref.id);
  if (!record) return; // material/known reports unknown materials and revisions
  const name = `material ${idText(ref.id)}${record.revision !== undefined ? ` revision ${record.revision}` : ""}`;
  if (record.lifecycleStatus.value !== "Approved") {
    report({ path, message: `${name} is ${record.lifecycleStatus.value}, not Approved for production`, value: record.lifecycleStatus.value });
    return;
  }
  const plantStatus = plant === undefined ? undefined : record.plants?.find((p) => p.plant === plant)?.status?.value;
  if (plantStatus !== undefined && plantStatus !== "Approved") report({ path, message: `${name} is ${plantStatus} in plant ${plant}`, value: plantStatus });
}

export const materialApproved = defineRule({
  id: "material/approved",
  defaultSeverity: "error",
  description: "The material an order produces, its components, and produced material are Approved for production (and not blocked in the plant) at the referenced revision (context).",
  rationale:
    "Only released engineering states may be built: producing a Draft or Blocked revision, or consuming a component that was blocked after a supplier recall, creates product that later has to be quarantined. " +
    "Looks at the material's lifecycle status and, where the material master has plant-specific data, its status in the producing plant. Checked against the context's material directory; skipped without one.",
  context: ["materials"],
  ...perKind({
    "production-order"(order, ctx, report) {
      checkApproved(ctx, report, ["material"], order.material, order.plant);
      order.components.forEach((component, i) => checkApproved(ctx, report, ["components", i, "material"], component.material, component.plant ?? order.plant));
    },
    "material-produced": (event, ctx, report) => checkApproved(ctx, report, ["data", "material"], event.data.material, event.data.plant),
  }),
});

export const plantKnown = defineRule({
  id: "plant/known",
  defaultSeverity: "error",
  description: "Every plant (site) code is known to the target system (context).",
  rationale:
    "Plant codes differ per system (SAP plant 1010, Oracle organization M1, D365 site 1) and are where most cross-system mappings go wrong. " +
    "A posting to an unknown plant fails; a posting to a wrong but existing plant is worse. Checked against the context's plant directory; skipped without one.",
  context: ["plants"],
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const plants = ctx.context.plants;
    if (!plants) return;
    for (const { path, value } of findPlants(subject)) {
      if (!plants.has(value)) report({ path, message: `plant "${value}" is not known to the target system` });
    }
  },
});

export const MATERIAL_RULES = [materialRevisionFormat, materialKnown, materialApproved, plantKnown];
