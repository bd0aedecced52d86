/**
 * Which process a file runs in is visible from its folder (STYLE.md, after Signal Desktop), and
 * this check keeps it true: `electron/host/`, `shared/`, `renderer/` and `scripts/` never import
 * `electron`; `shared/` imports nothing from Node, Electron, the DOM side or the host;
 * `renderer/` imports no Node module and nothing from the host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

interface Rule {
  /** Folder (relative to the root, with '/') the rule applies to. */
  scope: string;
  /** Sub-folders of scope the rule does not apply to. */
  except?: string[];
  name: string;
  forbids: (specifier: string, resolvedFromRoot: string | null) => boolean;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'fastify', '@fastify/static', 'socket.io', 'pino'];

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const isNode = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!) || NODE_ONLY_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`));
const under = (resolved: string | null, folder: string) => resolved !== null && (resolved === folder || resolved.startsWith(`${folder}/`));

export const RULES: Rule[] = [
  { scope: 'electron/host', name: 'electron/host must not import electron', forbids: (s) => isElectron(s) },
  { scope: 'shared', name: 'shared must not import electron', forbids: (s) => isElectron(s) },
  { scope: 'renderer', name: 'renderer must not import electron', forbids: (s) => isElectron(s) },
  { scope: 'scripts', name: 'scripts must not import electron', forbids: (s) => isElectron(s) },
  { scope: 'shared', name: 'shared must not import Node modules', forbids: (s) => isNode(s) },
  { scope: 'renderer', name: 'renderer must not import Node modules', forbids: (s) => isNode(s) },
  {
    scope: 'shared',
    name: 'shared must not import from electron/, renderer/ or scripts/',
    forbids: (_s, r) => under(r, 'electron') || under(r, 'renderer') || under(r, 'scripts'),
  },
  { scope: 'renderer', name: 'renderer must not import from electron/', forbids: (_s, r) => under(r, 'electron') },
  { scope: 'electron/host', name: 'electron/host must not import from renderer/ or the shell', forbids: (_s, r) => under(r, 'renderer') || (under(r, 'electron') && !under(r, 'electron/host')) },
];

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const IMPORT = /(?:\bimport\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?|\bexport\s+[^'"`;]*?\sfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

/** Strips comments so an example in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function checkBoundaries(root: string): Violation[] {
  const violations: Violation[] = [];
  const scopes = [...new Set(RULES.map((r) => r.scope))];
  for (const scope of scopes) {
    for (const file of sourceFiles(join(root, scope))) {
      const rel = relative(root, file).split(sep).join('/');
      const rules = RULES.filter((r) => rel.startsWith(`${r.scope}/`) && !(r.except ?? []).some((e) => rel.startsWith(`${e}/`)));
      const text = withoutComments(readFileSync(file, 'utf8'));
      for (const match of text.matchAll(IMPORT)) {
        const specifier = match[1]!;
        const resolved = specifier.startsWith('.') ? relative(root, join(file, '..', specifier)).split(sep).join('/') : null;
        for (const rule of rules) {
          if (rule.forbids(specifier, resolved)) {
            const line = text.slice(0, match.index).split('\n').length;
            violations.push({ file: rel, line, specifier, rule: rule.name });
          }
        }
      }
    }
  }
  return violations;
}
