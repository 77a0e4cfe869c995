import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../src/build/cache/body-facts.ts';
import { recordFactsOf, takeRecordFacts } from '../src/build/cache/record-facts.ts';
import {
  decodeParseEntry,
  decodeRendered,
  encodeParseEntry,
  encodeRendered,
  type ParseEntry,
} from '../src/build/workers/cache-entries.ts';
import type { RenderedBody } from '../src/render/render-body.ts';

const tan = { kind: 'official', slug: 'tan-zuoxiu' } as const;
const malaga = { kind: 'place', slug: 'malaga' } as const;
const body: RenderedBody = {
  html: '<p>Kim Dong-hyun met <a class="mention" href="/officials/tan-zuoxiu/">Tan Zuoxiu</a> in <a class="mention" href="/places/malaga/">Málaga</a> 会见; Tan Zuojun left.</p>',
  mentions: [
    { target: tan, text: 'Tan Zuoxiu', start: { line: 3, column: 21, offset: 58 }, by: 'name' },
    { target: malaga, text: 'Málaga', start: { line: 3, column: 35 }, by: 'link' },
    { target: tan, text: 'Tan Zuojun', start: { line: 4, column: 1, offset: 81 }, by: 'name' },
  ],
  mentioned: [tan, malaga, tan],
};

describe('a rendered body in the cache', () => {
  it('should read back as the body rendered, as a value and as JSON', () => {
    const read = decodeRendered(encodeRendered(body));
    expect(read?.html).toBe(body.html);
    expect(read?.mentions).toEqual(body.mentions);
    expect(JSON.stringify(read)).toBe(JSON.stringify(body));
    expect({ ...read }).toEqual(body);
  });

  it('should name each record mentioned with one object, across the bodies of a build', () => {
    const targets = new Map();
    const first = decodeRendered(encodeRendered(body), targets);
    const second = decodeRendered(
      encodeRendered({ ...body, mentions: body.mentions.slice(1, 2), mentioned: [malaga] }),
      targets,
    );
    expect(first?.mentioned).toEqual([tan, malaga, tan]);
    expect(first?.mentioned[0]).toBe(first?.mentioned[2]);
    expect(second?.mentioned[0]).toBe(first?.mentioned[1]);
    // The mentions, made when first read, point at the same objects.
    expect(first?.mentions.map((mention) => mention.target)).toEqual(first?.mentioned);
    expect(first?.mentions[1]?.target).toBe(second?.mentioned[0]);
    expect(second?.mentions).toEqual(body.mentions.slice(1, 2));
  });

  it('should come with the digest and length of its HTML, which the plan reads instead of the HTML', () => {
    const read = decodeRendered(encodeRendered(body));
    if (read === undefined) throw new Error('not read back');
    expect(factsOf(read)).toEqual(factsOf(body));
    expect(factsOf(read).length).toBe(body.html.length);
    // The facts are those recorded in the entry, not taken from the HTML again.
    const entry = deserialize(encodeRendered(body)) as object;
    const recorded = decodeRendered(serialize({ ...entry, digest: 'recorded' }));
    expect(recorded && factsOf(recorded).digest).toBe('recorded');
  });

  it('should be a miss, not an error, when its bytes are damaged or another kind of entry', () => {
    const bytes = Buffer.from(encodeRendered(body));
    expect(decodeRendered(bytes.subarray(0, 10))).toBeUndefined();
    expect(decodeRendered(Buffer.from([255, 255, 255, 127, 1, 2]))).toBeUndefined();
    // An entry of the format before, without the facts.
    expect(decodeRendered(serialize(body))).toBeUndefined();
    // An entry of the format before, with its mentions as objects.
    expect(decodeRendered(serialize({ ...body, ...factsOf(body) }))).toBeUndefined();
    // A record mentioned of no kind that can be mentioned.
    const entry = { html: '', mentions: '[["Hu",1,1,0,"name"]]', digest: 'd', length: 0 };
    expect(decodeRendered(serialize({ ...entry, mentioned: 'article:a-visit' }))).toBeUndefined();
    expect(decodeRendered(serialize({ ...entry, mentioned: 'hu-lin' }))).toBeUndefined();
    expect(decodeRendered(serialize({ ...entry, mentioned: 'official:hu-lin' }))?.mentions).toHaveLength(1);
  });
});

const parse = {
  record: {
    kind: 'article',
    slug: 'tan-zuoxiu-meets-a-delegation',
    data: { title: 'Tan Zuoxiu meets a delegation', summary: 'A visit.', published: '2019-06-09', reports: ['visit'] },
    positions: { paths: 'title', points: new Int32Array([1, 1, 0, 1, 30, 29]) },
  },
  empty: false,
} as unknown as ParseEntry;

describe('a parsed record in the cache', () => {
  it('should read back as the record parsed, with the facts of its front matter taken when it was parsed', () => {
    const read = decodeParseEntry(encodeParseEntry(parse));
    expect(read).toEqual(parse);
    if (read === undefined) throw new Error('not read back');
    expect(recordFactsOf(read.record)).toEqual(takeRecordFacts(parse.record));
    // The facts are those recorded in the entry, not taken from the front matter again.
    const facts = { front: 'recorded', skeleton: 'recorded', name: 'recorded' };
    const recorded = decodeParseEntry(serialize({ ...parse, facts }));
    expect(recorded && recordFactsOf(recorded.record)).toEqual(facts);
  });

  it('should be a miss, not an error, when its facts are missing or damaged', () => {
    expect(decodeParseEntry(serialize(parse))).toBeUndefined();
    expect(decodeParseEntry(serialize({ ...parse, facts: { front: 'f', skeleton: 1, name: 'n' } }))).toBeUndefined();
    // Facts of the format before, without the front matter's digest.
    expect(decodeParseEntry(serialize({ ...parse, facts: { skeleton: 's', name: 'n' } }))).toBeUndefined();
  });
});
