import type { KnownLoss } from "@mfgsync/mapping";
import { lossNormalizers } from "@mfgsync/mapping";

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date or timestamp as an Oracle date-time attribute keeps it: the
 * instant (written in UTC), a plain date as midnight UTC.
 *
 * @example
 * ```ts
 * import { oracleInstant } from "@mfgsync/mappers-oracle";
 * oracleInstant("2026-12-03T19:30:00-06:00"); // "2026-12-04T01:30:00.000Z"
 * ```
 */
export function oracleInstant(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const ms = Date.parse(PLAIN_DATE.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Losses every Oracle mapper shares. */
export const COMMON_LOSSES: readonly KnownLoss[] = [
  { path: "/extensions", reason: "only the oracle namespace is written to Oracle, and decoding adds Oracle values kept for exact round trips (checked by the Oracle round trip)" },
];

/** Date-time attributes: the instant survives, in UTC; a plain date becomes midnight UTC. */
export function instantLoss(paths: readonly string[]): KnownLoss[] {
  return paths.map((path) => ({ path, reason: "Oracle date-times are written in UTC (+00:00); a plain date is written as midnight UTC", normalize: oracleInstant }));
}

/** Coded values: Oracle sets its own originalCode/originalList and keeps no otherValue. */
export function codeLoss(paths: readonly string[], normalize: (value: string) => string = (v) => v): KnownLoss[] {
  return paths.map((path) => ({
    path,
    reason: "Oracle writes its own code (originalCode, originalList); otherValue is not kept",
    normalize: (value: unknown) => {
      const coded = lossNormalizers.codeOnly(value);
      return typeof coded === "object" && coded !== null && typeof (coded as { value?: unknown }).value === "string" ? { value: normalize((coded as { value: string }).value) } : coded;
    },
  }));
}

/**
 * Identifiers and references: the issuer comes from the mapping context,
 * the scope is the record's organisation, and only Oracle's surrogate ids
 * are kept as cross-references.
 */
export function issuerLoss(paths: readonly string[], options: { readonly keepScope?: boolean; readonly crossReferences?: readonly string[] } = {}): KnownLoss[] {
  const schemes = new Set(options.crossReferences ?? []);
  return paths.map((path) => ({
    path,
    reason: "the issuer of Oracle identifiers comes from the mapping context; the scope is the record's organisation; only Oracle surrogate ids are kept as cross-references",
    normalize: (value: unknown) => {
      const id = lossNormalizers.withoutIssuer(value);
      if (typeof id !== "object" || id === null) return id;
      const { scope, crossReferences, ...rest } = id as Record<string, unknown>;
      const out: Record<string, unknown> = { ...rest };
      if (options.keepScope === true && scope !== undefined) out["scope"] = scope;
      // Oracle holds one surrogate id per scheme (`ItemId`): the first reference of each kept scheme is what goes to Oracle.
      const seen = new Set<string>();
      const refs = Array.isArray(crossReferences)
        ? (crossReferences as { scheme?: unknown }[])
          .filter((r) => typeof r.scheme === "string" && schemes.has(r.scheme) && !seen.has(r.scheme) && seen.add(r.scheme) !== undefined)
          .map((r) => lossNormalizers.withoutIssuer(r))
        : [];
      if (refs.length > 0) out["crossReferences"] = refs;
      return out;
    },
  }));
}
