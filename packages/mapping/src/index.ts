/**
 * The mapping core of mfgsync: what vendor mapper packages are built from.
 *
 * A mapper is a declared table of fields: a vendor property (as the vendor
 * spells it) ↔ a canonical path, through a bidirectional converter. One
 * declaration names its wire profile (`odata-v2` for SAP Gateway, `odata-v4`
 * for Dynamics 365, `oracle-rest` for Oracle Fusion) and is compiled once
 * into `decode` (vendor → canonical) and `encode` (canonical → vendor); it
 * also renders the mapping table for the docs and a coverage report. Vendor
 * properties without a canonical home are kept in the object's `extensions`
 * under the vendor's namespace, the core's own bookkeeping (nulls, absences,
 * collection shapes, exact numbers, ETags) under `extensions.mfgsync`, and
 * both are written back on encode, so nothing is lost. No function throws on
 * outside data: results are `{ ok, value, warnings }` or issues with JSON
 * Pointer paths.
 *
 * The conformance kit for mapper packages is in `@mfgsync/mapping/conformance`
 * (plain checks for any test runner) and `@mfgsync/mapping/testing` (vitest).
 *
 * @packageDocumentation
 */

// Results and context
export type { MapResult } from "./result.js";
export { MAPPING_CODES, rebaseResult } from "./result.js";
export type { MappingContext, ContextDefaults, ResolvedContext, ResolvedStatusRules, StatusRulesOverride } from "./context.js";
export { resolveContext, CONTEXT_KEYS } from "./context.js";

// Wire profiles and JSON
export type { WireProfile, CollectionShape, CollectionRead, UnwrappedPayload, PagingInfo, KeyClass } from "./profiles/profile.js";
export { odataV2Profile, unwrapODataV2 } from "./profiles/odata-v2.js";
export { odataV4Profile, unwrapODataV4, odataV4EnumLiteral, odataV4Literal } from "./profiles/odata-v4.js";
export { oracleRestProfile, unwrapOracleRest } from "./profiles/oracle-rest.js";
export { profileByName, PROFILES } from "./profiles/index.js";
export { compileODataV2Check } from "./profiles/checks-odata-v2.js";
export type { JsonCheckOptions } from "./profiles/checks-json.js";
export { compileJsonCheck } from "./profiles/checks-json.js";
export { JsonNumber, isJsonNumber } from "./json/number.js";
export type { WireJsonResult } from "./json/wire-json.js";
export { parseWireJson, stringifyWireJson } from "./json/wire-json.js";

// Converters
export type { Converter, AnyConverter, DecodeScope, EncodeScope, Invalid, Omit, Empty } from "./converter.js";
export { INVALID, OMIT, EMPTY } from "./converter.js";
export type { ScalarSpec } from "./converters/scalar.js";
export { scalar } from "./converters/scalar.js";
export { text, boolean, noYes, integer, fixed, sameAsParent, unlessSameAsParent } from "./converters/basic.js";
export { jsonDecimal } from "./converters/decimal.js";
export { isoDateTime, isoDate, isoDateTimeAsDate, dateAndSecondsOfDay } from "./converters/iso-dates.js";
export { abapFlag, odataV2Decimal, odataV2Double, odataV2Date, odataV2DateTimeOffset, odataV2DateAndTime, abapTimestamp, ODATA_V2_NO_TIME } from "./converters/odata-v2.js";
export { unitCode, unitCodeAndName, quantity, amountInUnitOf, readUnit, writeUnit } from "./converters/units.js";
export type { Coded, CodedOptions } from "./converters/coded.js";
export { coded, enumMember, codeAndValue } from "./converters/coded.js";
export type { IdentifierOptions } from "./converters/identifier.js";
export { identifier, materialRef } from "./converters/identifier.js";

// Known-loss normalizers
export { lossNormalizers } from "./losses.js";

// Time zones
export { isTimeZone, zoneOffsetMinutes, instantFromWallClock } from "./time/zone.js";

// Declarations, catalogs and compiled mappers
export type { CatalogEntityInfo, CatalogPropertyInfo, PropertyCheck } from "./catalog.js";
export type { FieldDeclaration, ChildDeclaration, EntityDeclaration, MapperDeclaration, KnownLoss, LossEnvironment } from "./declare.js";
export { field, child, entity, declareMapper } from "./declare.js";
export type { Mapper, Decoder, DecodeOptions, EncodeOptions, WireResult } from "./mapper.js";
export { compileMapper, compileDecoder, encodeWireWith } from "./mapper.js";
export type { EncodedResource, ResourceOptions } from "./resources.js";
export type { TranslationLoss, TranslationResult } from "./translate.js";
export { translate, lossesFor } from "./translate.js";
export { BOOKKEEPING_NAMESPACE } from "./compile/state.js";

// Streams (WHATWG TransformStream: NDJSON or payloads in, records with dead letters out)
export type { WireDecoder, EntityEncoder, MapStreamCheck, MapStreamOptions } from "./stream/map-stream.js";
export { createMapStream, mapStep } from "./stream/map-stream.js";

// Registry of vendors
export type { VendorMappers, MapperRegistry } from "./registry.js";
export { createRegistry } from "./registry.js";

// Docs and coverage
export type { CoverageReport, EntityCoverage } from "./report/coverage.js";
export { coverageReport } from "./report/coverage.js";
export { renderMappingTable } from "./report/markdown.js";
