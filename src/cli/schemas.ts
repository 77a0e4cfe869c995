#!/usr/bin/env node
// `npm run schemas`: writes schemas/<kind>.schema.json, the JSON Schemas that editors' YAML tooling
// reads (scaffolded files name them in a `# yaml-language-server: $schema=…` line).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RECORD_KINDS } from '../schema/index.ts';
import { frontMatterJsonSchema } from '../schema/json-schema.ts';

const SCHEMAS_DIR = 'schemas';

await mkdir(SCHEMAS_DIR, { recursive: true });
for (const kind of RECORD_KINDS) {
  await writeFile(path.join(SCHEMAS_DIR, `${kind}.schema.json`), frontMatterJsonSchema(kind));
}
process.stdout.write(`Wrote ${RECORD_KINDS.length} schemas to ${SCHEMAS_DIR}/\n`);
