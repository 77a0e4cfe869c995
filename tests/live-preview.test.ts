import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toProblemsPage } from '../src/build/live-preview/problems-page.ts';
import { buildStartTime, removeStaleFiles, staleFilesRefusal } from '../src/build/live-preview/remove-stale-files.ts';

describe('removeStaleFiles', () => {
  it('should remove what a build did not write, and the folders left empty, but keep the kept folders', async () => {
    const output = mkdtempSync(path.join(tmpdir(), 'archive-stale-'));
    const write = (file: string) => {
      mkdirSync(path.dirname(path.join(output, file)), { recursive: true });
      writeFileSync(path.join(output, file), file);
    };
    write('cities/dalian/index.html');
    write('pagefind/fragment/en_1.pf_fragment');
    write('officials/tan-chengxu/index.html');
    // The next build starts once the file times have moved on.
    const before = statSync(path.join(output, 'officials/tan-chengxu/index.html')).ctimeMs;
    await expect.poll(() => buildStartTime() > before, { interval: 10 }).toBe(true);
    const since = buildStartTime();
    await new Promise((resolve) => setTimeout(resolve, 60));
    write('officials/tan-chengxu/index.html');

    await removeStaleFiles(output, since, ['pagefind']);

    expect(existsSync(path.join(output, 'cities'))).toBe(false);
    expect(existsSync(path.join(output, 'officials/tan-chengxu/index.html'))).toBe(true);
    expect(existsSync(path.join(output, 'pagefind/fragment/en_1.pf_fragment'))).toBe(true);
  });
});

describe('staleFilesRefusal', () => {
  const project = path.resolve('/work/project');

  it('should allow a folder of its own', () => {
    expect(staleFilesRefusal('.serve', ['content', 'layouts'], project)).toBeUndefined();
    expect(staleFilesRefusal('/tmp/out', ['/tmp/content'], project)).toBeUndefined();
  });

  it('should refuse the project, a folder around it, and folders with sources in or around them', () => {
    expect(staleFilesRefusal(project, ['content'], project)).toBe(`${project} holds the project folder`);
    expect(staleFilesRefusal('/work', ['content'], project)).toBe('/work holds the project folder');
    expect(staleFilesRefusal('/tmp/site', ['/tmp/site/content'], project)).toBe('/tmp/site overlaps /tmp/site/content');
    expect(staleFilesRefusal('/tmp/content/out', ['/tmp/content'], project)).toBe(
      '/tmp/content/out overlaps /tmp/content',
    );
  });
});

describe('toProblemsPage', () => {
  it('should show the report as text', () => {
    const page = toProblemsPage('a.md\n  3:1-3:4  error  Unknown key `<script>alert(1)</script>` & more');
    expect(page).toContain('Unknown key `&lt;script&gt;alert(1)&lt;/script&gt;` &amp; more');
    expect(page).not.toContain('<script>');
  });
});
