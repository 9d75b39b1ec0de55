/**
 * The mapping core of mfgsync: what vendor mapper packages are built from.
 *
 * A mapper is a declared table of fields: a vendor property (as the vendor
 * spells it) ↔ a canonical path, through a bidirectional converter. One
 * declaration is compiled once into `decode` (vendor → canonical) and
 * `encode` (canonical → vendor), and also renders the mapping table for the
 * docs and a coverage report. Vendor properties without a canonical home are
 * kept in the object's `extensions` under the vendor's namespace and written
 * back on encode, so nothing is lost. Neither direction throws: results are
 * `{ ok, value, warnings }` or issues with JSON Pointer paths.
 *
 * The conformance kit for mapper packages is in `@mfgsync/mapping/testing`.
 *
 * @packageDocumentation
 */

// Results and context
export type { MapResult } from "./result.js";
export { MAPPING_CODES, rebaseResult } from "./result.js";
export type { MappingContext, ContextDefaults, ResolvedContext, ResolvedStatusRules, StatusRulesOverride } from "./context.js";
export { resolveContext } from "./context.js";

// Converters
export type { Converter, AnyConverter, DecodeScope, EncodeScope, Invalid, Omit } from "./converter.js";
export { INVALID, OMIT } from "./converter.js";
export { text, flag, boolean, integer, sameAsParent, unlessSameAsParent } from "./converters/basic.js";
export { decimal, doubleDecimal } from "./converters/decimal.js";
export { odataDate, odataDateTimeOffset, odataDateAndTime, abapTimestamp, NO_TIME } from "./converters/dates.js";
export { unitCode, quantity, amountInUnitOf, readUnit, writeUnit } from "./converters/units.js";
export type { Coded } from "./converters/coded.js";
export { coded, identifier, materialRef } from "./converters/coded.js";

// Known-loss normalizers
export { lossNormalizers } from "./losses.js";

// Time zones
export { isTimeZone, zoneOffsetMinutes, instantFromWallClock } from "./time/zone.js";

// Declarations, catalogs and compiled mappers
export type { CatalogEntityInfo, CatalogPropertyInfo, PropertyCheck } from "./catalog.js";
export { compilePropertyCheck } from "./catalog.js";
export type { FieldDeclaration, ChildDeclaration, EntityDeclaration, MapperDeclaration, KnownLoss, LossEnvironment } from "./declare.js";
export { field, child, entity, declareMapper } from "./declare.js";
export type { Mapper, Decoder, DecodeOptions, EncodeOptions } from "./mapper.js";
export { compileMapper, compileDecoder } from "./mapper.js";

// Docs and coverage
export type { CoverageReport, EntityCoverage } from "./report/coverage.js";
export { coverageReport } from "./report/coverage.js";
export { renderMappingTable } from "./report/markdown.js";
