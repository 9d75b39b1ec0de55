// The mapping core's bookkeeping of one vendor record: what a vendor →
// canonical → vendor round trip needs besides the vendor's own values. It is
// kept apart from the vendor's properties (`extensions.<namespace>`), under
// `extensions.mfgsync.<namespace>`, so that no vendor property can collide
// with it.
import type { CollectionShape } from "../profiles/profile.js";

/**
 * The extension namespace of the mapping core's bookkeeping: per mapper
 * namespace, what a round trip needs besides the vendor's values (null and
 * absent properties, child match keys, collection shapes, exact number
 * texts, ETags kept outside the record). Reserved: no vendor uses it.
 *
 * @example
 * ```ts
 * import { BOOKKEEPING_NAMESPACE } from "@mfgsync/mapping";
 * const books = (order: { extensions?: Record<string, Record<string, unknown>> }) => order.extensions?.[BOOKKEEPING_NAMESPACE]?.["sap"];
 * ```
 */
export const BOOKKEEPING_NAMESPACE = "mfgsync";

/** Bookkeeping of one record. Every member is optional; an empty state is left out. */
export interface RecordState {
  /** Properties (and navigations) that were absent, for which encode would otherwise write a value. */
  absent?: string[];
  /** Properties that were `null` where the vendor's empty value is something else (or whose field is unmapped). */
  nulls?: string[];
  /** Exact texts of numbers kept in the vendor values that a double would change, by JSON Pointer relative to the record's kept values. */
  numbers?: Record<string, string>;
  /** The ETag when the protocol carries it outside the record's properties (OData V2 `__metadata.etag`). */
  etag?: string;
  /** Envelope of each expanded collection read in another shape than the profile's default, or with extra keys. */
  shapes?: Record<string, CollectionShape>;
  /** Bookkeeping of child rows per navigation (index-aligned with the kept vendor values), or of a single child. */
  children?: Record<string, RowState[] | RecordState>;
}

/** Bookkeeping of one child row. */
export interface RowState extends RecordState {
  /** The match key of the canonical item the row became. */
  key?: unknown;
  /** The row was kept whole as a secondary row of the group with this key (D365 secondary route rows). */
  secondary?: unknown;
  /** A secondary row whose primary was not in the read: written back whatever the canonical items are. */
  orphan?: boolean;
}

/** Whether a state holds nothing. */
export function isEmptyState(state: RecordState | undefined): boolean {
  if (state === undefined) return true;
  for (const k in state) if ((state as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

/** Reads a record state from kept JSON (tolerant: anything malformed reads as nothing). */
export function asState(value: unknown): RecordState | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as RecordState) : undefined;
}

/** A set of the strings in a kept list. */
export function stringSet(value: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const set = new Set<string>();
  for (const v of value) if (typeof v === "string") set.add(v);
  return set;
}
