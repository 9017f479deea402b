import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The stylesheets' rules: literal colours and sizes only in styles/tokens.css; every stylesheet
 * loaded by the code it styles; a feature's stylesheet used by that feature alone; the shared
 * ones (styles/, components/) inside their cascade layer so a feature's rules stay on top.
 */

const SRC = dirname(fileURLToPath(import.meta.url));
const TOKENS = 'styles/tokens.css';

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return files(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const underSrc = (file: string) => relative(SRC, file).split(sep).join('/');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

const stylesheets = files(SRC, /\.css$/).map((file) => ({
  path: underSrc(file),
  css: withoutComments(readFileSync(file, 'utf8')),
}));

/** Each stylesheet with the modules (or stylesheets) that import it. */
const importers = new Map<string, string[]>();
for (const file of files(SRC, /\.(tsx?|css)$/)) {
  const text = readFileSync(file, 'utf8');
  for (const [, target = ''] of text.matchAll(/(?:import|@import)\s+'(\.[^']+\.css)'/g)) {
    const path = underSrc(resolve(dirname(file), target));
    importers.set(path, [...(importers.get(path) ?? []), underSrc(file)]);
  }
}

const NAMED_COLOURS =
  /\b(white|black|red|green|blue|gray|grey|orange|yellow|purple|pink|silver)\b/i;

/** What in a stylesheet's declarations belongs in the tokens instead. */
function literals(css: string): string[] {
  const found: string[] = [];
  for (const [, property = '', value = ''] of css.matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)) {
    const declaration = `${property}: ${value.trim()}`;
    if (property.startsWith('--')) found.push(`${declaration} (a token)`);
    else if (/\d+(\.\d+)?px\b/.test(value)) found.push(`${declaration} (pixels)`);
    else if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i.test(value)) {
      found.push(`${declaration} (a colour)`);
    } else if (NAMED_COLOURS.test(value)) found.push(`${declaration} (a colour)`);
  }
  return found;
}

/** Whether the whole stylesheet is one `@layer <layer> { … }` block. */
function wrappedIn(css: string, layer: string): boolean {
  const start = /^\s*@layer ([\w-]+) \{/.exec(css);
  if (start?.[1] !== layer) return false;
  let depth = 0;
  for (let i = start[0].length - 1; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(i + 1).trim() === '';
  }
  return false;
}

describe('literals', () => {
  it('finds pixels, colours and tokens, and lets token references and units of layout pass', () => {
    expect(
      literals(`.a { margin: 0 12px; color: #fff; background: rgb(0 0 0 / 50%);
        border-color: white; --gap: 1rem; padding: var(--space-1); inline-size: 50%;
        white-space: nowrap; grid-column: 1 / -1; transform: rotate(360deg); }`),
    ).toEqual([
      'margin: 0 12px (pixels)',
      'color: #fff (a colour)',
      'background: rgb(0 0 0 / 50%) (a colour)',
      'border-color: white (a colour)',
      '--gap: 1rem (a token)',
    ]);
  });
});

describe('wrappedIn', () => {
  it('accepts one layer block around everything, nothing else', () => {
    expect(wrappedIn('@layer base { a { color: x; } @media (x) { b { c: d; } } }', 'base')).toBe(
      true,
    );
    expect(wrappedIn('@layer base { a { color: x; } } b { c: d; }', 'base')).toBe(false);
    expect(wrappedIn('@layer components { a { color: x; } }', 'base')).toBe(false);
    expect(wrappedIn('a { color: x; }', 'base')).toBe(false);
  });
});

describe('stylesheets', () => {
  it('finds the stylesheets it checks', () => {
    expect(stylesheets.map((s) => s.path)).toEqual(expect.arrayContaining([TOKENS, 'index.css']));
    expect(stylesheets.length).toBeGreaterThan(10);
  });

  it('keep literal colours and sizes in the tokens', () => {
    const found = stylesheets
      .filter((s) => s.path !== TOKENS)
      .flatMap((s) => literals(s.css).map((l) => `${s.path}: ${l}`));
    expect(found).toEqual([]);
  });

  it('are each loaded by the code they style', () => {
    const orphans = stylesheets
      .map((s) => s.path)
      .filter((path) => path !== 'index.css' && !importers.has(path));
    expect(orphans).toEqual([]);
  });

  it("serve one feature each: no feature imports another's stylesheet", () => {
    const borrowed = [...importers].flatMap(([path, by]) => {
      const owner = /^features\/([^/]+)\//.exec(path)?.[1];
      if (!owner) return [];
      return by.filter((f) => !f.startsWith(`features/${owner}/`)).map((f) => `${f} → ${path}`);
    });
    expect(borrowed).toEqual([]);
  });

  it('put the shared styles in their cascade layer, under every feature', () => {
    const layerOf = (path: string) =>
      path.startsWith('components/') ? 'components' : path.replace(/^styles\/|\.css$/g, '');
    const outside = stylesheets
      .filter((s) => /^(styles|components)\//.test(s.path) && s.path !== TOKENS)
      .filter((s) => !wrappedIn(s.css, layerOf(s.path)))
      .map((s) => s.path);
    expect(outside).toEqual([]);
    expect(stylesheets.find((s) => s.path === 'index.css')?.css).toMatch(
      /@layer base, components, patterns;/,
    );
  });
});
