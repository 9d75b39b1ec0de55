import type { KnownLoss, LossEnvironment } from "@mfgsync/mapping";
import { lossNormalizers } from "@mfgsync/mapping";

/**
 * Losses every SAP mapper shares: other systems' identifiers and extension
 * namespaces are not written to SAP, and decoding adds the SAP values kept
 * for exact round trips. Extensions are checked by the SAP → canonical → SAP
 * round trip instead.
 */
export const COMMON_LOSSES: readonly KnownLoss[] = [
  { path: "/crossReferences", reason: "SAP keeps no identifiers of other systems" },
  { path: "/extensions", reason: "only the sap namespace is written to SAP, and decoding adds SAP values kept for exact round trips (checked by the SAP round trip)" },
];

function plantOf(env: LossEnvironment): string | undefined {
  const own = (env.parent as { plant?: unknown } | undefined)?.plant;
  const root = (env.root as { plant?: unknown } | undefined)?.plant;
  return typeof own === "string" ? own : typeof root === "string" ? root : undefined;
}

/** Date + time pairs: local time to the second in the plant's zone; local midnight reads as a plain date. */
export function dateTimeLoss(paths: readonly string[], options: { readonly midnightIsDate?: boolean } = {}): KnownLoss[] {
  return paths.map((path) => ({
    path,
    reason: "SAP keeps a local date and a time to the second (time zone: the plant's); PT00H00M00S means no time, so local midnight reads back as a plain date",
    normalize: (value, env) => lossNormalizers.localDateTime(value, env.zoneOf(plantOf(env)), options),
  }));
}

/** Coded values: SAP sets its own originalCode/originalList and keeps no otherValue. */
export function codeLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({ path, reason: "SAP writes its own code (originalCode, originalList); otherValue is not kept", normalize: lossNormalizers.codeOnly }));
}

/** Identifiers and references: the issuer comes from the mapping context; SAP keys have no company scope and references no cross-references. */
export function issuerLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({
    path,
    reason: "the issuer of SAP identifiers comes from the mapping context; SAP keys carry no scope and references no cross-references",
    normalize: (value: unknown) => {
      const id = lossNormalizers.withoutIssuer(value);
      if (typeof id !== "object" || id === null) return id;
      const { scope: _scope, crossReferences: _refs, ...rest } = id as Record<string, unknown>;
      return rest;
    },
  }));
}
