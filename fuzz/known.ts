// Defects the fuzz suite finds in mappers still being written (issue 12 closing
// note): `pnpm fuzz` counts them like any other and exits non-zero; the slice
// in `pnpm test` reports them without failing, as long as they match one of
// these narrowly. Remove an entry once its defect is fixed: the slice then
// fails if it comes back.
import type { Category, Finding } from "./check.js";

/** A known defect: its target, kind, and a pattern its description matches. */
export interface KnownDefect {
  readonly target: string;
  readonly category: Category;
  readonly detail: RegExp;
  readonly reason: string;
}

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  // The D365 mapper is being written (work in progress on main); its round trips of mutated input are not
  // exact yet. Seen so far: bundle keys, kept dataAreaId and RouteType values written back unchecked, BOM line
  // numbers respelled ("01" → "1"). (The Oracle production-order defects of this entry were fixed in issue 10.)
  { target: "d365:production-order", category: "roundTrip", detail: /./, reason: "D365 mapper in progress: round trips of mutated input are not exact yet" },
  { target: "d365:production-order", category: "okInvalid", detail: /\/routing\/id value\.too-big/, reason: "D365 mapper in progress: the route id is not checked against the canonical limit (64)" },
];

/** Whether a finding is a known defect. */
export function knownDefect(target: string, finding: Finding): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((k) => k.target === target && k.category === finding.category && k.detail.test(finding.detail));
}
