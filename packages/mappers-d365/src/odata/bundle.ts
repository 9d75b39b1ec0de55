// Rows delivered beside their header (a bundle) rather than expanded inside
// it: D365 expands only one level and has no navigation from a quality order
// to its results, so callers often fetch the child rows with their own GET
// and hand them over next to the header. The wrapper attaches the rows to
// their header under the navigation name, lets the compiled mapper do the
// mapping, remembers the bundle's shape in the bookkeeping and writes it
// back the same way.
import { showValue } from "./show.js";
import type { Issue } from "@mfgsync/canonical";
import type { CollectionShape, DecodeOptions, EncodeOptions, MapResult, Mapper, MappingContext, WireResult } from "@mfgsync/mapping";
import { BOOKKEEPING_NAMESPACE, encodeWireWith, parseWireJson } from "@mfgsync/mapping";
import { D365_CODES, D365_NAMESPACE } from "../context.js";

/**
 * One kind of row a bundle may carry beside its headers.
 *
 * @example
 * ```ts
 * import type { BundleRows } from "@mfgsync/mappers-d365";
 * const lines: BundleRows = { navigation: "ProdutionOrderBOMLines", keys: ["ProductionOrderBillOfMaterialLines"], link: [["ProductionOrderNumber", "ProductionOrderNumber"]] };
 * ```
 */
export interface BundleRows {
  /** The header's navigation (or attached property) the rows belong under (`ProdutionOrderBOMLines`). */
  readonly navigation: string;
  /** Bundle keys that may hold the rows, the first one preferred (`ProductionOrderBillOfMaterialLines`, the navigation name). */
  readonly keys: readonly string[];
  /** Row property = header property pairs that link a row to its header; `dataAreaId` compares case-insensitively. */
  readonly link: readonly (readonly [row: string, header: string])[];
  /** One row per header (an expanded single navigation) instead of an array. */
  readonly single?: boolean;
}

/**
 * How a mapper's bundles look: which keys hold the headers and which the rows.
 *
 * @example
 * ```ts
 * import type { BundleSpec } from "@mfgsync/mappers-d365";
 * const spec: BundleSpec = { headerKeys: ["QualityOrderHeaders", "value"], headerKey: "QualityOrderNumber", rows: [] };
 * ```
 */
export interface BundleSpec {
  /** Bundle keys that may hold the header or headers (`ProductionOrderHeaders`, `value`). */
  readonly headerKeys: readonly string[];
  /** A property only a header has (its business key): an object with it is a header, not a bundle. */
  readonly headerKey: string;
  /** The rows. */
  readonly rows: readonly BundleRows[];
}

