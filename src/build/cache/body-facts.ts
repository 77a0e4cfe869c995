import type { RenderedBody } from '../../render/render-body.ts';
import { recordKey } from '../../schema/record-key.ts';
import { textDigest } from './hash.ts';

/**
 * What a build's plan reads of a rendered body: a digest of its HTML, its length in UTF-16 code
 * units (as `html.length` counts them), and whom it mentions, in order, as record keys one a line.
 */
export interface BodyFacts {
  readonly digest: string;
  readonly length: number;
  readonly mentioned: string;
}

// A body read from the cache comes with the facts recorded when it was rendered, so that planning
// never hashes its HTML again (see cache-entries.ts); a body rendered in this build has none here.
const recorded = new WeakMap<RenderedBody, BodyFacts>();

/** The facts of `body`: those recorded with it, or taken from its HTML. */
export function factsOf(body: RenderedBody): BodyFacts {
  return (
    recorded.get(body) ?? {
      digest: textDigest(body.html),
      length: body.html.length,
      mentioned: body.mentioned.map(recordKey).join('\n'),
    }
  );
}

/** `body`, with the facts its HTML was found to have when it was rendered. */
export function withFacts(body: RenderedBody, facts: BodyFacts): RenderedBody {
  recorded.set(body, facts);
  return body;
}
