import { z } from 'zod';
import { type RecordKind, SCHEMAS } from './index.ts';

/**
 * The JSON Schema of a kind's front matter, generated from the zod schema that validates it, so
 * editors' YAML tooling and the published `/schemas/` files can never disagree with the build.
 */
export function frontMatterJsonSchema(kind: RecordKind): string {
  const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: `Front matter of a ${kind} record`, ...schema }, null, 2)}\n`;
}
