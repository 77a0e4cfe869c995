import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, type SourceFile } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { FIXTURES } from './helpers/fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const shipped = await readContent(path.join(root, 'content'), root);
const prosePath = path.join(FIXTURES, 'names', 'ordinary-prose.md');
const prose: SourceFile = {
  path: 'tests/fixtures/names/ordinary-prose.md',
  kind: 'article',
  bytes: new Uint8Array(await readFile(prosePath)),
};

const messages = (sources: readonly SourceFile[]) =>
  buildArchive(sources).files.flatMap((file) => file.messages.map(String));

describe('unregistered names', () => {
  it('should give no message at all on the shipped content', () => {
    expect(messages(shipped)).toEqual([]);
  });

  it('should keep the tricky capitals in the ordinary-prose fixture', async () => {
    const text = await readFile(prosePath, 'utf8');
    const tricky = ['Party Central Committee', 'Firstly', 'Secondly', 'Comrade', 'General Secretary', 'Hong Kong'];
    tricky.push('the Belt and the Road', 'Long March', 'He Said', 'June 20', 'Vice Mayor', 'Shanghai Stock Exchange');
    tricky.push('CPC', 'NDRC', 'Zhou Enlai', 'Zhao Leji', 'Sun Li');
    expect(tricky.filter((words) => !text.includes(words))).toEqual([]);
  });

  it('should flag nothing in ordinary prose whose names are all registered', () => {
    expect(messages([...shipped, prose])).toEqual([]);
  });

  it('should flag exactly the names in that prose once nothing is registered', () => {
    // The control for the test above: the names are found, and only the names.
    expect(
      buildArchive([prose]).files[0]?.messages.map((message) => message.reason.replace(/ looks like .*/, '')),
    ).toEqual([
      '"Tang Yijun"',
      '"Li Qiang"',
      '"Xi Jinping"',
      '"Xi Jinping"',
      '"Tan Chengxu"',
      '"Huludao city"',
      '"Liaoning Province"',
      '"Shanghai Municipality"',
      '"Jinzhou city"',
      '"Ying Yong"',
      '"Zhuge Yujie"',
      '"Peng Chenlei"',
      '"Tan Zuoxiu"',
      '"Tan Zuojun"',
      '"Wang Jian"',
      '"Wang Dejia"',
      '"Songjiang District"',
      '"Shen Fu"',
    ]);
  });
});
