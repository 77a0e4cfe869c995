import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file every build writes into its site, by which a later build knows a folder as a site of the
 * archive that it may replace. A dot-file: hosts and `npm run preview` do not publish it.
 */
export const BUILD_MARKER = '.news-archive-build';

/** Writes {@link BUILD_MARKER} into a site being built. */
export async function writeBuildMarker(site: string): Promise<void> {
  const file = path.join(site, BUILD_MARKER);
  // Never written through: if a file were there, it could be a hard link into the published site.
  await rm(file, { force: true });
  await writeFile(file, `${JSON.stringify({ generator: 'news-archive', marker: 1 })}\n`);
}

/** What {@link outputRefusal} checks `output` against. */
export interface OutputGuardOptions {
  /** The output folder as given. */
  readonly output: string;
  /** The content folder as given. */
  readonly content: string;
  /** The cache folder, if the build uses one. */
  readonly cache?: string | undefined;
  /** The project folder, which holds `layouts/`, `src/`… */
  readonly project: string;
  /** Replace a non-empty folder that holds no earlier build. Default `false`. */
  readonly force?: boolean;
}

/** A folder the output must neither be, contain, nor lie inside. */
interface Protected {
  readonly label: string;
  readonly folder: string;
  /** Whether the output may lie inside it (as `_site/` lies inside the project). */
  readonly holdsOutput?: boolean;
}

/**
 * Why the build must not write to `output`, as one line with the cause and the fix; `undefined`
 * when it may. A build replaces its output folder, so that folder must not be a source, hold one,
 * or lie in one; nor a folder of other files, unless `force`. Symbolic links are resolved first.
 */
export function outputRefusal(options: OutputGuardOptions): string | undefined {
  const output = canonical(options.output);
  const given = `--output=${options.output}`;
  const fix = 'choose a folder of its own, e.g. --output=_site';
  for (const { label, folder, holdsOutput } of protectedFolders(options)) {
    const relation = relationOf(output, folder);
    if (relation === undefined || (relation === 'lies inside' && holdsOutput)) continue;
    return `${given} ${relation} ${label} (${folder}): a build replaces its output folder with the site; ${fix}`;
  }
  if (options.force === true || !existsSync(output)) return undefined;
  if (!statSync(output).isDirectory()) {
    return `${given} is a file, not a folder: ${fix}, or add --force to replace the file`;
  }
  if (existsSync(path.join(output, BUILD_MARKER)) || readdirSync(output).length === 0) return undefined;
  return `${given} is a folder with files but no earlier build of the archive (no ${BUILD_MARKER} in it), and a build would replace them: choose an empty or new folder, or add --force to replace it`;
}

function protectedFolders(options: OutputGuardOptions): Protected[] {
  const project = canonical(options.project);
  const inProject = (name: string) => ({ label: `${name}/`, folder: canonical(path.join(options.project, name)) });
  return [
    { label: 'the project', folder: project, holdsOutput: true },
    { label: 'the content folder', folder: canonical(options.content) },
    ...(options.cache === undefined ? [] : [{ label: 'the cache folder', folder: canonical(options.cache) }]),
    ...['layouts', 'src', 'tests', '.git', 'node_modules'].map(inProject),
  ];
}

/** How folder `a` stands to folder `b`, both absolute and canonical; `undefined` when apart. */
export function relationOf(a: string, b: string): 'is' | 'contains' | 'lies inside' | undefined {
  if (a === b) return 'is';
  if (isInside(b, a)) return 'contains';
  if (isInside(a, b)) return 'lies inside';
  return undefined;
}

function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * `file` made absolute with every symbolic link resolved: the real path of its nearest existing
 * ancestor, followed by the part that does not exist yet. A link cannot dodge a comparison then.
 */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync.native(existing), path.relative(existing, absolute));
}
