// The worker thread of `mfgsync map --ndjson --jobs N` (and validate): builds the step from plain data once,
// then maps the batches it is sent and posts back their text and counts. A separate build entry (dist/worker.js).
import { parentPort, workerData } from "node:worker_threads";
import type { Result, StreamStep } from "@mfgsync/canonical";
import { mapStep } from "@mfgsync/mapping";
import { safeCreateInMemoryContext, safeCreateProfile, validateStep } from "@mfgsync/validators";
import type { MappingContext } from "@mfgsync/mapping";
import type { BatchKeep, BatchMessage, WorkerTask } from "./batch.js";
import { processBatch } from "./batch.js";
import { parseJson } from "./format.js";
import { MAP_ENTITIES, loadPlugin, vendorNamed } from "./vendors.js";
import type { MapEntity } from "./vendors.js";

interface WorkerInit {
  readonly task: WorkerTask;
  readonly keep: BatchKeep;
  readonly maxLineBytes: number;
}

const init = workerData as WorkerInit;
const encoder = new TextEncoder();

async function buildStep(task: WorkerTask): Promise<StreamStep<unknown>> {
  if (task.command === "validate") {
    const profile = task.profile === undefined ? undefined : safeCreateProfile(task.profile);
    const context = safeCreateInMemoryContext(task.context ?? {});
    if ((profile !== undefined && !profile.ok) || !context.ok) throw new Error("the profile or context did not load in the worker thread");
    return validateStep(task.entity as never, { ...(profile?.ok ? { profile: profile.value } : {}), context: context.value });
  }
  for (const plugin of task.plugins) await loadPlugin(plugin);
  const vendor = vendorNamed(task.vendor);
  const mapper = (MAP_ENTITIES as readonly string[]).includes(task.entity) ? vendor?.mappers[task.entity as MapEntity] : undefined;
  // A vendor registered in-process by code (not by --plugin) does not exist in a new thread.
  if (!mapper) throw new Error(`the vendor ${JSON.stringify(task.vendor)} is not known in a worker thread (only built-in vendors and --plugin modules are); use --jobs 1`);
  const context = task.context as MappingContext | undefined;
  return task.direction === "encode" ? mapStep(mapper, { context }, "encode") : mapStep(mapper, { context });
}

const port = parentPort;
if (port) {
  const ready = buildStep(init.task).then(
    (step) => ({ ok: true as const, step }),
    (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }),
  );
  const parse: (text: string) => Result<unknown> = parseJson;
  port.on("message", (message: BatchMessage) => {
    void ready.then((built) => {
      if (!built.ok) {
        // It could not start (a plugin that does not load in a thread): the run stops with this, as a usage error.
        port.postMessage({ seq: message.seq, error: built.message, code: "PLUGIN" });
        return;
      }
      try {
        const result = processBatch(built.step, parse, init.maxLineBytes, init.keep, message);
        const out = encoder.encode(result.out as string);
        port.postMessage({ seq: message.seq, result: { ...result, out } }, [out.buffer]);
      } catch (error) {
        port.postMessage({ seq: message.seq, error: `a batch failed in a worker thread: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  });
}
