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

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const SHAPE_FORMS = new Set(["array", "results", "items", "separate"]);
/** Keys a collection envelope's extras may not have: the rows' own keys, and prototype names. */
const ROW_KEYS = new Set(["results", "items", "value", "__proto__", "constructor", "prototype"]);

function cleanShape(v: unknown): CollectionShape | undefined {
  if (!isPlainRecord(v) || typeof v["form"] !== "string" || !SHAPE_FORMS.has(v["form"])) return undefined;
  const extra = v["extra"];
  if (extra === undefined) return { form: v["form"] as CollectionShape["form"] };
  if (!isPlainRecord(extra)) return { form: v["form"] as CollectionShape["form"] };
  const kept: Record<string, unknown> = {};
  for (const k of Object.keys(extra)) if (!ROW_KEYS.has(k)) kept[k] = extra[k];
  return { form: v["form"] as CollectionShape["form"], extra: kept };
}

/** Whether kept bookkeeping has the form decode writes (checked before it is trusted, since it comes back from outside). */
function wellFormed(v: Record<string, unknown>): boolean {
  const { absent, nulls, numbers, etag, shapes, children, orphan } = v;
  if (absent !== undefined && !isStringList(absent)) return false;
  if (nulls !== undefined && !isStringList(nulls)) return false;
  if (etag !== undefined && typeof etag !== "string") return false;
  if (orphan !== undefined && typeof orphan !== "boolean") return false;
  if (children !== undefined && !isPlainRecord(children)) return false;
  if (numbers !== undefined) {
    if (!isPlainRecord(numbers)) return false;
    for (const k of Object.keys(numbers)) {
      const t = numbers[k];
      if (typeof t !== "string" || !NUMBER_TEXT.test(t)) return false;
    }
  }
  if (shapes !== undefined) {
    if (!isPlainRecord(shapes)) return false;
    for (const k of Object.keys(shapes)) {
      const shape = shapes[k];
      if (!isPlainRecord(shape) || typeof shape["form"] !== "string" || !SHAPE_FORMS.has(shape["form"])) return false;
      const extra = shape["extra"];
      if (extra !== undefined && (!isPlainRecord(extra) || Object.keys(extra).some((x) => ROW_KEYS.has(x)))) return false;
    }
  }
  return true;
}

/**
 * Reads a record state from kept JSON. The bookkeeping comes back inside a
 * canonical object from outside, so it is not trusted: members of the wrong
 * form are left out (they read as nothing), collection envelopes lose extras
 * that would replace their rows. Well-formed states are returned as they are.
 */
export function asState(value: unknown): RecordState | undefined {
  if (!isPlainRecord(value)) return undefined;
  if (wellFormed(value)) return value as RecordState;
  const out: RowState = {};
  if (isStringList(value["absent"])) out.absent = value["absent"];
  if (isStringList(value["nulls"])) out.nulls = value["nulls"];
  if (typeof value["etag"] === "string") out.etag = value["etag"];
  if (typeof value["orphan"] === "boolean") out.orphan = value["orphan"];
  if (isPlainRecord(value["children"])) out.children = value["children"] as RecordState["children"];
  if ("key" in value) out.key = value["key"];
  if ("secondary" in value) out.secondary = value["secondary"];
  const numbers = value["numbers"];
  if (isPlainRecord(numbers)) {
    const kept: Record<string, string> = {};
    for (const k of Object.keys(numbers)) {
      const t = numbers[k];
      if (typeof t === "string" && NUMBER_TEXT.test(t)) kept[k] = t;
    }
    out.numbers = kept;
  }
  const shapes = value["shapes"];
  if (isPlainRecord(shapes)) {
    const kept: Record<string, CollectionShape> = {};
    for (const k of Object.keys(shapes)) {
      const shape = cleanShape(shapes[k]);
      if (shape !== undefined) kept[k] = shape;
    }
    out.shapes = kept;
  }
  return out;
}

/** A set of the strings in a kept list. */
export function stringSet(value: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const set = new Set<string>();
  for (const v of value) if (typeof v === "string") set.add(v);
  return set;
}
