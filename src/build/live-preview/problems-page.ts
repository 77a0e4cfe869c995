import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeXml } from '../../render/svg-escape.ts';

/** The page the live preview shows at every URL while the content has never been valid. */
export function toProblemsPage(report: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Content problems</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
pre { background: #fff4f4; border-left: 0.3rem solid #b00020; overflow-x: auto; padding: 1rem; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>The archive cannot be built yet</h1>
<p>Fix these problems in the content and save: this page is replaced by the site as soon as it builds.</p>
<pre>${escapeXml(report)}</pre>
</body>
</html>
`;
}

/** A middleware of Eleventy's dev server, in the Connect style it calls. */
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * Answers every request with the problems page, status 500, while `problems()` gives a report,
 * like a dev server's error overlay; otherwise lets the dev server serve the site. The dev server
 * adds its reload script to the page, so the browser shows the site once a save fixes the content.
 */
export function problemsMiddleware(problems: () => string | undefined): Middleware {
  return (_request, response, next) => {
    const report = problems();
    if (report === undefined) return next();
    response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(toProblemsPage(report));
  };
}
