/** A YAML scalar for any text: double-quoted JSON is valid YAML and keeps every character as it is. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A one-line review mark, so that an editor deletes one line per drafted record. */
export function reviewLine(mark: { quote: string; line: number; column: number; note?: string }): string {
  const note = mark.note === undefined ? '' : `, note: ${quoted(mark.note)}`;
  return `review: { quote: ${quoted(mark.quote)}, line: ${mark.line}, column: ${mark.column}${note} }`;
}

/** A front-matter file: the lines between `---`, then the body if any. */
export function frontMatterFile(lines: readonly string[], body?: string): string {
  return `---\n${lines.join('\n')}\n---\n${body === undefined ? '' : `${body}\n`}`;
}
