// Eleventy loads `.eleventy.ts` with Node's own `import()`, which Vitest's transform does not
// reach; tsx's loader lets Node read the TypeScript config, as `npm run build` does.
import { register } from 'tsx/esm/api';

register();
