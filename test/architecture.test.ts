import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder rules of ARCHITECTURE.md, checked on every import of every source file: the domain vocabulary
 * (`contracts/`) depends on nothing, infrastructure (`platform/`) only on it, each subgraph and the gateway only on
 * themselves, `platform/` and `contracts/`; `bench/` never on `test/`. And no runtime import cycle between files
 * (a module would see another half-loaded); type-only imports are erased by the compiler, so they do not count.
 */
const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['contracts', 'platform', 'gateway', 'subgraphs', 'bench', 'scripts'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s+)?['"](\.{1,2}(?:\/[^'"]*)?)['"]/gm;

interface Import {
  target: string;
  /** `import type …`, or braces whose every name is `type X`: erased by the compiler, no load-order effect. */
  typeOnly: boolean;
}

function isTypeOnly(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** The source files a file imports (relative imports; packages are outside these rules). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const target = resolve(file, m[3]);
    return target ? [{ target, typeOnly: isTypeOnly(m[1], m[2]) }] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The architectural unit a file belongs to: `contracts`, `platform`, `gateway`, `subgraphs/<name>`, `bench`, … */
function unitOf(file: string): string {
  const [top, second] = path.relative(ROOT, file).split(path.sep);
  if (top === 'subgraphs') return second.endsWith('.ts') ? 'subgraphs' : `subgraphs/${second}`;
  return top;
}

const ALLOWED: Record<string, (unit: string) => boolean> = {
  contracts: (u) => u === 'contracts',
  platform: (u) => u === 'platform' || u === 'contracts',
  gateway: (u) => ['gateway', 'platform', 'contracts'].includes(u),
  'subgraphs/intake': (u) => ['subgraphs/intake', 'platform', 'contracts'].includes(u),
  'subgraphs/directory': (u) => ['subgraphs/directory', 'platform', 'contracts'].includes(u),
  'subgraphs/status': (u) => ['subgraphs/status', 'platform', 'contracts'].includes(u),
  // The composition root starts every part.
  subgraphs: (u) => u !== 'test' && u !== 'bench',
  scripts: (u) => u !== 'test' && u !== 'bench',
  bench: (u) => u !== 'test',
};

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(ROOT, f);

describe('architecture', () => {
  it('finds the source files and their imports (the checks below are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect([...graph.values()].reduce((n, list) => n + list.length, 0)).toBeGreaterThan(500);
  });

  it('each folder imports only what its layer may use', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const from = unitOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`${rel(file)}: no rule for ${from}`);
        continue;
      }
      for (const { target } of imports) {
        if (!allowed(unitOf(target))) violations.push(`${rel(file)} -> ${rel(target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has no runtime import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const { target, typeOnly } of graph.get(file) ?? []) {
        if (typeOnly || !graph.has(target)) continue;
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].map(rel).join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
