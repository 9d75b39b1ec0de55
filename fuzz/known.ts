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
];

/** Whether a finding is a known defect. */
export function knownDefect(target: string, finding: Finding): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((k) => k.target === target && k.category === finding.category && k.detail.test(finding.detail));
}