/** The shape of a bundle as read, kept in `extensions.mfgsync.d365.bundle`. */
interface BundleShape {
  readonly header: string;
  readonly headerForm: "array" | "object" | "value";
  readonly rows: Readonly<Record<string, { readonly key: string; readonly form: "array" | "object" | "value" }>>;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Rows of a bundle value: an array, a `{ "value": [...] }` page or one object. */
function rowsOf(value: unknown): { rows: unknown[]; form: "array" | "object" | "value"; pointer: (i: number) => string } | undefined {
  if (Array.isArray(value)) return { rows: value, form: "array", pointer: (i) => `/${i}` };
  if (isRecord(value) && Array.isArray(value["value"])) return { rows: value["value"] as unknown[], form: "value", pointer: (i) => `/value/${i}` };
  if (isRecord(value)) return { rows: [value], form: "object", pointer: () => "" };
  return undefined;
}

function same(a: unknown, b: unknown, caseInsensitive: boolean): boolean {
  if (typeof a === "string" && typeof b === "string" && caseInsensitive) return a.toLowerCase() === b.toLowerCase();
  if (typeof a === "number" || typeof b === "number") return String(a) === String(b);
  return a === b;
}

const token = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Whether a payload is a bundle of this spec (headers beside rows) rather than a header or an envelope. */
export function isBundle(spec: BundleSpec, value: unknown): value is Json {
  if (!isRecord(value) || spec.headerKey in value) return false;
  return spec.headerKeys.some((k) => k in value) && spec.rows.some((r) => r.keys.some((k) => k in value));
}

/** One header of a bundle with its rows attached, where the issue paths of the attached rows point back to. */
interface Assembled {
  readonly header: Json;
  readonly basePath: string;
  readonly shape: BundleShape;
  readonly shapes: Record<string, CollectionShape>;
  /** Attached row pointer prefix (`/ProdutionOrderBOMLines/0`) → the row's pointer in the bundle. */
  readonly rowPaths: ReadonlyMap<string, string>;
}

function assemble(spec: BundleSpec, bundle: Json): { ok: true; headers: Assembled[] } | { ok: false; issues: [Issue, ...Issue[]] } {
  const headerKey = spec.headerKeys.find((k) => k in bundle) ?? "";
  const headers = rowsOf(bundle[headerKey]);
  if (headers === undefined) return { ok: false, issues: [{ path: `/${token(headerKey)}`, code: D365_CODES.bundleInvalid, message: `${headerKey} must hold the header (an object), an array of headers or a { "value": [...] } page` }] };
  const issues: Issue[] = [];
  const rowSets = spec.rows.flatMap((r) => {
    const key = r.keys.find((k) => k in bundle);
    if (key === undefined) return [];
    const read = rowsOf(bundle[key]);
    if (read === undefined) {
      issues.push({ path: `/${token(key)}`, code: D365_CODES.bundleInvalid, message: `${key} must hold the ${r.navigation} rows (an array or a { "value": [...] } page)` });
      return [];
    }
    return [{ spec: r, key, read, used: new Set<number>() }];
  });
  for (const key of Object.keys(bundle)) {
    if (key === headerKey || rowSets.some((s) => s.key === key) || key.startsWith("@")) continue;
    issues.push({ path: `/${token(key)}`, code: D365_CODES.bundleInvalid, message: `${key} is not part of a bundle (known: ${[...spec.headerKeys, ...spec.rows.flatMap((r) => r.keys)].join(", ")})` });
  }
  const assembled = headers.rows.map((raw, h): Assembled => {
    const basePath = `/${token(headerKey)}${headers.pointer(h)}`;
    const rows: Record<string, { key: string; form: "array" | "object" | "value" }> = {};
    const shapes: Record<string, CollectionShape> = {};
    const rowPaths = new Map<string, string>();
    if (!isRecord(raw)) return { header: raw as Json, basePath, shape: { header: headerKey, headerForm: headers.form, rows }, shapes, rowPaths };
    const header: Json = { ...raw };
    for (const set of rowSets) {
      if (header[set.spec.navigation] !== undefined) continue;
      const mine: unknown[] = [];
      set.read.rows.forEach((row, i) => {
        if (!isRecord(row)) return;
        if (!set.spec.link.every(([r, hp]) => same(row[r], header[hp], r === "dataAreaId"))) return;
        set.used.add(i);
        if (set.spec.single === true && mine.length > 0) {
          issues.push({ path: `/${token(set.key)}${set.read.pointer(i)}`, code: D365_CODES.bundleInvalid, message: `a second ${set.key} row for the header at ${basePath}: ${set.spec.navigation} takes one` });
          return;
        }
        rowPaths.set(`/${token(set.spec.navigation)}${set.spec.single === true ? "" : `/${mine.length}`}`, `/${token(set.key)}${set.read.pointer(i)}`);
        mine.push(row);
      });
      if (set.spec.single === true) {
        if (mine.length > 0) header[set.spec.navigation] = mine[0];
      } else header[set.spec.navigation] = mine;
      rows[set.spec.navigation] = { key: set.key, form: set.read.form };
      if (set.spec.single !== true) shapes[set.spec.navigation] = { form: "separate" };
    }
    return { header, basePath, shape: { header: headerKey, headerForm: headers.form, rows }, shapes, rowPaths };
  });
  for (const set of rowSets) {
    set.read.rows.forEach((row, i) => {
      if (set.used.has(i)) return;
      const linkText = set.spec.link.map(([r]) => `${r} ${showValue(isRecord(row) ? row[r] : undefined)}`).join(", ");
      issues.push({ path: `/${token(set.key)}${set.read.pointer(i)}`, code: D365_CODES.bundleOrphan, message: `this ${set.key} row (${linkText}) belongs to no header of the bundle` });
    });
  }
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]] };
  return { ok: true, headers: assembled };
}

/** Moves issue paths of attached rows back to where the rows were in the bundle. */
function rebase(issues: readonly Issue[], a: Assembled): Issue[] {
  return issues.map((issue) => {
    if (!issue.path.startsWith(a.basePath)) return issue;
    const rest = issue.path.slice(a.basePath.length);
    let best = "";
    for (const prefix of a.rowPaths.keys()) if ((rest === prefix || rest.startsWith(prefix + "/")) && prefix.length > best.length) best = prefix;
    return best === "" ? issue : { ...issue, path: (a.rowPaths.get(best) ?? "") + rest.slice(best.length) };
  });
}

