// Why each built-in rule matters: documentation, several sentences per rule. Kept apart from the rules
// themselves so that `validate` does not load it (a browser bundle that validates stays small);
// `BUILTIN_RULES`, `mfgsync rules` and docs/guides/rules.md join it back by rule id. Internal.

/** Rationale of every built-in rule, by rule id. */
export const RULE_RATIONALES: Readonly<Record<string, string>> = {
  "event/duplicate":
    "Transports deliver at least once: a retried webhook, a replayed queue or a re-run extraction sends the same fact again. " +
    "Posting it twice doubles a confirmation or a goods movement. Event ids are deterministic UUIDs over source, type, subject and revision, so a re-sent fact has the same id; " +
    "drop events this rule reports instead of posting them. Checked against the context's idempotency store.",
  "event/sequence":
    "Events about one order or lot must be applied in order: a 'completed' before its 'started', or a missed disposition change, leaves the receiver in a state the source never had. " +
    "A gap means events were lost or are still in flight; a sequence at or below the last one processed means reordering or a replay. " +
    "Sequences are compared as integers. A warning by default, because transports without ordering guarantees produce gaps that heal; make it an error where order is guaranteed.",
  "event/disposition-order":
    "Disposition changes are not commutative: applying an old release after a newer hold releases a held lot. If the event's `from` is not the disposition the context holds, " +
    "a change was missed or this one arrives out of order; if it happened before the current disposition was set, applying it would overwrite newer information.",
  "event/data-matches-type":
    "Consumers route on the event type and trust it. A `material-consumed` event with material use Produced, a 'Hold' that sets UnRestricted, or a `nonconformance-closed` event with an open nonconformance " +
    "means the mapper chose the type from one field and the data from another; whichever the consumer trusts, it acts on the wrong fact.",
  "event/subject-matches-data":
    "Ordering, partitioning, sequences and idempotency keys are all per subject. An event whose subject names another object is sequenced against the wrong history " +
    "and deduplicated against the wrong keys. Order-level events (operations, confirmations, goods movements) are about the order.",
  "identifier/gtin-check-digit":
    "GTINs travel to customers, labels and EDI messages; a wrong check digit is a typo or a truncated leading zero, and the receiving partner rejects the message or, worse, " +
    "matches another product. The GS1 mod-10 check catches every single-digit error and most transpositions.",
  "identifier/cross-reference-scheme":
    "A cross-reference says \"the same object is X in that system\". One in the object's own scheme and issuer is a second id in the same system, which makes lookups ambiguous; " +
    "two cross-references for the same system with different values mean the mapping table has duplicates. A scheme nobody knows (\"sap-s4hanna\") cannot be resolved by any consumer: " +
    "list the integration's schemes in the profile option `identifier.schemes` to catch typos.",
  "inspection/quantity-split-sum":
    "The split is what the ERP posts: so much to free stock, so much to blocked, scrap or return. A split that adds up to less than the inspected quantity leaves stock " +
    "in quality inspection forever; one that adds up to more posts stock that does not exist. Both usually mean a category was mapped twice or not at all. " +
    "Quantities in other units are converted exactly. For `inspection-decision-made` events, the inspected quantity is the event's, else the context's inspection's. " +
    "Systems that post a usage decision in several partial steps can lower this rule to a warning.",
  "inspection/result-within-limits":
    "The evaluation is what the usage decision and the certificate of analysis rely on; a Pass outside the specification releases nonconforming material. " +
    "It happens when limits were changed after the results were taken, when a result is recorded in another unit than the limits, or when a mapper defaults the evaluation. " +
    "Results in another unit are converted exactly before comparing; limits are inclusive. For `inspection-result-recorded` events the characteristics come from the context's inspection.",
  "inspection/result-unit":
    "A result in a unit that cannot be converted to the characteristic's cannot be compared with its limits, so its evaluation cannot be verified and statistics (SPC, capability) mix incomparable numbers. " +
    "Affine units such as °C and °F have no factor and only match themselves.",
  "inspection/decision-complete":
    "A usage decision over missing required results certifies what nobody measured. SAP refuses it on its own screen, but decisions arriving over an interface (or from a QMS that " +
    "records results elsewhere) can skip the check. For `inspection-decision-made` events the characteristics and results come from the context's inspection.",
  "lot/genealogy-acyclic":
    "Traceability answers \"which finished lots contain this raw material lot?\" by walking genealogy. A cycle makes that walk endless or wrong and " +
    "is physically impossible: material cannot go into itself. Cycles usually come from a reversal posted as a forward movement or from parent and child swapped in the mapping.",
  "lot/genealogy-quantity":
    "Consuming more than a lot holds creates negative stock or, where negative stock is blocked, a failed posting in the middle of a confirmation. " +
    "In genealogy it means the quantities are wrong or a link points at the wrong parent, which makes a recall scope wrong. " +
    "The parent's quantity is the one the context's lot directory holds (the quantity before the consumption being checked); quantities in other units are converted exactly.",
  "lot/hold-blocks":
    "A hold says what it blocks: a nonconformance hold may block consumption and shipment but allow a transfer to the rework area; a quarantine blocks everything. " +
    "Consuming or shipping against a hold that blocks it builds suspect material into product or sends it to a customer, which is what the hold exists to prevent. " +
    "The holds are the context's current ones (`lotDispositions`, or the known lot's own). A hold on part of the lot (with a quantity) blocks only that part: " +
    "the movement is reported when it takes more than the unheld quantity of the lot as the context knows it. Reversals are always allowed. " +
    "Transfers are not checked: the canonical catalog has no transfer event yet.",
  "lot/rejected-not-unrestricted":
    "UnRestricted means free for any use; Rejected means quality refused the material. Together they let rejected material be picked, consumed and shipped. " +
    "It happens when disposition and quality status are mapped from different vendor fields (SAP stock type and batch status, D365 inventory status and batch disposition). " +
    "For disposition changes without a quality status of their own, the context's current quality status counts.",
  "lot/hold-release-decision":
    "Who released a hold, and on what grounds, is what an auditor asks first. A release that says it came from an inspection decision but names no inspection cannot be traced; " +
    "one naming an inspection without a decision, or an inspection of another lot, releases material nobody decided on. " +
    "The inspection is the release's own `inspection` or, for all releases of the change, the event's `data.inspection`.",
  "lot/disposition-transition":
    "Disposition is what stops bad material from being used. A Closed lot that becomes UnRestricted again resurrects scrapped or shipped stock; " +
    "a held lot \"released\" back to In-Process escapes the quality decision. The previous disposition is the event's `from`, or the context's current disposition; " +
    "for a lot object, its disposition is compared with the context's current one. Changes from or to Other are not judged.",
  "lot/expiry-after-manufacture":
    "An expiry on or before the manufacturing date makes the lot unusable the moment it exists (FEFO picking skips it, shelf-life checks block it) and almost always comes from a date mapped to the wrong field " +
    "or a shelf life in the wrong unit. Dates and timestamps compare as calendar dates when either is a plain date.",
  "lot/restricted-not-used":
    "Blocking movement of held material is the point of a quality hold: consuming a Restricted lot builds suspect material into good product and turns one nonconformance into a recall. " +
    "A Closed lot has nothing left to consume. The check uses the disposition the context holds now, not what the sender believed. " +
    "Consumptions (`material-consumed`) and shipments (`lot-shipped`) are checked; transfers will be checked the same way when their event exists. Reversals are always allowed. " +
    "What a lot's individual holds block is checked by `lot/hold-blocks`.",
  "lot/release-needs-acceptance":
    "Releasing held material is a quality decision (SAP usage decision, Oracle ACCEPT disposition, D365 passed quality order), not a stock posting. " +
    "A release without one bypasses the quality department; a rejection that results in free stock is a mapping error with the same effect. " +
    "A release names its inspection (`data.inspection`), which must have an accepting decision when the context knows it; without a reference, the context must know an accepting inspection of the lot. " +
    "Releases from an unknown previous disposition are treated as releases from Restricted.",
  "material/revision-format":
    "Revision levels are matched as strings: \"B\", \"b\" and \"B \" are three revisions to the receiving system, and an order exploded with an unknown revision picks the wrong BOM or fails. " +
    "Each integration has its own convention (SAP revision levels are two characters, Oracle item revisions up to 18); the default pattern accepts upper-case letters and digits, optionally in groups joined by \".\" or \"-\".",
  "material/known":
    "A production order, lot or goods movement for a material the target system does not have is refused at posting, usually after other documents of the same transaction were already posted. " +
    "A reference to a revision that does not exist means the sender works from a different engineering state than the receiver. Checked against the context's material directory; skipped without one.",
  "material/approved":
    "Only released engineering states may be built: producing a Draft or Blocked revision, or consuming a component that was blocked after a supplier recall, creates product that later has to be quarantined. " +
    "Looks at the material's lifecycle status and, where the material master has plant-specific data, its status in the producing plant. Checked against the context's material directory; skipped without one.",
  "plant/known":
    "Plant codes differ per system (SAP plant 1010, Oracle organization M1, D365 site 1) and are where most cross-system mappings go wrong. " +
    "A posting to an unknown plant fails; a posting to a wrong but existing plant is worse. Checked against the context's plant directory; skipped without one.",
  "nonconformance/affected-lots":
    "Containment of a serious nonconformance starts with knowing which lots to hold. A critical finding without affected lots cannot be contained, traced or, if needed, recalled, " +
    "and the hold rule below has nothing to check. Minor findings and observations may be about a process without specific material.",
  "nonconformance/lots-restricted":
    "Raising a serious nonconformance is not containment; blocking the material is. Until the nonconformance is closed or cancelled, an affected lot in free stock can still be consumed or shipped. " +
    "SAP, Oracle and D365 keep the nonconformance and the stock status in different modules, so the hold is easily forgotten. Lots the context does not know are not judged.",
  "nonconformance/closure-complete":
    "Closing without a disposition leaves the affected material in limbo (on hold forever, or silently released); closing without a root cause means the corrective action has nothing to act on, " +
    "which auditors (ISO 9001 clause 10.2, IATF 16949) flag first. Applies to nonconformances in status Closed and to every `nonconformance-closed` event.",
  "order/operation-sequence":
    "MES and ERP address an operation by its sequence number: confirmations, component assignments and inspections all point at it. " +
    "A duplicate makes those references ambiguous; a sequence out of order usually means operations were merged from two routings or re-sorted as text (\"100\" before \"20\"). " +
    "Vendors write sequences differently (SAP \"0010\", Oracle and D365 \"10\"), so they are compared numerically.",
  "order/planned-dates":
    "A start after the end is always a mapping error (swapped fields, a local time read as UTC, a date read in the wrong format) and breaks scheduling, capacity planning and lead-time reporting downstream. " +
    "Timestamps compare as instants; when one side is a plain date, both compare as calendar dates.",
  "order/operation-dates":
    "Operations outside their order's window are either stale (the order was rescheduled, its operations not) or belong to another order. " +
    "The MES would dispatch work before the order may start or after it is due. The window is the order's scheduled dates when given (SAP schedules operations inside them), otherwise its planned (basic) dates.",
  "order/released-has-operations":
    "The shop floor executes operations, not orders: a released order without operations cannot be dispatched, confirmed or costed, and in SAP it cannot even be confirmed. " +
    "It usually means the routing was not exploded or the operations were filtered out by the mapping.",
  "quantity/positive":
    "The schema allows zero because a lot can be empty and nothing may have been confirmed yet. But an order to produce nothing, a component required at zero, a goods movement of nothing " +
    "or a conversion factor of zero (a division by zero in every later conversion) is a mapping error upstream; posting it creates documents that have to be reversed by hand.",
  "quantity/precision":
    "Canonical quantities keep up to 12 decimals so that nothing is lost in transit, but the receiving field is narrower: SAP quantity fields are DECIMAL(13,3), D365 rounds to the unit's decimal precision, " +
    "Oracle to the UOM's. A quantity with more digits is rounded or refused on posting, and the difference shows up later as an inventory variance. " +
    "The defaults follow SAP's 13,3; set the limits per target system in the profile (e.g. `{ maxScaleByUnit: { H87: 0 } }` for whole pieces).",
  "quantity/over-delivery":
    "Over-delivery beyond tolerance means either a double-counted confirmation (a re-sent message posted twice) or material produced without a plan, which consumes components nobody reserved. " +
    "ERPs check this on their own confirmation screens but not always on interfaces. The tolerance is `quantity.overDeliveryTolerancePercent` (default 0); " +
    "yield in another unit is converted exactly before comparing.",
  "schema/valid":
    "Every other rule reads typed, well-formed data. An input that fails the schema (a missing field, a comma in a decimal, an unknown unit, a date without offset) cannot be checked further, " +
    "so its schema issues are reported and the rules do not run. Always an error; it cannot be turned off or down.",
  "unit/active-code":
    "A unit the receiving system does not know makes the posting fail, or worse, maps to a different unit by a lookalike code (KG is a deleted Rec 20 code for keg, not kilogram). " +
    "The canonical schema already refuses codes that are not active Rec 20 codes (reported as `schema/valid` with code `unit.unknown`); " +
    "this rule adds the target system's own list (profile option `unit.allowed`), because each ERP has only the units its customizing defines.",
  "unit/compatible-dimension":
    "Yield in litres against a plan in pieces cannot be compared, summed or posted: the receiving system either refuses it or adds numbers of different dimensions. " +
    "Units convert when they share a Rec 20 dimension with fixed factors (mass, length, area, volume, time, count) or when the material's own alternative units (or the context's unit conversions) link them, " +
    "so 1 piece = 0.25 kg or 1 litre = 1.2 kg holds for the material that defines it. A material's gross and net weight must be masses.",
  "unit/conversion-exact":
    "Conversions here are exact (decimal fractions on big integers, never binary floating point) and use the material's own alternative-unit factors where it has them. " +
    "But the receiving system stores the converted value with a fixed number of decimals: 1.5 g is 0.0015 kg, which a 3-decimal field cannot hold, and 1 kg is 2.2046226218... lb, which no decimal field can. " +
    "The target then rounds, and totals drift from what the shop floor reported. Report such quantities so that they are sent in the reference unit instead.",
  "unit/alternative-unit-factor":
    "Alternative units drive every conversion for the material. A base-unit entry with a factor other than 1:1, a unit listed twice with two factors, or a factor that contradicts physics (1 g = 1 kg) " +
    "silently scales every quantity posted in that unit. SAP lists the base unit itself (1:1) among a product's units of measure, so that entry is accepted. " +
    "Where Rec 20 fixes the factor (mass to mass, volume to volume) the material's factor must be the same; " +
    "only conversions across dimensions (pieces to kilograms) are the material's own business.",
};
