import type { VFile } from 'vfile';
import { type PositionIndex, positionAt } from './front-matter.ts';
import { reportWarning } from './messages.ts';

interface Mark {
  readonly quote: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Warns (`needs-review`) once for every value the importer drafted and the editor has not yet
 * reviewed: each `review` mark, and each proposal still `pending`. The message quotes the source's
 * words and says where they are, so the editor can check the value without opening the release.
 */
export function checkReview(file: VFile, data: object, positions: PositionIndex): void {
  const record = data as {
    review?: Mark | readonly Mark[];
    proposals?: readonly (Mark & { spelling: string; variantOf: string; decision: string })[];
  };
  const marks =
    record.review === undefined ? [] : Array.isArray(record.review) ? record.review : [record.review as Mark];
  marks.forEach((mark, index) => {
    const path = Array.isArray(record.review) ? `review.${index}` : 'review';
    reportWarning(
      file,
      `Drafted by the importer from “${mark.quote}” (line ${mark.line}, column ${mark.column} of the release): check the values against those words, then delete \`review\``,
      'needs-review',
      positionAt(positions, path) ?? positionAt(positions, 'review'),
    );
  });
  (record.proposals ?? []).forEach((proposal, index) => {
    if (proposal.decision !== 'pending') return;
    reportWarning(
      file,
      `“${proposal.spelling}” is probably another spelling of official \`${proposal.variantOf}\` (“${proposal.quote}”, line ${proposal.line}): set \`decision: accepted\` to link it there, or \`decision: rejected\` if it names someone else`,
      'needs-review',
      positionAt(positions, `proposals.${index}.decision`) ?? positionAt(positions, `proposals.${index}`),
    );
  });
}
