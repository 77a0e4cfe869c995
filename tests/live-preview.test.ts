import { describe, expect, it } from 'vitest';
import { toProblemsPage } from '../src/serve/problems-page.ts';

describe('toProblemsPage', () => {
  it('should show the report as text', () => {
    const page = toProblemsPage('a.md\n  3:1-3:4  error  Unknown key `<script>alert(1)</script>` & more');
    expect(page).toContain('Unknown key `&lt;script&gt;alert(1)&lt;/script&gt;` &amp; more');
    expect(page).not.toContain('<script>');
  });
});
