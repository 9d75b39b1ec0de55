import { demoCommand } from "./demo.js";
import { mapCommand } from "./map.js";
import { rulesCommand } from "./rules.js";
import { schemaCommand } from "./schema.js";
import type { Command } from "./types.js";
import { translateCommand } from "./translate.js";
import { validateCommand } from "./validate.js";

/** Every command, in the order `mfgsync --help` lists them. Register new commands here. */
export const COMMANDS: readonly Command[] = [validateCommand, rulesCommand, mapCommand, translateCommand, schemaCommand, demoCommand];
