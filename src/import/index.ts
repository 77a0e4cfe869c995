export type { ImportInput } from './analyse-release.ts';
export { analyseRelease } from './analyse-release.ts';
export type { ImportDate, ImportMention, ImportReport } from './report.ts';
