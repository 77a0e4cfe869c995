import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../src/build/cache/body-facts.ts';
import { decodeRendered, encodeRendered } from '../src/build/workers/cache-entries.ts';
import type { RenderedBody } from '../src/render/render-body.ts';

const body: RenderedBody = {
  html: '<p>Kim Dong-hyun met <a class="mention" href="/officials/tan-zuoxiu/">Tan Zuoxiu</a> in Málaga 会见.</p>',
  mentions: [
    {
      target: { kind: 'official', slug: 'tan-zuoxiu' },
      text: 'Tan Zuoxiu',
      start: { line: 3, column: 21, offset: 58 },
      by: 'name',
    },
  ],
};

describe('a rendered body in the cache', () => {
  it('should read back as the body rendered, as a value and as JSON', () => {
    const read = decodeRendered(encodeRendered(body));
    expect(read?.html).toBe(body.html);
    expect(read?.mentions).toEqual(body.mentions);
    expect(JSON.stringify(read)).toBe(JSON.stringify(body));
    expect({ ...read }).toEqual(body);
  });

  it('should come with the digest and length of its HTML, which the plan reads instead of the HTML', () => {
    const read = decodeRendered(encodeRendered(body));
    if (read === undefined) throw new Error('not read back');
    expect(factsOf(read)).toEqual(factsOf(body));
    expect(factsOf(read).length).toBe(body.html.length);
    // The facts are those recorded in the entry, not taken from the HTML again.
    const recorded = decodeRendered(serialize({ ...body, digest: 'recorded', length: body.html.length }));
    expect(recorded && factsOf(recorded).digest).toBe('recorded');
  });

  it('should be a miss, not an error, when its bytes are damaged or another kind of entry', () => {
    const bytes = Buffer.from(encodeRendered(body));
    expect(decodeRendered(bytes.subarray(0, 10))).toBeUndefined();
    expect(decodeRendered(Buffer.from([255, 255, 255, 127, 1, 2]))).toBeUndefined();
    // An entry of the format before, without the facts.
    expect(decodeRendered(serialize(body))).toBeUndefined();
  });
});
