import type { Disposition } from "@mfgsync/canonical";

/**
 * One allowed change of a lot's disposition.
 *
 * @example
 * ```ts
 * import type { DispositionTransition } from "@mfgsync/validators";
 * const release: DispositionTransition = { to: "UnRestricted", requires: "accepting-inspection" };
 * ```
 */
export interface DispositionTransition {
  /** The disposition the lot may move to. */
  readonly to: Disposition;
  /** A condition the move needs: an accepting inspection decision (Accepted or ConditionallyAccepted). */
  readonly requires?: "accepting-inspection";
}

/**
 * The lot disposition state machine the `lot/disposition-transition` and
 * `lot/release-needs-acceptance` rules enforce (B2MML `Disposition` values):
 *
 * | from | allowed to |
 * |---|---|
 * | Planned | In-Process, UnRestricted, Restricted, Closed |
 * | In-Process | Restricted, UnRestricted, Closed |
 * | Restricted | Restricted, UnRestricted (only with an accepting inspection decision), Closed |
 * | UnRestricted | Restricted, Closed |
 * | Closed | nothing: final |
 *
 * Why: a planned lot may be produced (In-Process), received straight into
 * free or blocked stock, or cancelled. Work in process ends free, blocked or
 * scrapped. A quality hold (Restricted) ends only by release through an
 * accepting inspection (SAP usage decision, Oracle ACCEPT disposition, D365
 * passed quality order) or by disposal; a second hold on a held lot (another
 * nonconformance) is allowed. Free stock can be put on hold or used up. A
 * Closed lot is consumed, shipped or disposed of: nothing can happen to it
 * any more, and a "reopened" lot is really a new lot. Nothing goes back to
 * Planned or In-Process. Changes from or to `Other` (vendor statuses without
 * a canonical meaning) are not judged.
 *
 * @example
 * ```ts
 * import { DISPOSITION_TRANSITIONS } from "@mfgsync/validators";
 * DISPOSITION_TRANSITIONS.Closed.length; // 0: Closed is final
 * DISPOSITION_TRANSITIONS.Restricted.find((t) => t.to === "UnRestricted")?.requires; // "accepting-inspection"
 * ```
 */
export const DISPOSITION_TRANSITIONS: Readonly<Record<Exclude<Disposition, "Other">, readonly DispositionTransition[]>> = deepFreeze({
  Planned: [{ to: "In-Process" }, { to: "UnRestricted" }, { to: "Restricted" }, { to: "Closed" }],
  "In-Process": [{ to: "Restricted" }, { to: "UnRestricted" }, { to: "Closed" }],
  Restricted: [{ to: "Restricted" }, { to: "UnRestricted", requires: "accepting-inspection" }, { to: "Closed" }],
  UnRestricted: [{ to: "Restricted" }, { to: "Closed" }],
  Closed: [],
});

function deepFreeze<T extends Record<string, readonly object[]>>(table: T): T {
  for (const list of Object.values(table)) {
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  }
  return Object.freeze(table);
}

/**
 * Looks up a disposition change in {@link DISPOSITION_TRANSITIONS}: the
 * transition when allowed, `undefined` when not, `"unjudged"` when either
 * side is `Other`.
 *
 * @example
 * ```ts
 * import { findDispositionTransition } from "@mfgsync/validators";
 * findDispositionTransition("Closed", "UnRestricted"); // undefined: not allowed
 * findDispositionTransition("Restricted", "UnRestricted"); // { to: "UnRestricted", requires: "accepting-inspection" }
 * ```
 */
export function findDispositionTransition(from: Disposition, to: Disposition): DispositionTransition | "unjudged" | undefined {
  if (from === "Other" || to === "Other") return "unjudged";
  const allowed = Object.hasOwn(DISPOSITION_TRANSITIONS, from) ? DISPOSITION_TRANSITIONS[from] : undefined;
  return allowed?.find((transition) => transition.to === to);
}
