// A fresh process: import the built canonical and SAP packages and map one
// order payload with the canonical schema check, as `mfgsync map` does.
// Prints timings (milliseconds since the process started) as JSON.
import { readFileSync } from "node:fs";

const [payloadFile, contextFile] = process.argv.slice(2);
const payload = readFileSync(payloadFile, "utf8");
const context = JSON.parse(readFileSync(contextFile, "utf8"));
const importStart = performance.now();
await import("@mfgsync/canonical");
const { productionOrderMapper } = await import("@mfgsync/mappers-sap");
const mapStart = performance.now();
const result = productionOrderMapper.decodeWire(payload, context, { validate: true });
const ok = result.ok && result.results.length === 1 && result.results[0].ok;
const mappedAtMs = performance.now();
process.stdout.write(JSON.stringify({ ok, mappedAtMs, importMs: mapStart - importStart, mapMs: mappedAtMs - mapStart }));
