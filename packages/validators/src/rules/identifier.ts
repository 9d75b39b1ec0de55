import type { Identifier } from "@mfgsync/canonical";
import type { Path } from "../internal/walk.js";
import { findIdentifiers } from "../internal/walk.js";
import { ALL_KINDS, builtinRule, idText, OBJECT_KINDS } from "./helpers.js";

const GTIN_SCHEMES = new Set(["gs1.gtin", "gtin"]);
const GTIN_SHAPE = /^(?:\d{8}|\d{12,14})$/;

/** GS1 mod-10 check: weights 3 and 1 alternate from the digit left of the check digit. */
export function gtinCheckDigitValid(gtin: string): boolean {
  if (!GTIN_SHAPE.test(gtin)) return false;
  let sum = 0;
  for (let i = gtin.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(gtin[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(gtin[gtin.length - 1]);
}

export const identifierGtinCheckDigit = builtinRule({
  id: "identifier/gtin-check-digit",
  defaultSeverity: "error",
  description: "A GTIN (a material's `gtin`, or any identifier in scheme `gs1.gtin`) has 8, 12, 13 or 14 digits and a valid GS1 check digit.",
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const gtins: Array<{ path: Path; value: string }> = [];
    if (ctx.kind === "material" && "gtin" in subject && typeof subject.gtin === "string") gtins.push({ path: ["gtin"], value: subject.gtin });
    for (const { path, value } of findIdentifiers(subject)) {
      if (GTIN_SCHEMES.has(value.scheme)) gtins.push({ path: [...path, "value"], value: value.value });
    }
    for (const { path, value } of gtins) {
      if (!GTIN_SHAPE.test(value)) report({ path, message: `GTIN "${value}" must have 8, 12, 13 or 14 digits` });
      else if (!gtinCheckDigitValid(value)) report({ path, message: `GTIN ${value} has a wrong check digit` });
    }
  },
});

const sameSystem = (a: Identifier, b: Identifier) => a.scheme === b.scheme && (a.issuer ?? "") === (b.issuer ?? "");

export const identifierCrossReferenceScheme = builtinRule({
  id: "identifier/cross-reference-scheme",
  defaultSeverity: "warning",
  description: "Cross-references name another system than the object's own id, each system once; with `identifier.schemes` set, every scheme is a known one.",
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    if ((OBJECT_KINDS as readonly string[]).includes(ctx.kind)) {
      const object = subject as { readonly id: Identifier; readonly crossReferences?: readonly Identifier[] };
      const own = object.id;
      const refs = object.crossReferences ?? [];
      refs.forEach((ref, i) => {
        if (sameSystem(ref, own)) report({ path: ["crossReferences", i], message: `cross-reference ${idText(ref)} is in the object's own system; it is not a cross-reference` });
        else if (refs.slice(0, i).some((earlier) => sameSystem(earlier, ref) && earlier.value !== ref.value)) {
          report({ path: ["crossReferences", i], message: `system ${ref.scheme}${ref.issuer ? ` (${ref.issuer})` : ""} has more than one cross-reference` });
        }
      });
    }
    const schemes = ctx.options.identifier.schemes;
    if (!schemes) return;
    for (const { path, value } of findIdentifiers(subject)) {
      if (!schemes.includes(value.scheme)) report({ path: [...path, "scheme"], message: `identifier scheme "${value.scheme}" is not one of the integration's schemes (profile option identifier.schemes)` });
    }
  },
});

export const IDENTIFIER_RULES = [identifierGtinCheckDigit, identifierCrossReferenceScheme];
