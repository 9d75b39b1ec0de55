// The pipeline and its floor, as every `pipelineVsFloor*` key measures them:
// vendor JSON text → parse → decode → canonical schema check → JSON text,
// against JSON.parse + JSON.stringify of the same text.
import type { MappingContext } from "@mfgsync/mapping";

/** The part of a vendor mapper the pipeline uses. */
export interface WireDecoder {
  decodeWire(payload: unknown, context?: MappingContext, options?: { readonly validate?: boolean }):
    | { readonly ok: true; readonly results: readonly ({ readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly unknown[] })[] }
    | { readonly ok: false; readonly issues: readonly unknown[] };
}

/** The pipeline over `texts`; a text that does not decode stops the run, naming `label` and the first issues. */
export function pipelineOf(texts: readonly string[], mapper: WireDecoder, context: MappingContext | undefined, label: string): () => number {
  return () => {
    let bytes = 0;
    for (const text of texts) {
      const r = mapper.decodeWire(text, context, { validate: true });
      const first = r.ok ? r.results[0] : undefined;
      if (first === undefined || !first.ok) throw new Error(`${label} pipeline failed: ${JSON.stringify(first?.ok === false ? first.issues.slice(0, 3) : r.ok ? "no entity" : r.issues.slice(0, 3))}`);
      bytes += JSON.stringify(first.value).length;
    }
    return bytes;
  };
}

/** JSON.parse + JSON.stringify of the same texts: the floor a pipeline is measured against. */
export function floorOf(texts: readonly string[]): () => number {
  return () => {
    let bytes = 0;
    for (const text of texts) bytes += JSON.stringify(JSON.parse(text)).length;
    return bytes;
  };
}
