import { safeParseObject } from "@mfgsync/canonical";
import type { MappingContext } from "../context.js";
import { resolveContext } from "../context.js";
import type { MapperDeclaration } from "../declare.js";
import { jsonEqual } from "../json/json.js";
import type { Mapper } from "../mapper.js";
import { coverageReport } from "../report/coverage.js";
import { applyKnownLoss, diffJson } from "./diff.js";

/**
 * Problems found by a conformance check; empty when the check passed.
 *
 * @example
 * ```ts
 * import type { CheckResult } from "@mfgsync/mapping/conformance";
 * const passed = (r: CheckResult) => r.problems.length === 0;
 * ```
 */
export interface CheckResult {
  /** Human-readable problems, each naming a JSON Pointer where it can. */
  readonly problems: readonly string[];
}

function issuesText(issues: readonly { path: string; code: string; message: string }[]): string {
  return issues.slice(0, 8).map((i) => `${i.path || "/"} ${i.code}: ${i.message}`).join("; ");
}

/**
 * Strips a mapper's transport annotations (OData V2 `__metadata` and
 * `__deferred` links, OData V4 context and link annotations, Oracle `links`)
 * at any depth: what a vendor → canonical → vendor round trip is compared on,
 * since encode writes bare entities.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * import { stripTransportAnnotations } from "@mfgsync/mapping/conformance";
 * const bare = (mapper: Mapper<unknown, unknown>, entity: unknown) => stripTransportAnnotations(entity, mapper);
 * ```
 */
export function stripTransportAnnotations(value: unknown, mapper: Pick<Mapper<unknown, unknown>, "profile">): unknown {
  return mapper.profile.stripTransport(value);
}

/**
 * Vendor → canonical → vendor: decode must succeed, give a valid canonical
 * object, encode must succeed, and the result must equal the input (without
 * transport annotations), nulls, ETags and number spellings included.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * import { checkVendorRoundTrip } from "@mfgsync/mapping/conformance";
 * const check = (mapper: Mapper<unknown, unknown>, entity: unknown) => checkVendorRoundTrip(mapper, entity).problems;
 * ```
 */
export function checkVendorRoundTrip<V, C>(mapper: Mapper<V, C>, vendor: unknown, context?: MappingContext, normalizeVendor?: (value: unknown) => unknown): CheckResult & { readonly canonical?: C } {
  const decoded = mapper.decode(vendor, context, { validate: false });
  if (!decoded.ok) return { problems: [`decode failed: ${issuesText(decoded.issues)}`] };
  const valid = safeParseObject(mapper.declaration.canonical, decoded.value);
  if (!valid.ok) return { problems: [`decoded object is not a valid ${mapper.declaration.canonical}: ${issuesText(valid.issues)}`], canonical: decoded.value };
  const encoded = mapper.encode(decoded.value, context);
  if (!encoded.ok) return { problems: [`encode of the decoded object failed: ${issuesText(encoded.issues)}`], canonical: decoded.value };
  const expected = normalizeVendor ? normalizeVendor(vendor) : mapper.profile.stripTransport(vendor);
  if (jsonEqual(expected, encoded.value)) return { problems: [], canonical: decoded.value };
  return { problems: diffJson(expected, encoded.value).map((d) => `vendor round trip differs at ${d}`), canonical: decoded.value };
}

/**
 * Canonical → vendor → canonical: encode and decode must succeed and the
 * result must equal the input on every field the vendor can represent, that
 * is after the mapper's declared known losses are applied to both sides.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * import { checkCanonicalRoundTrip } from "@mfgsync/mapping/conformance";
 * const check = (mapper: Mapper<unknown, unknown>, order: unknown) => checkCanonicalRoundTrip(mapper, order).problems;
 * ```
 */
export function checkCanonicalRoundTrip<V, C>(mapper: Mapper<V, C>, canonical: unknown, context?: MappingContext): CheckResult {
  const encoded = mapper.encode(canonical as C, context);
  if (!encoded.ok) return { problems: [`encode failed: ${issuesText(encoded.issues)}`] };
  const decoded = mapper.decode(encoded.value, context);
  if (!decoded.ok) return { problems: [`decode of the encoded entity failed: ${issuesText(decoded.issues)}`] };
  const resolved = resolveContext(context, mapper.declaration.defaults);
  const zoneOf = (plant: string | undefined) => (resolved.ok ? resolved.value.zoneOf(plant) : undefined) ?? "UTC";
  const env = { context: context ?? {}, zoneOf };
  const expected = applyKnownLoss(canonical, mapper.declaration.knownLoss, env);
  const actual = applyKnownLoss(decoded.value, mapper.declaration.knownLoss, env);
  if (jsonEqual(expected, actual)) return { problems: [] };
  return { problems: diffJson(expected, actual).map((d) => `canonical round trip differs at ${d} (declare it as a known loss if the vendor cannot hold it)`) };
}

/** A regular expression for a known-loss path (`*` one segment, `**` any). Internal. */
export function lossPattern(path: string): RegExp {
  const parts = path.split("/").map((s) => (s === "**" ? "\u0000" : s === "*" ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp("^" + parts.join("/").replace(/\/\u0000/g, "(?:/[^/]+)*").replace(/\u0000/g, ".*") + "$");
}

/**
 * Checks a declaration against its vendor catalogs and the canonical schema:
 * every property it names exists in the catalog, every catalog property is
 * either mapped or carried (by construction), and every canonical field the
 * mapper does not fill is declared as a known loss.
 *
 * @example
 * ```ts
 * import type { MapperDeclaration } from "@mfgsync/mapping";
 * import { checkCoverage } from "@mfgsync/mapping/conformance";
 * const problems = (d: MapperDeclaration) => checkCoverage(d).problems;
 * ```
 */
export function checkCoverage(declaration: MapperDeclaration, options: { readonly allowUncatalogued?: readonly string[] } = {}): CheckResult {
  const problems: string[] = [];
  const report = coverageReport(declaration);
  const allowed = new Set(options.allowUncatalogued ?? []);
  const lossPatterns = declaration.knownLoss.map((l) => lossPattern(l.path));
  const declaredLoss = (path: string) => lossPatterns.some((re) => re.test(path));
  for (const entity of report.entities) {
    for (const p of entity.uncatalogued) if (!allowed.has(p)) problems.push(`${entity.entity}: ${p} is not in the catalog`);
    for (const field of entity.canonicalUnfilled) {
      const path = `${entity.canonicalPath}/${field}`;
      if (!declaredLoss(path)) problems.push(`${entity.entity}: canonical ${path} is not filled and not declared as a known loss`);
    }
  }
  return { problems };
}
