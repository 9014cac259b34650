// An ESLint rule for the import cycles that import-x/no-cycle leaves out: those that close only
// through a type-only import (`import type`, `export type ... from`, `import('./x').T`). They make
// no cycle at run time, which is why import-x skips them, but a type that points back ties two
// layers together as surely as a value does: `shift.ts` taking a type from `parser.ts` makes the
// parser and its helpers one layer. Cycles that hold at run time are import-x/no-cycle's to report.
// Reported at `import` and `export ... from` declarations; `import('./x').T` types are followed.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** @typedef {{ target: string, typeOnly: boolean, specifier: string }} Edge An import of one file by another. */

/** Each file's relative imports, kept until the file changes. @type {Map<string, { mtimeMs: number, edges: Edge[] }>} */
const graph = new Map();

/** @param {string} file */
function modifiedAt(file) {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file a relative specifier names, as this project's TypeScript resolves it.
 * @param {string} specifier
 * @param {string} fromFile
 */
function resolveRelative(specifier, fromFile) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base.replace(/\.m?js$/, '.ts')];
  return candidates.find((candidate) => modifiedAt(candidate) !== undefined);
}

/**
 * Whether an import or re-export brings in types only.
 * @param {ts.ImportDeclaration | ts.ExportDeclaration} node
 */
function isTypeOnly(node) {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    return node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && allTypes(node.exportClause.elements);
  }
  const clause = node.importClause;
  // `import './x'` runs the module.
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && allTypes(bindings.elements);
}

/** @param {ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>} elements */
function allTypes(elements) {
  return elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

/**
 * Every relative import of `file`: declarations, re-exports, `import()` calls and `import()` types.
 * @param {string} file
 * @returns {Edge[]}
 */
function edgesOf(file) {
  const mtimeMs = modifiedAt(file);
  if (mtimeMs === undefined) return [];
  const cached = graph.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.edges;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {Edge[]} */
  const edges = [];
  /**
   * @param {ts.Expression | ts.TypeNode | undefined} specifierNode
   * @param {boolean} typeOnly
   */
  const add = (specifierNode, typeOnly) => {
    let literal = specifierNode;
    if (literal && ts.isLiteralTypeNode(literal)) literal = literal.literal;
    if (!literal || !ts.isStringLiteral(literal) || !literal.text.startsWith('.')) return;
    const target = resolveRelative(literal.text, file);
    if (target) edges.push({ target, typeOnly, specifier: literal.text });
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, isTypeOnly(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isImportTypeNode(node)) add(node.argument, true);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  graph.set(file, { mtimeMs, edges });
  return edges;
}

/**
 * The shortest chain of imports from `from` back to `to`, or undefined when there is none.
 * @param {string} from
 * @param {string} to
 * @param {boolean} runtimeOnly follow value imports only, as import-x/no-cycle does
 * @returns {string[] | undefined}
 */
function routeBack(from, to, runtimeOnly) {
  /** @type {Map<string, string | undefined>} */
  const cameFrom = new Map([[from, undefined]]);
  const queue = [from];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file === to) {
      const route = [];
      for (let step = /** @type {string | undefined} */ (file); step !== undefined; step = cameFrom.get(step)) route.unshift(step);
      return route;
    }
    for (const edge of edgesOf(file)) {
      if ((runtimeOnly && edge.typeOnly) || cameFrom.has(edge.target)) continue;
      cameFrom.set(edge.target, file);
      queue.push(edge.target);
    }
  }
  return undefined;
}

/**
 * `type` or `value` on typescript-eslint's import and export nodes and their specifiers.
 * @param {object} node
 */
function kindOf(node) {
  const { importKind, exportKind } = /** @type {{ importKind?: string, exportKind?: string }} */ (node);
  return importKind ?? exportKind;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noTypeImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles that close through a type-only import (import-x/no-cycle reports the others).' },
    schema: [],
    messages: {
      cycle: 'Import cycle through a type-only import: {{route}}. A type that points back ties two layers together too.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (modifiedAt(file) === undefined) return {};
    const here = path.dirname(file);
    /**
     * An `import` or `export ... from`; typescript-eslint's parser adds `importKind` or `exportKind`.
     * @param {{ source?: unknown, specifiers?: object[] }} node
     */
    const check = (node) => {
      const source = /** @type {{ type?: string, value?: unknown } | null | undefined} */ (node.source);
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolveRelative(source.value, file);
      if (!target) return;
      const specifiers = node.specifiers ?? [];
      const typeOnly = kindOf(node) === 'type' || (specifiers.length > 0 && specifiers.every((specifier) => kindOf(specifier) === 'type'));
      // A cycle that holds at run time is import-x/no-cycle's.
      if (!typeOnly && routeBack(target, file, true)) return;
      const route = routeBack(target, file, false);
      if (!route) return;
      const names = [file, ...route].map((step) => path.relative(here, step) || path.basename(step));
      context.report({ node: /** @type {import('estree').Node} */ (source), messageId: 'cycle', data: { route: names.join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
