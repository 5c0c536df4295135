// The layers of STYLE.md, checked on the source: the domain knows nothing of LINE, express, the bot or the
// conversations (it reaches reference data and the outside world only through ports such as domain/places.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : filesUnder(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The import, resolved against the importing file, is one of the forbidden ones. */
function forbidden(file: string, spec: string): boolean {
  if (/^(express|@line\/bot-sdk)(\/|$)/.test(spec)) return true;
  if (!spec.startsWith('.')) return false;
  const rel = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep);
  return ['line', 'bot', 'conversations', 'http'].includes(rel[0]!);
}

describe('layers', () => {
  const domain = filesUnder(path.join(root, 'domain'));

  it('reads the domain sources and their imports (the check below sees something)', () => {
    expect(domain.length).toBeGreaterThan(20);
    expect(importsOf(readFileSync(path.join(root, 'domain/places.ts'), 'utf8'))).toContain('./fuzzy.js');
  });

  it('recognises a forbidden import when it sees one', () => {
    const f = path.join(root, 'domain/x.ts');
    const src = "import { text } from '../bot/reply.js';\nimport express from 'express';\nexport { a } from '../line/render.js';\nconst m = await import('../conversations/menu.js');";
    expect(importsOf(src).filter((s) => forbidden(f, s))).toEqual(['../bot/reply.js', 'express', '../line/render.js', '../conversations/menu.js']);
    expect(forbidden(f, './registry/codes.js')).toBe(false);
    expect(forbidden(f, '../db/client.js')).toBe(false);
  });

  it('src/domain imports nothing from line/, express, bot/, conversations/ or http/', () => {
    const bad = domain.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((s) => forbidden(f, s))
        .map((s) => `${path.relative(root, f)} → ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
