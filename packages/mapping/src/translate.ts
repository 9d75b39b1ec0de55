// Vendor → canonical → vendor in one step: what `mfgsync translate` does,
// with the issues of both legs and what the target cannot hold.
import type { Issue } from "@mfgsync/canonical";
import { lossPattern } from "./conformance/checks.js";
import type { MappingContext } from "./context.js";
import type { KnownLoss, MapperDeclaration } from "./declare.js";
import { isRecord, pointerToken } from "./json/json.js";
import type { Mapper } from "./mapper.js";
import { BOOKKEEPING_NAMESPACE } from "./compile/state.js";

/**
 * A canonical field the target vendor cannot hold, found in an object about
 * to be written: the concrete JSON Pointer and the mapper's declared reason.
 *
 * @example
 * ```ts
 * import type { TranslationLoss } from "@mfgsync/mapping";
 * const line = (l: TranslationLoss) => `${l.path}: ${l.reason}`;
 * ```
 */
export interface TranslationLoss {
  /** Where in the canonical object. */
  readonly path: string;
  /** Why the target cannot hold it (from the target mapper's known losses), or that another vendor's extensions stay behind. */
  readonly reason: string;
}

function collectPaths(value: unknown, path: string, out: string[], depth: number): void {
  out.push(path);
  if (depth > 12 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) value.forEach((v, i) => collectPaths(v, `${path}/${i}`, out, depth + 1));
  else for (const k of Object.keys(value)) collectPaths((value as Record<string, unknown>)[k], `${path}/${pointerToken(k)}`, out, depth + 1);
}

/**
 * The declared known losses of a mapper that apply to one canonical object:
 * every present field the vendor cannot hold (exactly, or at all), and the
 * extensions of other vendors, which a mapper never writes.
 *
 * @example
 * ```ts
 * import type { MapperDeclaration } from "@mfgsync/mapping";
 * import { lossesFor } from "@mfgsync/mapping";
 * const report = (declaration: MapperDeclaration, order: unknown) => lossesFor(declaration, order).map((l) => l.path);
 * ```
 */
export function lossesFor(declaration: MapperDeclaration, canonical: unknown): TranslationLoss[] {
  if (!isRecord(canonical)) return [];
  const paths: string[] = [];
  for (const k of Object.keys(canonical)) if (k !== "extensions") collectPaths(canonical[k], `/${pointerToken(k)}`, paths, 0);
  const patterns = declaration.knownLoss.map((l: KnownLoss) => ({ re: lossPattern(l.path), loss: l }));
  const out: TranslationLoss[] = [];
  const covered: string[] = [];
  for (const path of paths) {
    if (covered.some((c) => path.startsWith(c + "/"))) continue;
    const hit = patterns.find((p) => p.re.test(path));
    if (hit === undefined) continue;
    // A loss with a normalizer keeps part of the value: it is a change, not a drop.
    out.push({ path, reason: hit.loss.normalize ? `changed: ${hit.loss.reason}` : hit.loss.reason });
    covered.push(path);
  }
  const extensions = canonical["extensions"];
  if (isRecord(extensions)) {
    for (const ns of Object.keys(extensions)) {
      if (ns === declaration.namespace || ns === BOOKKEEPING_NAMESPACE) continue;
      out.push({ path: `/extensions/${pointerToken(ns)}`, reason: `the ${ns} properties kept in the canonical object have no place in ${declaration.title}` });
    }
  }
  return out;
}

/**
 * One entity of a translation: the target vendor's entity, or the issues of
 * either leg; the warnings of both legs; and what the target cannot hold.
 *
 * @example
 * ```ts
 * import type { TranslationResult } from "@mfgsync/mapping";
 * const ok = (r: TranslationResult) => r.ok && r.losses.length === 0;
 * ```
 */
export type TranslationResult =
  | { readonly ok: true; readonly value: unknown; readonly warnings: readonly Issue[]; readonly losses: readonly TranslationLoss[] }
  | { readonly ok: false; readonly leg: "decode" | "encode"; readonly issues: readonly [Issue, ...Issue[]]; readonly warnings: readonly Issue[]; readonly losses: readonly TranslationLoss[] };

/**
 * Translates a vendor payload into another vendor's entities through the
 * canonical objects: `from.decodeWire`, then `to.encode` per entity, with
 * each leg's context. Issue paths of the decode leg point into the payload,
 * those of the encode leg into the canonical object. Never throws.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * import { translate } from "@mfgsync/mapping";
 * const sapToOracle = (sap: Mapper<unknown, unknown>, oracle: Mapper<unknown, unknown>, text: string) => translate(sap, oracle, text);
 * ```
 */
export function translate<C>(
  from: Mapper<unknown, C>, to: Mapper<unknown, C>, payload: unknown,
  options: { readonly fromContext?: MappingContext; readonly toContext?: MappingContext } = {},
): { readonly ok: true; readonly collection: boolean; readonly results: readonly TranslationResult[] } | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] } {
  const read = from.decodeWire(payload, options.fromContext);
  if (!read.ok) return read;
  const results = read.results.map((r): TranslationResult => {
    if (!r.ok) return { ok: false, leg: "decode", issues: r.issues, warnings: r.warnings, losses: [] };
    const losses = lossesFor(to.declaration, r.value);
    const written = to.encode(r.value, options.toContext);
    if (!written.ok) return { ok: false, leg: "encode", issues: written.issues, warnings: [...r.warnings, ...written.warnings], losses };
    return { ok: true, value: written.value, warnings: [...r.warnings, ...written.warnings], losses };
  });
  return { ok: true, collection: read.collection, results };
}