function withBundleShape<C>(value: C, shape: BundleShape): C {
  const object = value as unknown as Json;
  const extensions = isRecord(object["extensions"]) ? object["extensions"] : {};
  const book = isRecord(extensions[BOOKKEEPING_NAMESPACE]) ? extensions[BOOKKEEPING_NAMESPACE] : {};
  const mine = isRecord(book[D365_NAMESPACE]) ? book[D365_NAMESPACE] : {};
  return { ...object, extensions: { ...extensions, [BOOKKEEPING_NAMESPACE]: { ...book, [D365_NAMESPACE]: { ...mine, bundle: shape } } } } as unknown as C;
}

const FORMS = new Set(["array", "object", "value"]);

/**
 * The bundle shape kept in the bookkeeping. It comes back from outside: a shape
 * that names keys or forms this spec has not (which decode would refuse) is
 * `"invalid"`, reported by encode instead of written.
 */
function bundleShapeOf(spec: BundleSpec, value: unknown): BundleShape | undefined | "invalid" {
  if (!isRecord(value)) return undefined;
  const ext = value["extensions"];
  const book = isRecord(ext) ? ext[BOOKKEEPING_NAMESPACE] : undefined;
  const mine = isRecord(book) ? book[D365_NAMESPACE] : undefined;
  const shape = isRecord(mine) ? mine["bundle"] : undefined;
  if (shape === undefined) return undefined;
  if (!isRecord(shape) || typeof shape["header"] !== "string" || !spec.headerKeys.includes(shape["header"]) || !FORMS.has(shape["headerForm"] as string) || !isRecord(shape["rows"])) return "invalid";
  const rows = shape["rows"];
  const keys = new Set<string>();
  for (const navigation of Object.keys(rows)) {
    const r = spec.rows.find((x) => x.navigation === navigation);
    const row = rows[navigation];
    if (r === undefined || !isRecord(row) || typeof row["key"] !== "string" || !r.keys.includes(row["key"]) || keys.has(row["key"]) || !FORMS.has(row["form"] as string)) return "invalid";
    keys.add(row["key"]);
  }
  if (keys.has(shape["header"])) return "invalid";
  return shape as unknown as BundleShape;
}

function wrapForm(rows: unknown[], form: "array" | "object" | "value"): unknown {
  if (form === "object") return rows[0];
  return form === "value" ? { value: rows } : rows;
}

/**
 * Reads a `value` page that carries keys besides `value` and the `@odata.*`
 * annotations (a proxy's or a tool's own keys such as `_synthetic`): the
 * rows are read as a collection and each result warns about the foreign
 * envelope keys, which are not part of any entity (`d365.envelope.extra`).
 * Anything else goes to the compiled mapper as it is.
 */
export function decodePage<V, C>(inner: Mapper<V, C>, headerKey: string, value: unknown, context: MappingContext | undefined, options: DecodeOptions | undefined): WireResult<C> {
  if (!isRecord(value) || !Array.isArray(value["value"]) || headerKey in value) return inner.decodeWire(value, context, options);
  const extra = Object.keys(value).filter((k) => k !== "value" && !k.startsWith("@"));
  if (extra.length === 0) return inner.decodeWire(value, context, options);
  const page: Json = {};
  for (const [k, v] of Object.entries(value)) if (!extra.includes(k)) page[k] = v;
  const r = inner.decodeWire(page, context, options);
  if (!r.ok) return r;
  const warning: Issue = { path: (options?.basePath ?? "") + `/${token(extra[0] ?? "")}`, code: D365_CODES.envelopeExtra, message: `the page carries ${extra.map((k) => `"${k}"`).join(", ")} beside "value": not OData, not part of any entity; ignored` };
  return { ...r, results: r.results.map((x) => ({ ...x, warnings: [...x.warnings, warning] })) };
}

/**
 * A compiled mapper whose `decodeWire` also reads `value` pages with foreign
 * envelope keys (see {@link decodePage}).
 */
export function withPages<V, C>(inner: Mapper<V, C>, headerKey: string): Mapper<V, C> {
  return {
    ...inner,
    decodeWire(payload, context, options) {
      let value: unknown = payload;
      if (typeof payload === "string") {
        const parsed = parseWireJson(payload);
        if (!parsed.ok) return inner.decodeWire(payload, context, options);
        value = parsed.value;
      }
      return decodePage(inner, headerKey, value, context, options);
    },
  };
}

/**
 * A compiled mapper that also reads and writes bundles (see {@link BundleSpec}):
 * `{ "ProductionOrderHeaders": [...], "ProductionOrderBillOfMaterialLines": [...] }`.
 * Everything else is the compiled mapper's.
 */
