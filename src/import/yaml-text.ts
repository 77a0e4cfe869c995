/** A YAML scalar for any text: double-quoted JSON is valid YAML and keeps every character as it is. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A one-line review mark: the editor deletes it once the values are checked. */
export function reviewLine(mark: { quote: string; line: number; column: number; note?: string }): string {
  const note = mark.note === undefined ? '' : `, note: ${quoted(mark.note)}`;
  return `review: { quote: ${quoted(mark.quote)}, line: ${mark.line}, column: ${mark.column}${note} }`;
}

/**
 * A drafted record's permanent provenance: the article it was imported with, and the words and their
 * position in the release. The article's one `review` mark covers the record until it is deleted.
 */
export function importedFromLine(mark: { article: string; quote: string; line: number; column: number }): string {
  return `importedFrom: { article: ${mark.article}, quote: ${quoted(mark.quote)}, line: ${mark.line}, column: ${mark.column} }`;
}

/** A front-matter file: the lines between `---`, then the body if any. */
export function frontMatterFile(lines: readonly string[], body?: string): string {
  return `---\n${lines.join('\n')}\n---\n${body === undefined ? '' : `${body}\n`}`;
}
