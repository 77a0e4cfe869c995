/**
 * Every rule a content message can carry, with what it guards. The authoring guide's catalogue and
 * the fixture tests are both checked against this list, so a new rule cannot go undocumented.
 */
export const RULES = {
  'empty-file': 'The file has no text.',
  'not-utf8': 'The file is binary or not UTF-8.',
  'file-too-large': 'The file is over the size limit.',
  'unknown-folder': 'The file is not in one of the content folders.',
  'symlink-outside-content': 'A symbolic link points outside content/.',
  'not-a-file': 'A content path is a pipe, socket, device or unreadable file, not a text file.',
  'missing-front-matter': 'The file does not start with `---` front matter.',
  'unclosed-front-matter': 'The front matter has no closing `---` line.',
  'invalid-yaml': 'The front matter is not valid YAML.',
  'duplicate-key': 'A key appears twice in the same front matter block.',
  'unknown-key': 'A key that the schema does not know, usually a typo.',
  'missing-key': 'A required key is missing.',
  'wrong-type': 'A value has the wrong type (text, list, group of fields, number).',
  'invalid-value': 'A value is not one of the allowed words.',
  'invalid-slug':
    'A slug, reference or file name is not lower-case words joined by hyphens, or a label that names a page makes no slug.',
  'reserved-slug': 'A slug is a device name reserved on Windows (con, nul, com1, …).',
  'invalid-format': 'A value is not in the expected format (a URL, a language tag).',
  'empty-value': 'A text field is empty (or only spaces).',
  'out-of-range': 'A number or list is too small or too large.',
  'impossible-date': 'A date that is malformed or does not exist, such as 2018-02-30.',
  'inferred-without-value': 'A date says it is inferred but gives no value.',
  'end-before-start': 'An event ends before it starts.',
  'end-not-stated': 'An event has `end: not stated`, which says nothing.',
  'end-without-start': 'An event has a dated `end` but its start is not stated.',
  'relative-date-without-source': 'A date in words such as "yesterday" does not say which article it counts from.',
  'raw-html': 'Raw HTML in a Markdown body.',
  'unsafe-link': 'A link that could run code (`javascript:`, `data:`, …), or an image from another site.',
  'nesting-too-deep': 'A Markdown body is nested more deeply than the limit.',
  'markdown-too-complex':
    'A Markdown body has a shape the parser would take minutes on (emphasis marks, setext headings).',
  'malformed-link': "A link's percent-encoding (`%E0%A4`) is not valid UTF-8, or not hex.",
  'duplicate-slug':
    'Two records of the same kind have the same slug, or two labels that name pages make the same slug.',
  'duplicate-alias': 'Two records claim the same name, so a mention could not know where to link.',
  'unknown-reference': 'A reference names no record of that kind.',
  'reference-cycle': 'An event, place or organisation is (indirectly) inside itself.',
  'source-does-not-report': 'A participant is cited to an article that does not report the event.',
  'participant-without-source': 'A participant cites no article for taking part in the event.',
  'unreported-event': 'No article lists the event in `reports`, so nothing backs it.',
  'variant-without-source': 'A variant spelling cites no article that spells the name so.',
  'official-without-role': 'An official has no role from any source (a warning).',
  'unregistered-name': 'A name in an article body looks like a person or a place but matches no record (a warning).',
  'bidi-control': 'A bidirectional control character, which shows the text after it in another order.',
  'invisible-character':
    'An invisible character (zero-width space, joiner, soft hyphen, …) in a name, slug or reference.',
  'unusual-space': 'A name has a space that is not a plain space, or a leading, trailing or doubled space (a warning).',
  'confusable-name':
    'A name looks like the name of another record, or differs from it only by case, spacing or accents (a warning).',
  'confusable-mention':
    'Words in an article body look like a registered name but are written with other characters (a warning).',
  'needs-review':
    'A value drafted by `npm run import`, a record drafted from an article that still has its `review` mark, or a probable variant spelling the import proposed, that an editor has not reviewed yet (a warning).',
} as const;

/** The id of a content rule. */
export type RuleId = keyof typeof RULES;

/** True when `value` is a known rule id. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}
