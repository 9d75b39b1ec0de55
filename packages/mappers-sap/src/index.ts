/**
 * SAP S/4HANA OData V2 ↔ canonical mappers, built on `@mfgsync/mapping`.
 *
 * Each mapper reads SAP payloads exactly as SAP Gateway sends them
 * (`{"d": ...}` envelopes, `/Date(ms)/`, `PT06H30M00S`, decimals as strings,
 * `"X"`/`""` flags, commercial and ISO units) and writes bare SAP entities.
 * SAP properties without a canonical home are kept in `extensions.sap`.
 *
 * @packageDocumentation
 */

export { SAP_SCHEME, SAP_NAMESPACE, SAP_CONTEXT_DEFAULTS, SAP_CODES } from "./context.js";
export type { EntityCatalog, CatalogProperty, CatalogNavigationProperty, EdmType } from "./generated/catalog.js";
export { SAP_ENTITY_CATALOGS } from "./generated/catalog.js";
export { SAP_UNITS_IN, SAP_UNITS_OUT, SAP_ISO_UNITS_OUT, SAP_INTERNAL_UNITS_OUT, sapUnit } from "./units.js";
export type { SapMapper } from "./odata/wire.js";
export { SAP_ORDER_STATUS_STATES, SAP_ORDER_STATUS_PRECEDENCE, SAP_SYSTEM_STATUS_CODES, sapStatus } from "./production-order/status.js";
export { productionOrderDeclaration } from "./production-order/declaration.js";
export { productionOrderMapper } from "./production-order/index.js";
export { STOCK_POSTING_LIST, splitOther, splitQuantity } from "./inspection/quantities.js";
export { confirmationCancellation } from "./events/confirmation-cancel.js";
export type { ConfirmationCancellation } from "./events/confirmation-cancel.js";
export { materialRevision } from "./inspection/revision.js";
export { batchDisposition } from "./lot/disposition.js";
export { BATCH_STATUS_LIST, batchStatus } from "./lot/status.js";
export type { BatchStatus, BatchStatusMeaning } from "./lot/status.js";
export { batchDeclaration } from "./lot/declaration.js";
export { batchMapper } from "./lot/index.js";
export { sapLanguage, productLifecycle } from "./material/converters.js";
export { materialDeclaration } from "./material/declaration.js";
export { materialMapper } from "./material/index.js";
export {
  characteristicKey, characteristicKind, flaggedDouble, integerAmount, attributeCode, resultMeasure, usageDecision, inspectionLotStatus,
} from "./inspection/converters.js";
export { inspectionDeclaration, INSPECTION_BUNDLE_NAVIGATIONS } from "./inspection/declaration.js";
export { inspectionMapper } from "./inspection/index.js";
export { defectAffected, defectCode } from "./nonconformance/converters.js";
export { nonconformanceDeclaration } from "./nonconformance/declaration.js";
export { nonconformanceMapper } from "./nonconformance/index.js";
export type { ObjectReference } from "./events/business-events.js";
export { decodeBusinessEvent, decodeBusinessEvents } from "./events/business-events.js";
export type { DecodedConfirmation, DecodedMovement } from "./events/confirmation-declaration.js";
export { confirmationDeclaration, compositeIdentifier } from "./events/confirmation-declaration.js";
export type { ConfirmationEventOptions } from "./events/confirmation.js";
export { decodeConfirmationEvents, decodeConfirmationEventsWire } from "./events/confirmation.js";
export { sapMappers, SAP_MAPPERS_BY_OBJECT, sapMapperFor, SAP_DECLARATIONS, SAP_VENDOR } from "./mappers.js";

// ---------------------------------------------------------------------------
// SAP OData V2 wire types, generated from the entity catalogs (type-only), so
// that users can annotate payloads and declaration builds of code returning an
// encoded payload can name its type. Keep in step with generated/wire-types.ts
// (test/wire-types.test.ts checks that every generated interface is here).
// ---------------------------------------------------------------------------
export type { SapEntitySet } from "./generated/catalog.js";
export type {
  ODataV2Deferred, ODataV2Metadata,
  A_Product, A_ProductDescription, A_ProductPlant, A_ProductUnitsOfMeasure, A_ProductWorkScheduling, A_ProductPlantQualityMgmt, A_ProductQualityMgmt,
  A_ProductionOrder_2, A_ProductionOrderItem_2, A_ProductionOrderOperation_2, A_ProductionOrderComponent_2, A_ProductionOrderComponent_3, A_ProductionOrderStatus_2,
  ProdnOrdConf2, ProdnOrdConfMatlDocItm, ProdnOrderConfBatchCharc,
  A_InspectionLot, A_InspectionLotWithStatus, A_InspectionOperation, A_InspectionCharacteristic, A_InspectionResult, A_InspectionResultValue, A_InspectionSubset,
  A_InspLotUsageDecision, A_InspectionSpecification, A_CharcAttribSeldSetCode,
  A_Defect,
  Batch,
} from "./generated/wire-types.js";
