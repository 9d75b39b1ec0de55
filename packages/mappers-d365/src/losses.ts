import type { KnownLoss } from "@mfgsync/mapping";
import { lossNormalizers } from "@mfgsync/mapping";

/**
 * Losses every D365 mapper shares: other systems' identifiers and extension
 * namespaces are not written to D365, and decoding adds the D365 values kept
 * for exact round trips (checked by the D365 → canonical → D365 round trip).
 */
export const COMMON_LOSSES: readonly KnownLoss[] = [
  { path: "/crossReferences", reason: "D365 keeps no identifiers of other systems" },
  { path: "/extensions", reason: "only the d365 namespace is written to D365, and decoding adds D365 values kept for exact round trips (checked by the D365 round trip)" },
];

/** Coded values: D365 writes its own member name (originalCode, originalList) and keeps no otherValue. */
export function codeLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({ path, reason: "D365 writes its own enum member or code (originalCode, originalList); otherValue is not kept", normalize: lossNormalizers.codeOnly }));
}

/** Values D365 derives (no originalCode at all). */
export function derivedLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({
    path, reason: "derived from D365 flags: only the canonical value survives",
    normalize: (value: unknown) => (typeof value === "object" && value !== null ? { value: (value as { value?: unknown }).value } : value),
  }));
}

/** Identifiers and references: the issuer comes from the mapping context; references carry no cross-references. */
export function issuerLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({
    path,
    reason: "the issuer of D365 identifiers comes from the mapping context, their company from the record's dataAreaId; references carry no cross-references",
    normalize: (value: unknown) => {
      const id = lossNormalizers.withoutIssuer(value);
      if (typeof id !== "object" || id === null) return id;
      const { scope: _scope, crossReferences: _refs, ...rest } = id as Record<string, unknown>;
      return rest;
    },
  }));
}

/** Date-only D365 fields (an instant at midnight UTC): timestamps keep their UTC date. */
export function dateOnlyLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({ path, reason: "a D365 date field (midnight UTC): only the date survives", normalize: lossNormalizers.dateOnly }));
}
