import { z } from 'zod';
import type { Archive } from '../pipeline/build-archive.ts';
import { recordKey } from '../pipeline/record-key.ts';
import { KIND_FOLDERS, RECORD_KINDS, SCHEMAS } from '../schema/index.ts';
import { recordUrl } from './urls.ts';

/** A JSON file of the published site: its path under the output folder and its text. */
export interface DataFile {
  readonly path: string;
  readonly json: string;
}

/**
 * The archive as open data: one JSON file of records per kind (`/data/officials.json`), and the
 * JSON Schema of each kind's front matter (`/schemas/official.schema.json`), generated from the
 * same zod schemas that validate the content.
 */
export function toOpenData(archive: Archive): DataFile[] {
  const files: DataFile[] = [];
  for (const kind of RECORD_KINDS) {
    const records = [...(archive.records[kind] as ReadonlyMap<string, { slug: string; data: unknown }>).values()];
    const items = records.map((record) => {
      const body = archive.bodies.get(recordKey({ kind, slug: record.slug }));
      return {
        id: record.slug,
        kind,
        url: recordUrl(archive.records, { kind, slug: record.slug }),
        ...(record.data as object),
        ...(body && body.html !== '' ? { html: body.html } : {}),
      };
    });
    files.push({ path: `/data/${KIND_FOLDERS[kind]}.json`, json: JSON.stringify(items, null, 2) });
    const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
    files.push({
      path: `/schemas/${kind}.schema.json`,
      json: JSON.stringify({ title: `Front matter of a ${kind} record`, ...schema }, null, 2),
    });
  }
  return files;
}
