// Preloaded (node --require) into a benchmarked process: writes its peak
// resident set size to $MFGSYNC_BENCH_RSS_FILE when it exits.
"use strict";
const fs = require("node:fs");
const file = process.env.MFGSYNC_BENCH_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS })));
