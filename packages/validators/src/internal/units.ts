// Exact unit conversion. Internal.
//
// Units are nodes of a small graph. Edges come from (1) the material's own
// alternative units (one alternative unit = numerator/denominator base units),
// (2) the caller's unit conversions, and (3) UN/ECE Rec 20: two units of the
// same dimension with fixed factors to the SI base convert by the ratio of
// their factors. The search tries material and caller edges before Rec 20
// ones, so a material's own factor wins where it exists. Every factor is an
// exact rational; nothing is rounded.

import type { Identifier, Material, MaterialRef, UnitDimension } from "@mfgsync/canonical";
import { unitDimension } from "@mfgsync/canonical";
import type { UnitConversion } from "../context/types.js";
import type { RuleContext } from "../engine/types.js";
import type { Rational } from "./decimal.js";
import { ONE, divide, multiply, parseDecimal } from "./decimal.js";

/** What a conversion may use besides Rec 20. */
export interface ConversionScope {
  readonly material?: Material;
  readonly conversions: readonly UnitConversion[];
}

interface Rec20 {
  readonly dimension?: UnitDimension;
  readonly factor?: Rational;
}

const rec20Cache = new Map<string, Rec20>();

/** Rec 20 dimension and exact factor to the SI base of a unit (cached). */
export function rec20(unit: string): Rec20 {
  let info = rec20Cache.get(unit);
  if (!info) {
    const described = unitDimension(unit);
    const factor = described?.factorToBase === undefined ? undefined : parseDecimal(described.factorToBase);
    info = { ...(described?.dimension ? { dimension: described.dimension } : {}), ...(factor ? { factor } : {}) };
    rec20Cache.set(unit, info);
  }
  return info;
}

/** A unit's dimension for messages. */
export function dimensionText(unit: string): string {
  const dimension = rec20(unit).dimension;
  return dimension ? `${dimension}` : "no fixed dimension";
}

interface Edge {
  readonly to: string;
  readonly factor: Rational;
}

function explicitEdges(scope: ConversionScope): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>();
  const add = (from: string, to: string, numerator: string, denominator: string) => {
    const num = parseDecimal(numerator);
    const den = parseDecimal(denominator);
    if (!num || !den) return;
    const forward = divide(num, den);
    const backward = divide(den, num);
    // A zero numerator or denominator is no conversion at all (quantity/positive reports it).
    if (!forward || !backward) return;
    edges.set(from, [...(edges.get(from) ?? []), { to, factor: forward }]);
    edges.set(to, [...(edges.get(to) ?? []), { to: from, factor: backward }]);
  };
  const material = scope.material;
  if (material) {
    edges.set(material.baseUnit, edges.get(material.baseUnit) ?? []);
    for (const alt of material.alternativeUnits ?? []) add(alt.unit, material.baseUnit, alt.numerator, alt.denominator);
  }
  for (const c of scope.conversions) add(c.from, c.to, c.numerator, c.denominator);
  return edges;
}

/**
 * The exact factor `f` with `quantity in to = quantity in from × f`, or
 * undefined when no chain of material, caller or Rec 20 conversions links the
 * two units.
 */
export function conversionFactor(from: string, to: string, scope: ConversionScope): Rational | undefined {
  if (from === to) return ONE;
  const edges = explicitEdges(scope);
  const candidates = [...new Set([...edges.keys(), to])];
  const rec20Edges = (unit: string): Edge[] => {
    const mine = rec20(unit);
    if (!mine.dimension || !mine.factor) return [];
    const out: Edge[] = [];
    for (const other of candidates) {
      const theirs = rec20(other);
      if (other === unit || theirs.dimension !== mine.dimension || !theirs.factor) continue;
      const factor = divide(mine.factor, theirs.factor);
      if (factor) out.push({ to: other, factor });
    }
    return out;
  };
  const visited = new Set([from]);
  const queue: Array<{ unit: string; factor: Rational }> = [{ unit: from, factor: ONE }];
  while (queue.length > 0) {
    const { unit, factor } = queue.shift()!;
    for (const edge of [...(edges.get(unit) ?? []), ...rec20Edges(unit)]) {
      if (visited.has(edge.to)) continue;
      const next = multiply(factor, edge.factor);
      if (edge.to === to) return next;
      visited.add(edge.to);
      queue.push({ unit: edge.to, factor: next });
    }
  }
  return undefined;
}

/** Converts an exact amount; undefined when the units are not linked. */
export function convertAmount(value: Rational, from: string, to: string, scope: ConversionScope): Rational | undefined {
  const factor = conversionFactor(from, to, scope);
  return factor ? multiply(value, factor) : undefined;
}

/** The conversion scope of a material reference: its master record (when the context knows it) and the caller's conversions. */
export function scopeFor(ctx: RuleContext, ref: MaterialRef | Identifier | undefined): ConversionScope {
  const id = ref === undefined ? undefined : "id" in ref ? ref.id : ref;
  const revision = ref !== undefined && "id" in ref ? ref.revision : undefined;
  const materials = ctx.context.materials;
  const material = id && materials ? (revision !== undefined ? materials.get(id, revision) : undefined) ?? materials.get(id) : undefined;
  const conversions = ctx.context.unitConversions?.list(id) ?? [];
  return material ? { material, conversions } : { conversions };
}