export function withBundles<V, C>(inner: Mapper<V, C>, spec: BundleSpec): Mapper<V, C> {
  function decodeBundle(bundle: Json, context: MappingContext | undefined, options: DecodeOptions | undefined): WireResult<C> {
    const assembled = assemble(spec, bundle);
    if (!assembled.ok) return { ok: false, issues: assembled.issues.map((i) => ({ ...i, path: (options?.basePath ?? "") + i.path })) as unknown as [Issue, ...Issue[]] };
    const results = assembled.headers.map((a): MapResult<C> => {
      const r = inner.decode(a.header, context, { ...options, basePath: (options?.basePath ?? "") + a.basePath, collectionShapes: { ...options?.collectionShapes, ...a.shapes } });
      if (!r.ok) return { ok: false, issues: rebase(r.issues, a) as unknown as [Issue, ...Issue[]], warnings: rebase(r.warnings, a) };
      return { ok: true, value: withBundleShape(r.value, a.shape), warnings: rebase(r.warnings, a) };
    });
    return { ok: true, collection: assembled.headers.length !== 1 || assembled.headers[0]?.shape.headerForm !== "object", results };
  }

  function encode(input: C, context?: MappingContext, options?: EncodeOptions): MapResult<V> {
    const r = inner.encode(input, context, options);
    const shape = bundleShapeOf(spec, input);
    if (shape === "invalid") {
      const issue: Issue = { path: `/extensions/${BOOKKEEPING_NAMESPACE}/${D365_NAMESPACE}/bundle`, code: D365_CODES.bundleInvalid, message: `the kept bundle shape names keys or forms that are not part of a ${spec.headerKeys[0] ?? ""} bundle` };
      return { ok: false, issues: r.ok ? [issue] : [...r.issues, issue] as unknown as [Issue, ...Issue[]], warnings: r.warnings };
    }
    if (!r.ok || shape === undefined || !isRecord(r.value)) return r;
    const header: Json = { ...r.value };
    const out: Json = {};
    const rows: Json = {};
    for (const [navigation, { key, form }] of Object.entries(shape.rows)) {
      const rowSpec = spec.rows.find((x) => x.navigation === navigation);
      if (!(navigation in header)) {
        // A single row (the released product) the bundle had none of for this header: the empty set as read.
        if (rowSpec?.single === true && form !== "object") rows[key] = wrapForm([], form);
        continue;
      }
      const value = header[navigation];
      delete header[navigation];
      const list = Array.isArray(value) ? value : [value];
      // A row whose link no longer matches its header (a kept released product of another item) would read back as an orphan.
      const stray = rowSpec === undefined ? -1 : list.findIndex((row) => isRecord(row) && !rowSpec.link.every(([rp, hp]) => same(row[rp], header[hp], rp === "dataAreaId")));
      if (rowSpec !== undefined && stray >= 0) {
        const row = list[stray] as Json;
        const issue: Issue = { path: `/extensions/${D365_NAMESPACE}/${token(navigation)}${rowSpec.single === true ? "" : `/${stray}`}`, code: D365_CODES.bundleOrphan, message: `the ${navigation} row (${rowSpec.link.map(([rp]) => `${rp} ${showValue(row[rp])}`).join(", ")}) does not belong to this header (${rowSpec.link.map(([, hp]) => `${hp} ${showValue(header[hp])}`).join(", ")}): it cannot be written beside it` };
        return { ok: false, issues: [issue], warnings: r.warnings };
      }
      if (form === "object" && list.length !== 1) {
        // Read as one object: more (or no) rows cannot be written in that form.
        rows[key] = list;
        continue;
      }
      rows[key] = wrapForm(list, form);
    }
    out[shape.header] = wrapForm([header], shape.headerForm);
    Object.assign(out, rows);
    return { ok: true, value: out as V, warnings: r.warnings };
  }

  return {
    ...inner,
    decode(input, context, options) {
      if (!isBundle(spec, input)) return inner.decode(input, context, options);
      const r = decodeBundle(input, context, options);
      if (!r.ok) return { ok: false, issues: r.issues, warnings: [] };
      if (r.results.length !== 1) return { ok: false, issues: [{ path: options?.basePath ?? "", code: D365_CODES.bundleInvalid, message: `decode reads one header; this bundle holds ${r.results.length} (use decodeWire)` }], warnings: [] };
      return r.results[0] as MapResult<C>;
    },
    decodeWire(payload, context, options) {
      let value: unknown = payload;
      if (typeof payload === "string") {
        const parsed = parseWireJson(payload);
        if (!parsed.ok) return inner.decodeWire(payload, context, options);
        value = parsed.value;
      }
      if (isBundle(spec, value)) {
        try {
          return decodeBundle(value, context, options);
        } catch (error) {
          return { ok: false, issues: [{ path: "", code: "mapping.internal", message: `mapper failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }] };
        }
      }
      return decodePage(inner, spec.headerKey, value, context, options);
    },
    encode,
    encodeWire(input, context, options) {
      return encodeWireWith(encode, input, context, options);
    },
  };
}
