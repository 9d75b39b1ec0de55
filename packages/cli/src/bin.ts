#!/usr/bin/env node
// dist/bin.js: the same command as dist/bin.cjs (the package's bin), for scripts that run this path.
import { createRequire } from "node:module";

createRequire(import.meta.url)("./bin.cjs");
