import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Sorts names in a Node process whose locale is `lang`, both with `compareText` and with a bare `localeCompare`. */
function sortUnder(lang: string, names: readonly string[]): { compareText: string[]; bare: string[] } {
  const code = `
    import { compareText } from './src/site/collate.ts';
    const names = ${JSON.stringify(names)};
    console.log(JSON.stringify({ compareText: [...names].sort(compareText), bare: [...names].sort((a, b) => a.localeCompare(b)) }));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env: { ...process.env, LANG: lang, LC_ALL: lang },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { compareText: string[]; bare: string[] };
}

describe('text order', () => {
  it("should not follow the machine's locale", () => {
    const names = ['Yantai', 'Jinan', 'Ili', 'Kashgar'];
    const lithuanian = sortUnder('lt_LT.UTF-8', names);
    // The control: in Lithuanian y sorts as i, so a bare comparison puts Yantai first.
    expect(lithuanian.bare).toEqual(['Yantai', 'Ili', 'Jinan', 'Kashgar']);
    expect(lithuanian.compareText).toEqual(['Ili', 'Jinan', 'Kashgar', 'Yantai']);
    expect(sortUnder('C', names).compareText).toEqual(lithuanian.compareText);
  });

  it('should be the only way the site code compares texts', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const bare = files.filter((file) => /\.localeCompare\(/.test(readFileSync(path.join('src', file), 'utf8')));
    expect(bare).toEqual([]);
  });
});
