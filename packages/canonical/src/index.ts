/**
 * The canonical language of mfgsync: materials, production orders, lots,
 * inspections and nonconformances as zod 4 schemas with inferred types,
 * CloudEvents 1.0 events, UN/ECE Rec 20 units and ISA-95/B2MML vocabularies.
 *
 * Every `parse*` function has a `safeParse*` twin that never throws and
 * returns `{ ok: true, value } | { ok: false, issues }`, each issue with a
 * JSON Pointer `path`, a stable `code` and a `message`.
 *
 * @packageDocumentation
 */

// Results and issues
export type { Issue, Result } from "./result.js";
export { CanonicalValidationError, ISSUE_CODES, toJsonPointer } from "./result.js";
export { MAX_INPUT_DEPTH } from "./parse.js";

// Primitives
export { DecimalString, SignedDecimalString, decimalFromNumber, decimalFromScientific, MAX_DECIMAL_SCALE, MAX_DECIMAL_INTEGER_DIGITS } from "./primitives/decimal.js";
export type { UnitDimension } from "./primitives/unit.js";
export { UnitCode, isUnitCode, describeUnit, unitDimension } from "./primitives/unit.js";
export { Quantity, Measure, quantityFromNumber, safeQuantityFromNumber } from "./primitives/quantity.js";
export { Identifier, IdentifierScope, CrossReferences, Reference, PlantCode, MaterialRef, SCHEME_PATTERN } from "./primitives/identifier.js";
export type { Identified } from "./primitives/identity.js";
export { sameIdentifier, identifierKey, identitiesOf, sameObject } from "./primitives/identity.js";
export { Timestamp, PlainDate, DateOrTimestamp } from "./primitives/time.js";
export { codedValue, VendorCode } from "./primitives/coded-value.js";
export type { CodedValue } from "./primitives/coded-value.js";
export { Extensions, EXTENSION_NAMESPACE_PATTERN, EXTENSION_FIELD_PATTERN } from "./primitives/extensions.js";
export { SCHEMA_VERSION, READABLE_SCHEMA_VERSIONS } from "./primitives/header.js";

// Vocabularies
export { RequestState, Disposition, MaterialUse, OperationsType, AssemblyRelationship } from "./vocabularies/b2mml.js";
export {
  InspectionOrigin, ResultEvaluation, InspectionOutcome, InspectionStatus, NonconformanceType, Severity,
  NonconformanceSource, NonconformanceStatus, NonconformanceDisposition, MaterialType, LifecycleStatus,
  NonconformanceApproval, ComplaintParty,
} from "./vocabularies/quality.js";
export { QualityStatus, HoldReason, HoldSource, HoldBlock, HoldReleaseCause } from "./vocabularies/lot-quality.js";

// Objects
export { Material, LocalizedText, AlternativeUnit, MaterialPlant } from "./material/material.js";
export { ProductionOrder, Operation, Component, OperationSequence, RevisionRef } from "./production-order/production-order.js";
export { Lot, GenealogyLink, SerialLink } from "./lot/lot.js";
export { LotHold, HoldRelease } from "./lot/holds.js";
export { Inspection, InspectionSubject, Characteristic, CharacteristicResult, InspectionDecision } from "./inspection/inspection.js";
export { QuantitySplit, OtherSplitQuantity } from "./inspection/quantity-split.js";
export {
  Nonconformance, AffectedItem, Defect, ContainmentAction, HeldLot, StoppedOrder, NonconformanceApprovalState, ComplaintReference,
} from "./nonconformance/nonconformance.js";
export type { ObjectName, CanonicalObject } from "./objects.js";
export {
  ObjectSchemas, OBJECT_NAMES, safeParseObject, checkObject,
  parseMaterial, safeParseMaterial, parseProductionOrder, safeParseProductionOrder, parseLot, safeParseLot,
  parseInspection, safeParseInspection, parseNonconformance, safeParseNonconformance,
} from "./objects.js";

// Events
export type { EventName, CanonicalEventOf } from "./events/catalog.js";
export {
  CanonicalEvent, EventSchemas, EVENT_TYPE_PREFIX, SCHEMA_BASE_URI, CLOUDEVENTS_ATTRIBUTE_NAME, ExtensionAttributeValue,
} from "./events/catalog.js";
export {
  OrderEventData, OperationEventData, ProductionConfirmedData, MaterialMovementData, LotCreatedData, LotDispositionChangedData, LotShippedData,
  InspectionRequestedData, InspectionResultRecordedData, InspectionDecisionMadeData, NonconformanceEventData,
} from "./events/data.js";
export { OrderAcknowledgementData, OrderStateChangedData, ScrapDeclaredData, ReworkDeclaredData, ConfirmationReversedData } from "./events/execution-data.js";
export type { EventInput } from "./events/create.js";
export { createEvent, safeCreateEvent, parseEvent, safeParseEvent, parseEventOf, safeParseEventOf, eventExtensions } from "./events/create.js";
export type { IdempotencyKeyInput, KeyRevision, WriteOperation, WriteKeyInput } from "./events/keys.js";
export {
  idempotencyKey, safeIdempotencyKey, IDEMPOTENCY_NAMESPACE, WRITE_IDEMPOTENCY_NAMESPACE, WRITE_OPERATIONS, writeIdempotencyKey, safeWriteIdempotencyKey,
} from "./events/keys.js";
export { uuidV5 } from "./events/uuid.js";

// CloudEvents protocol bindings (HTTP, Kafka, MQTT 5)
export { BINDING_ISSUE_CODES, CLOUDEVENTS_JSON_CONTENT_TYPE, CLOUDEVENTS_BATCH_CONTENT_TYPE } from "./bindings/shared.js";
export type { HttpMessage, HttpHeadersInput, HttpMessageInput } from "./bindings/http.js";
export { toHttpBinary, toHttpStructured, toHttpBatch, safeReadHttpEvent, readHttpEvent, safeReadHttpBatch, readHttpBatch } from "./bindings/http.js";
export type { KafkaMessage, KafkaHeaderValue, KafkaMessageInput } from "./bindings/kafka.js";
export { eventPartitionKey, toKafkaBinary, toKafkaStructured, safeReadKafkaEvent, readKafkaEvent } from "./bindings/kafka.js";
export type { MqttMessage, MqttMessageInput } from "./bindings/mqtt.js";
export { toMqttBinary, toMqttStructured, safeReadMqttEvent, readMqttEvent } from "./bindings/mqtt.js";

// Reading (strict and lenient)
export type { ReadMode, ReadOptions, ReadValue, UnknownField, UnknownValue } from "./read.js";
export { safeReadObject, readObject, safeReadEvent, readEvent } from "./read.js";

// Streams (NDJSON and iterables of payloads; WHATWG streams, any runtime)
export type { NdjsonLine, NdjsonLineOptions } from "./stream/lines.js";
export { DEFAULT_MAX_LINE_BYTES } from "./stream/lines.js";
export type { StreamStep, StreamStepResult, DeadLetter, StreamRecord, StreamCounts, PayloadStreamOptions, PayloadProcessor } from "./stream/processor.js";
export { createPayloadProcessor } from "./stream/processor.js";
export type { CountingStream, PayloadStreamInput } from "./stream/stream.js";
export { createNdjsonLineStream, createPayloadStream, readableFrom } from "./stream/stream.js";

// JSON Schema
export type { SchemaName } from "./json-schema.js";
export { SCHEMA_NAMES, schemaId, toJsonSchema } from "./json-schema.js";
