import type { GenealogyLink, Identifier, Lot, Quantity } from "@mfgsync/canonical";
import { identifierKey } from "../context/in-memory.js";
import type { LotDirectory } from "../context/types.js";
import type { RuleContext } from "../engine/types.js";
import type { Rational } from "../internal/decimal.js";
import { add, compare, describeRational, parseDecimal } from "../internal/decimal.js";
import { convertAmount, scopeFor } from "../internal/units.js";
import { builtinRule, idText, perKind, sameId } from "./helpers.js";

/** Most lots visited while following genealogy through the context; real genealogies are far smaller. */
const MAX_VISITS = 10_000;

/** Whether following `direction` links from `start` through the directory reaches `target`. */
function reaches(lots: LotDirectory, start: Identifier, target: Identifier, direction: "parents" | "children"): boolean {
  const targetKey = identifierKey(target);
  const visited = new Set<string>();
  const stack = [start];
  while (stack.length > 0 && visited.size < MAX_VISITS) {
    const id = stack.pop()!;
    const key = identifierKey(id);
    if (key === targetKey) return true;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const link of lots.get(id)?.[direction] ?? []) stack.push(link.lot);
  }
  return false;
}

export const lotGenealogyAcyclic = builtinRule({
  id: "lot/genealogy-acyclic",
  defaultSeverity: "error",
  description: "Genealogy links are not cyclic: a lot is not its own parent or child, not both parent and child of another lot, and (with the context's lots) not its own ancestor.",
  context: ["lots"],
  appliesTo: ["lot"],
  check(lot, ctx, report) {
    const parents = lot.parents ?? [];
    const children = lot.children ?? [];
    const check = (links: readonly GenealogyLink[], side: "parents" | "children") =>
      links.forEach((link, i) => {
        if (sameId(link.lot, lot.id)) {
          report({ path: [side, i, "lot"], message: `lot ${idText(lot.id)} lists itself among its ${side}` });
          return;
        }
        if (side === "children" && parents.some((parent) => sameId(parent.lot, link.lot))) {
          report({ path: [side, i, "lot"], message: `lot ${idText(link.lot)} is both a parent and a child of lot ${idText(lot.id)}` });
          return;
        }
        const lots = ctx.context.lots;
        if (lots && reaches(lots, link.lot, lot.id, side)) {
          report({ path: [side, i, "lot"], message: `lot ${idText(link.lot)} leads back to lot ${idText(lot.id)} through its ${side}: the genealogy is cyclic` });
        }
      });
    check(parents, "parents");
    check(children, "children");
  },
});

function inParentUnit(ctx: RuleContext, parent: Lot & { quantity: Quantity }, quantity: Quantity, materialScope: Lot["material"] | undefined): Rational | undefined {
  const amount = parseDecimal(quantity.value);
  if (!amount) return undefined;
  return convertAmount(amount, quantity.unit, parent.quantity.unit, scopeFor(ctx, materialScope ?? parent.material));
}

function parentWithQuantity(ctx: RuleContext, id: Identifier): (Lot & { quantity: Quantity }) | undefined {
  const parent = ctx.context.lots?.get(id);
  return parent?.quantity ? (parent as Lot & { quantity: Quantity }) : undefined;
}

export const lotGenealogyQuantity = builtinRule({
  id: "lot/genealogy-quantity",
  defaultSeverity: "error",
  description: "Quantities consumed from a parent lot (summed over a lot's genealogy links, or in one consumption) are not above what the parent lot holds in the context.",
  context: ["lots", "materials", "unitConversions"],
  ...perKind({
    lot(lot, ctx, report) {
      const totals = new Map<string, { parent: Lot & { quantity: Quantity }; sum: Rational; last: number }>();
      (lot.parents ?? []).forEach((link, i) => {
        if (!link.quantity) return;
        const parent = parentWithQuantity(ctx, link.lot);
        const amount = parent ? inParentUnit(ctx, parent, link.quantity, link.material) : undefined;
        if (!parent || !amount) return;
        const key = identifierKey(link.lot);
        const total = totals.get(key);
        totals.set(key, { parent, sum: total ? add(total.sum, amount) : amount, last: i });
      });
      for (const { parent, sum, last } of totals.values()) {
        const held = parseDecimal(parent.quantity.value);
        if (held && compare(sum, held) > 0) {
          report({ path: ["parents", last, "quantity"], message: `${describeRational(sum)} ${parent.quantity.unit} consumed from lot ${idText(parent.id)}, which holds ${parent.quantity.value} ${parent.quantity.unit}` });
        }
      }
    },
    "material-consumed"(event, ctx, report) {
      const { lot, quantity, reversal, material } = event.data;
      if (!lot || reversal === true) return;
      const parent = parentWithQuantity(ctx, lot);
      const amount = parent ? inParentUnit(ctx, parent, quantity, material) : undefined;
      const held = parent ? parseDecimal(parent.quantity.value) : undefined;
      if (parent && amount && held && compare(amount, held) > 0) {
        report({ path: ["data", "quantity"], message: `${quantity.value} ${quantity.unit} consumed from lot ${idText(lot)}, which holds ${parent.quantity.value} ${parent.quantity.unit}` });
      }
    },
  }),
});

export const LOT_GENEALOGY_RULES = [lotGenealogyAcyclic, lotGenealogyQuantity];
