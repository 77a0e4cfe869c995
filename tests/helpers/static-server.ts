// Tests serve the built site with the same static host as `npm run preview`.
export { parseHeadersFile } from '../../src/serve/headers-file.ts';
export { serveStatic } from '../../src/serve/static-host.ts';
