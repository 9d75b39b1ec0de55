import * as fc from "fast-check";

// Property tests explore new inputs on every local run. In CI (CI=true) they
// use one fixed seed so that a submission's result is reproducible; set
// FC_SEED to replay a failure reported by a local run.
const seed = process.env["FC_SEED"] ?? (process.env["CI"] ? "20261123" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
