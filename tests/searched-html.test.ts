import { describe, expect, it } from 'vitest';
import { searchedHtml } from '../src/build/search/searched-html.ts';

describe('the HTML Pagefind reads of a page', () => {
  it.each([
    ['an ignored element, whole', '<p>a</p><footer data-pagefind-ignore><p>b</p></footer><p>c</p>', '<p>a</p><p>c</p>'],
    [
      'nested elements of the same name',
      '<section data-pagefind-ignore><section>b</section><section>c</section></section>d',
      'd',
    ],
    ['an attribute among others', '<ul class="x" data-pagefind-ignore="all" id="y"><li>b</li></ul>d', 'd'],
    ['an element closing itself', 'a<span data-pagefind-ignore/>b', 'ab'],
    ['a tag in another case', 'a<SECTION data-pagefind-ignore>b</section>c', 'ac'],
  ])('should leave out %s', (_, html, searched) => {
    expect(searchedHtml(html)).toBe(searched);
  });

  it.each([
    ['a filter', '<footer data-pagefind-ignore><span data-pagefind-filter="type">Official</span></footer>'],
    ['metadata', '<footer data-pagefind-ignore><dd data-pagefind-meta="date:2019">2019</dd></footer>'],
    ['a sort key', '<footer data-pagefind-ignore><span data-pagefind-sort="date">2019</span></footer>'],
    ['a heading Pagefind may take as the title', '<footer data-pagefind-ignore><h1>Title</h1></footer>'],
    ['an image Pagefind may take for the result', '<footer data-pagefind-ignore><img src="/a.png" alt=""></footer>'],
  ])('should keep an ignored element that holds %s, which Pagefind still reads', (_, html) => {
    expect(searchedHtml(`a${html}b`)).toBe(`a${html}b`);
  });

  it('should keep the whole page when an ignored element is never closed', () => {
    const html = '<main><section data-pagefind-ignore><p>a</p></main>';
    expect(searchedHtml(html)).toBe(html);
  });

  it('should not take the words of a text for an attribute', () => {
    const html = '<p>data-pagefind-ignore &lt;section data-pagefind-ignore&gt;</p>';
    expect(searchedHtml(html)).toBe(html);
  });
});
