import type { Issue } from "@mfgsync/canonical";
import type { CatalogEntityInfo, CatalogPropertyInfo, PropertyCheck } from "../catalog.js";
import type { Omit } from "../converter.js";

/**
 * How an expanded child collection was written on the wire, so that encode
 * writes it back the same way: a bare array, OData V2's `{ "results": [...] }`
 * or Oracle's collection object `{ "items": [...], "count", "hasMore", ... }`.
 * `extra` holds the envelope's other keys as read (`__count`, `__next`,
 * `count`, `hasMore`, `limit`, `offset`); `separate` marks rows that were
 * delivered beside the parent (a bundle) rather than inside it.
 *
 * @example
 * ```ts
 * import type { CollectionShape } from "@mfgsync/mapping";
 * const shape: CollectionShape = { form: "items", extra: { count: 2, hasMore: false, limit: 25, offset: 0 } };
 * ```
 */
export interface CollectionShape {
  /** The envelope form. */
  readonly form: "array" | "results" | "items" | "separate";
  /** The envelope's keys besides the rows, as read (transport links left out). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * What a profile read from a navigation property's value.
 *
 * @example
 * ```ts
 * import type { CollectionRead } from "@mfgsync/mapping";
 * const read: CollectionRead = { kind: "rows", rows: [], pointer: "/results", shape: { form: "results" } };
 * ```
 */
export type CollectionRead =
  | { readonly kind: "absent" }
  | { readonly kind: "null" }
  | { readonly kind: "rows"; readonly rows: readonly unknown[]; readonly pointer: string; readonly shape: CollectionShape }
  | { readonly kind: "invalid"; readonly message: string };

/**
 * The entities of a whole payload with their JSON Pointers, and the paging
 * facts of a collection (`__next`, `@odata.nextLink`, `hasMore`).
 *
 * @example
 * ```ts
 * import type { UnwrappedPayload } from "@mfgsync/mapping";
 * const count = (p: UnwrappedPayload) => (p.ok ? p.entities.length : 0);
 * ```
 */
export type UnwrappedPayload =
  | {
    readonly ok: true;
    /** Whether the payload was a collection (even of one entity). */
    readonly collection: boolean;
    readonly entities: readonly { readonly value: unknown; readonly path: string }[];
    /** Paging and count facts of a collection, as the vendor sent them. */
    readonly paging?: PagingInfo;
  }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * Paging facts of a collection payload.
 *
 * @example
 * ```ts
 * import type { PagingInfo } from "@mfgsync/mapping";
 * const more = (p: PagingInfo) => p.next !== undefined || p.hasMore === true;
 * ```
 */
export interface PagingInfo {
  /** URL of the next page (`__next`, `@odata.nextLink`). */
  readonly next?: string;
  /** Whether more rows exist (Oracle `hasMore`). */
  readonly hasMore?: boolean;
  /** Total or page count as sent (`__count`, `@odata.count`, `totalResults`, `count`). */
  readonly count?: number;
  /** Oracle `offset` and `limit`. */
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * How the mapping core treats a record key that no field, child or catalog
 * entry claims: `transport` is protocol bookkeeping and left out
 * (`__metadata`, `@odata.context`, Oracle `links`); `annotation` is kept and
 * written back without a warning (`@odata.etag`, `Nav@odata.count`); `data`
 * is kept with a warning when the entity has a catalog.
 *
 * @example
 * ```ts
 * import type { KeyClass } from "@mfgsync/mapping";
 * const k: KeyClass = "annotation";
 * ```
 */
export type KeyClass = "transport" | "annotation" | "data";

/**
 * A wire profile: everything a protocol decides that is not the vendor's
 * data. The mapping core stays protocol-neutral; a mapper declaration names
 * its profile (`odata-v2` for SAP Gateway, `odata-v4` for Dynamics 365,
 * `oracle-rest` for Oracle Fusion's ADF REST framework), and the profile
 * reads envelopes and expanded collections, tells transport from data,
 * checks catalog types in the protocol's JSON encoding, says what "no value"
 * is, keys ETags, and gives the conformance kit its mutations.
 *
 * @example
 * ```ts
 * import { profileByName } from "@mfgsync/mapping";
 * profileByName("odata-v4")?.readCollection([{ LineNumber: 1 }]); // { kind: "rows", ... }
 * ```
 */
export interface WireProfile {
  /** Profile name. */
  readonly name: string;
  /** Human name of the protocol. */
  readonly title: string;
  /** How expanded collections are written when nothing was read (fresh objects). */
  readonly defaultCollectionForm: "array" | "results" | "items";
  /** Transport, annotation or data, for a key no declaration or catalog claims. */
  classifyKey(key: string, value: unknown): KeyClass;
  /** Whether a navigation property value is an unexpanded link (OData V2 `__deferred`). */
  isDeferred(value: unknown): boolean;
  /** Reads the value of a to-many navigation property. */
  readCollection(value: unknown): CollectionRead;
  /** Writes rows in the shape they were read in (or the default form). */
  writeCollection(rows: readonly unknown[], shape: CollectionShape | undefined): unknown;
  /** The ETag of a record when the protocol carries it in the body (`__metadata.etag`, `@odata.etag`). */
  etagOf(record: Readonly<Record<string, unknown>>): string | undefined;
  /** The record property that holds the ETag as data (`@odata.etag`): kept and written back like any property. Without it, the mapping core keeps the ETag in its bookkeeping. */
  readonly etagKey?: string;
  /** Finds the entities of a whole payload (envelope, collection, single entity, plain array); parses text first. */
  unwrap(payload: unknown): UnwrappedPayload;
  /** The entity type or set a record declares itself to be (`__metadata.type`, `@odata.context`), if any. */
  declaredEntity(record: Readonly<Record<string, unknown>>, envelope?: unknown): string | undefined;
  /** The vendor's value for "no value" of a property when a fresh object is encoded; {@link Omit} leaves it out. */
  emptyValue(property: CatalogPropertyInfo | undefined): unknown;
  /** Compiles the check of one catalog property in this protocol's JSON encoding. */
  compileCheck(property: CatalogPropertyInfo): PropertyCheck;
  /** A copy without transport keys at any depth: what a vendor → canonical → vendor round trip is compared on. */
  stripTransport(value: unknown): unknown;
  /** Values the conformance kit mutates properties with (typical wrong and edge values of the protocol). */
  readonly mutations: readonly unknown[];
  /** The resource path segment of an entity's key (`A_ProductionOrder_2('1000123')`, `ProductionOrderHeaders(dataAreaId='usmf',...)`). */
  formatKey(entitySet: string, key: Readonly<Record<string, unknown>>, catalog?: CatalogEntityInfo): string;
}

/** The marker type an {@link WireProfile.emptyValue} may return to leave a property out. Internal. */
export type EmptyValue = unknown | Omit;
