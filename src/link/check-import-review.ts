import { positionAt } from '../parse/front-matter.ts';
import { reportWarning } from '../parse/messages.ts';
import type { RecordIndex } from './registry.ts';

/** The kinds `npm run import` drafts records of, each carrying `importedFrom`. */
const DRAFTED_KINDS = ['official', 'place', 'organisation', 'event'] as const;

/**
 * Warns (`needs-review`) once for every record drafted from an article that still has its `review`
 * mark: one sign-off per import, so the editor deletes one line, not one per record, yet every
 * drafted value is listed with the release's words and their position until then. Deleting the
 * article's mark ends the review of all its drafts; `importedFrom` stays as provenance.
 */
export function checkImportReview(index: RecordIndex): void {
  for (const kind of DRAFTED_KINDS) {
    for (const record of index[kind].values()) {
      const from = record.data.importedFrom;
      const article = from && index.article.get(from.article);
      if (!from || article?.data.review === undefined) continue;
      reportWarning(
        record.file,
        `Drafted by the importer from “${from.quote}” (line ${from.line}, column ${from.column} of the release imported as article "${from.article}"): check the values against those words; the import is signed off by deleting \`review\` from articles/${article.file.basename}`,
        'needs-review',
        positionAt(record.positions, 'importedFrom'),
      );
    }
  }
}
