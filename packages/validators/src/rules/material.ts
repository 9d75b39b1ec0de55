import type { MaterialRef } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import type { Path } from "../internal/walk.js";
import { findMaterialRefs, findPlants } from "../internal/walk.js";
import { ALL_KINDS, builtinRule, idText, perKind } from "./helpers.js";

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

export const materialRevisionFormat = builtinRule({
  id: "material/revision-format",
  defaultSeverity: "warning",
  description: "Material revisions (of materials and of every material reference) match the profile's `material.revisionPattern`.",
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

export const materialKnown = builtinRule({
  id: "material/known",
  defaultSeverity: "error",
  description: "Every referenced material, and its revision when one is given, exists in the material master (context).",
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

export const materialApproved = builtinRule({
  id: "material/approved",
  defaultSeverity: "error",
  description: "The material an order produces, its components, and produced material are Approved for production (and not blocked in the plant) at the referenced revision (context).",
  context: ["materials"],
  ...perKind({
    "production-order"(order, ctx, report) {
      checkApproved(ctx, report, ["material"], order.material, order.plant);
      order.components.forEach((component, i) => checkApproved(ctx, report, ["components", i, "material"], component.material, component.plant ?? order.plant));
    },
    "material-produced": (event, ctx, report) => checkApproved(ctx, report, ["data", "material"], event.data.material, event.data.plant),
  }),
});

export const plantKnown = builtinRule({
  id: "plant/known",
  defaultSeverity: "error",
  description: "Every plant (site) code is known to the target system (context).",
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
