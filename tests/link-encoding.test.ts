import { describe, expect, it } from 'vitest';
import { findMalformedEncoding } from '../src/parse/link-encoding.ts';

describe('percent-encoding in links', () => {
  it.each([
    ['a character cut off', '/%E0%A4%A8%E0%A4', { sequence: '%E0%A4', problem: 'not-utf8' }],
    ['a byte that never starts a character', '/assets/%FFmap.png', { sequence: '%FF', problem: 'not-utf8' }],
    ['a lone continuation byte', '/a%A4b', { sequence: '%A4', problem: 'not-utf8' }],
    ['a lead byte before plain text', 'https://example.gov/%E2x', { sequence: '%E2', problem: 'not-utf8' }],
    ['letters that are not hex', '/minutes-100%zz/', { sequence: '%zz', problem: 'not-hex' }],
  ])('should find %s', (_, url, expected) => {
    expect(findMalformedEncoding(url)).toEqual(expected);
  });

  it.each([
    ['whole characters', '/%E0%A4%A8%E0%A4%A8/'],
    ['an encoded percent sign', '/100%25'],
    ['a percent sign the renderer encodes', '/50% off'],
    ['a percent sign at the end', '/100%'],
    ['lower-case hex', '/caf%c3%a9'],
    ['characters written as themselves', '/नन/'],
  ])('should accept %s', (_, url) => {
    expect(findMalformedEncoding(url)).toBeUndefined();
  });
});
