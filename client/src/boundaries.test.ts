import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The client's module boundaries, read from the source's imports:
 * - feature folders may use one another, but never in a cycle;
 * - components, lib and hooks sit below every feature and never import one;
 * - a feature with an index.ts is entered from outside only through it;
 * - query keys come from a feature's key factory, never an inline array.
 */

const SRC = dirname(fileURLToPath(import.meta.url));

interface Source {
  /** Path under src/, with forward slashes. */
  path: string;
  text: string;
  /** Relative imports resolved to paths under src/ (outside src/ is left out). */
  imports: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function read(file: string): Source {
  const text = readFileSync(file, 'utf8');
  const imports = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(SRC, resolve(dirname(file), name))
        .split(sep)
        .join('/'),
    )
    .filter((path) => !path.startsWith('..'));
  return { path: relative(SRC, file).split(sep).join('/'), text, imports };
}

const sources = sourceFiles(SRC).map(read);
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** `features/<name>` → the feature's name; anything else → undefined. */
function featureOf(path: string): string | undefined {
  const match = /^features\/([^/]+)\//.exec(path);
  return match?.[1];
}

type Graph = Map<string, Map<string, string>>;

/** Which feature imports which, each arrow with one import that draws it. */
function featureGraph(files: Source[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const from = featureOf(file.path);
    if (!from) continue;
    for (const target of file.imports) {
      const to = featureOf(`${target}/`);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file.path} imports ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** One cycle of the graph as its path (first node repeated at the end), or null. */
function findCycle(graph: Graph): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = path.indexOf(node);
    if (at !== -1) return [...path.slice(at), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function describeCycle(graph: Graph, cycle: string[]): string {
  return cycle
    .slice(1)
    .map((to, i) => {
      const from = cycle[i] ?? '';
      return `${from} → ${to} (${graph.get(from)?.get(to) ?? '?'})`;
    })
    .join('\n');
}

describe('findCycle', () => {
  const graph = (edges: [string, string][]): Graph => {
    const g: Graph = new Map();
    for (const [from, to] of edges) {
      g.set(from, (g.get(from) ?? new Map<string, string>()).set(to, 'x'));
    }
    return g;
  };

  it('finds a loop however long it is', () => {
    expect(findCycle(graph([['a', 'b']]))).toBeNull();
    expect(
      findCycle(
        graph([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'a']);
    expect(
      findCycle(
        graph([
          ['a', 'b'],
          ['a', 'c'],
          ['c', 'd'],
          ['d', 'b'],
          ['b', 'e'],
          ['e', 'c'],
        ]),
      ),
    ).toEqual(['b', 'e', 'c', 'd', 'b']);
  });

  it('lets several features share a dependency without calling it a loop', () => {
    expect(
      findCycle(
        graph([
          ['page', 'tasks'],
          ['page', 'billing'],
          ['tasks', 'timeline'],
          ['billing', 'timeline'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('module boundaries', () => {
  it('finds the source it checks', () => {
    expect(sources.map((s) => s.path)).toContain('App.tsx');
    expect(featureGraph(sources).size).toBeGreaterThan(3);
  });

  it('has no loop between feature folders', () => {
    const graph = featureGraph(sources);
    const cycle = findCycle(graph);
    expect(cycle && describeCycle(graph, cycle)).toBeNull();
  });

  it('keeps components, lib and hooks below the features', () => {
    const upward = sources
      .filter((s) => /^(components|lib|hooks)\//.test(s.path))
      .flatMap((s) =>
        s.imports
          .filter((target) => target.startsWith('features/') || /^(App|main)$/.test(target))
          .map((target) => `${s.path} imports ${target}`),
      );
    expect(upward).toEqual([]);
  });

  it('enters a feature that has an index.ts only through it', () => {
    const entries = new Set(
      sources
        .map((s) => /^features\/([^/]+)\/index\.ts$/.exec(s.path)?.[1])
        .filter((f): f is string => f !== undefined),
    );
    expect(entries).toContain('due-alerts');
    const bypasses = sources
      .filter((s) => !isTest(s.path))
      .flatMap((s) =>
        s.imports
          .filter((target) => {
            const feature = featureOf(target);
            if (feature === undefined || !entries.has(feature)) return false;
            return featureOf(s.path) !== feature && target !== `features/${feature}/index`;
          })
          .map((target) => `${s.path} imports ${target}`),
      );
    expect(bypasses).toEqual([]);
  });

  it('builds every query key with a key factory', () => {
    const inline = sources
      .filter((s) => !isTest(s.path) && /queryKey:\s*\[/.test(s.text))
      .map((s) => s.path);
    expect(inline).toEqual([]);
  });
});
