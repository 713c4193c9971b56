#!/usr/bin/env node
// The published entry point runs the compiled CLI (npm run build writes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  console.error('Difusi is not built yet: run `npm run build` (npm start does it for you).');
  process.exit(1);
}
const { main } = await import(compiled.href);
await main(process.argv);
