import path from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

// Folders are the pipeline: a folder may import the folders before it, never one that imports it back.
// madge reads TypeScript through typescript-estree, which needs TypeScript 5's compiler API; the
// project's TypeScript 7 has none, so package.json's `overrides` give madge's parsers TypeScript 5.9.
const SRC = path.resolve(import.meta.dirname, '../src');

/**
 * Imports left out of the folder graph, each with why it is still there. Only exact module edges
 * are listed, so a second import between the same folders still fails.
 */
const ALLOWED_EDGES: ReadonlySet<string> = new Set<string>([]);

/** Cycles between modules of one folder that are known, as the modules along each: none. */
const KNOWN_MODULE_CYCLES: readonly (readonly string[])[] = [];

/** A module's folder under src/: its first path segment. */
function folderOf(module: string): string {
  return module.includes('/') ? (module.split('/')[0] as string) : '.';
}

/** Folder → folder → the module imports that make that edge. */
type FolderGraph = Map<string, Map<string, string[]>>;

function folderGraph(modules: Record<string, string[]>): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const [from, imports] of Object.entries(modules)) {
    for (const to of imports) {
      const edge = `${from} -> ${to}`;
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a === b || ALLOWED_EDGES.has(edge)) continue;
      const targets = graph.get(a) ?? new Map<string, string[]>();
      graph.set(a, targets);
      targets.set(b, [...(targets.get(b) ?? []), edge]);
    }
  }
  return graph;
}

/** The shortest way from `from` back to `to` through the graph, as the folders along it. */
function shortestPath(graph: FolderGraph, from: string, to: string): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  for (const at of queue) {
    for (const next of graph.get(at)?.keys() ?? []) {
      if (next === to) {
        const path = [at];
        while (path[0] !== from) path.unshift(cameFrom.get(path[0] as string) as string);
        return path;
      }
      if (!cameFrom.has(next) && next !== from) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * One cycle for each folder that lies on one, as the folders along it starting from that folder;
 * cycles through the same folders are reported once.
 */
function folderCycles(graph: FolderGraph): string[][] {
  const cycles = new Map<string, string[]>();
  for (const folder of [...graph.keys()].sort()) {
    const cycle = shortestPath(graph, folder, folder);
    const key = cycle && [...cycle].sort().join(' ');
    if (cycle && key !== undefined && !cycles.has(key)) cycles.set(key, cycle);
  }
  return [...cycles.values()];
}

/** A cycle as a reader fixes it: each hop with the imports that make it. */
function describeCycle(graph: FolderGraph, cycle: readonly string[]): string {
  const hops = cycle.map((from, at) => {
    const to = cycle[(at + 1) % cycle.length] as string;
    const imports = graph.get(from)?.get(to) ?? [];
    return `  ${from} -> ${to}\n${imports.map((edge) => `      ${edge}`).join('\n')}`;
  });
  return `${cycle.join(' -> ')} -> ${cycle[0]}\n${hops.join('\n')}`;
}

let modules: Record<string, string[]>;
let moduleCycles: string[][];

beforeAll(async () => {
  const result = await madge(SRC, { fileExtensions: ['ts'] });
  modules = result.obj();
  moduleCycles = result.circular();
}, 120_000);

describe('architecture', () => {
  it('should read the import graph of every module under src/', () => {
    expect(modules['pipeline/build-archive.ts']).toContain('link/registry.ts');
    expect(modules['build/build-archive-cached.ts']).toContain('pipeline/build-archive.ts');
    expect(Object.keys(modules).length).toBeGreaterThan(150);
  });

  it('should find a cycle between folders when there is one', () => {
    const graph = folderGraph({ 'a/one.ts': ['b/two.ts'], 'b/two.ts': ['c/three.ts'], 'c/three.ts': ['a/one.ts'] });
    expect(folderCycles(graph).map((cycle) => describeCycle(graph, cycle))).toEqual([
      'a -> b -> c -> a\n  a -> b\n      a/one.ts -> b/two.ts\n  b -> c\n      b/two.ts -> c/three.ts\n  c -> a\n      c/three.ts -> a/one.ts',
    ]);
  });

  it('should have no import cycle between folders of src/', () => {
    const graph = folderGraph(modules);
    const cycles = folderCycles(graph).map((cycle) => describeCycle(graph, cycle));
    expect(cycles, `import cycles between folders:\n${cycles.join('\n')}`).toEqual([]);
  });

  it("should keep the site's definition free of the build's machinery", () => {
    const fromSite = Object.entries(modules).filter(([module]) => folderOf(module) === 'site');
    const intoBuild = fromSite.flatMap(([from, imports]) =>
      imports.filter((to) => folderOf(to) === 'build').map((to) => `${from} -> ${to}`),
    );
    expect(fromSite.length).toBeGreaterThan(10);
    expect(intoBuild).toEqual([]);
  });

  it('should still need every allowed import', () => {
    const edges = new Set(
      Object.entries(modules).flatMap(([from, imports]) => imports.map((to) => `${from} -> ${to}`)),
    );
    expect([...ALLOWED_EDGES].filter((edge) => !edges.has(edge))).toEqual([]);
  });

  it('should have no import cycle between modules besides the known ones', () => {
    expect(moduleCycles).toEqual(KNOWN_MODULE_CYCLES);
  });
});
