import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostics, type VulnerableDiagnostics } from 'recheck';
import * as ts from 'typescript';
import * as oniguruma from 'vscode-oniguruma';
import { COMPOSED_PATTERNS } from '../../server/src/service/parse/linePatterns';

/*
 * The ReDoS audit (issue 7): every regular expression that runs on transcript text is checked
 * with recheck for catastrophic backtracking. A regex that takes quadratic time on a long line
 * freezes the editor while the user types, so a `vulnerable` verdict fails the test with the
 * attack string recheck found.
 *
 * Two kinds of pattern:
 * - JavaScript patterns (regex literals in server/ and client/ found with the TypeScript parser,
 *   the parser's composed patterns, the language configuration's wordPattern and the manifest's
 *   firstLine): recheck reads them as they run, so anything but `safe` fails.
 * - The TextMate grammar's patterns are Oniguruma, which recheck cannot read. They are translated
 *   to JavaScript conservatively (possessive quantifiers and atomic groups become ordinary ones,
 *   `(?i:…)` makes the whole pattern case-insensitive), which can only add backtracking. Where the
 *   translation is `vulnerable`, the attack is replayed in the engine VS Code really runs the
 *   grammar in (vscode-oniguruma) on a line as long as VS Code tokenizes, and must stay fast there.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** recheck's fuzzer is random: a fixed seed makes a verdict reproducible. */
const RECHECK_PARAMS = { timeout: 30_000, randomSeed: 20_161_009 } as const;

/** VS Code's default `editor.maxTokenizationLineLength`: longer lines are not tokenized at all. */
const LONGEST_TOKENIZED_LINE = 20_000;
/** A linear scan of such a line takes well under a millisecond; a quadratic one takes seconds. */
const ONIGURUMA_BUDGET_MS = 250;

interface AuditedPattern {
  /** Where the pattern lives, to find it from a failure message. */
  readonly origin: string;
  readonly source: string;
  readonly flags: string;
}

interface GrammarPattern {
  readonly origin: string;
  /** The Oniguruma source as VS Code runs it. */
  readonly oniguruma: string;
  /** Its conservative JavaScript translation, or undefined when it has none. */
  readonly translated?: { readonly source: string; readonly flags: string };
}

function typeScriptFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regex literal in our TypeScript, found by the compiler's parser so new ones are audited too. */
function regexLiterals(): AuditedPattern[] {
  const found: AuditedPattern[] = [];
  for (const file of ['server/src', 'client/src'].flatMap((dir) => typeScriptFiles(path.join(repoRoot, dir)))) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const slash = text.lastIndexOf('/');
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        found.push({
          origin: `${path.relative(repoRoot, file)}:${line + 1}`,
          source: text.slice(1, slash),
          // `g`, `y` and `d` change where matching starts or what it reports, not how it backtracks.
          flags: text.slice(slash + 1).replace(/[gyd]/g, ''),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/** `new RegExp(…)` calls in server/src outside the parser's line patterns, whose composed patterns it exports. */
function unauditedConstructedPatterns(): string[] {
  const unaudited: string[] = [];
  for (const file of typeScriptFiles(path.join(repoRoot, 'server/src'))) {
    if (file.endsWith(path.join('service', 'parse', 'linePatterns.ts'))) continue;
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sourceFile) === 'RegExp') {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        unaudited.push(`${path.relative(repoRoot, file)}:${line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return unaudited;
}

function javaScriptPatterns(): AuditedPattern[] {
  const languageConfiguration = JSON.parse(readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8')) as { wordPattern: string };
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { languages: Array<{ id: string; firstLine?: string }> };
  };
  const firstLines = manifest.contributes.languages.flatMap((language) =>
    language.firstLine ? [{ origin: `package.json firstLine (${language.id})`, source: language.firstLine, flags: '' }] : [],
  );
  return [
    ...regexLiterals(),
    ...COMPOSED_PATTERNS.map((pattern, index) => ({
      origin: `linePatterns.ts COMPOSED_PATTERNS[${index}]`,
      source: pattern.source,
      flags: pattern.flags,
    })),
    { origin: 'language-configuration.json wordPattern', source: languageConfiguration.wordPattern, flags: '' },
    ...firstLines,
  ];
}

/**
 * Oniguruma escapes JavaScript lacks, each as something that matches at least where it does:
 * `\A`/`\z` are the string's ends (as `^`/`$` without the `m` flag), `\h` is a hex digit, and
 * `\G` (where the scan began) becomes no anchor at all, which only allows more starts.
 */
const ONIGURUMA_ESCAPES: Readonly<Record<string, string>> = {
  A: '^',
  z: '$',
  Z: '(?=\\n?$)',
  G: '',
  h: '[0-9A-Fa-f]',
  H: '[^0-9A-Fa-f]',
};
const ONIGURUMA_CLASS_ESCAPES: Readonly<Record<string, string>> = { h: '0-9A-Fa-f' };

/**
 * Oniguruma to JavaScript, erring on the side of more backtracking: `\x{H}` becomes `\u{H}`,
 * the escapes above are rewritten, possessive quantifiers (`*+`, `++`, `?+`, `}+`) and atomic
 * groups lose their no-backtracking promise, and `(?i:…)` (which Node 20 cannot write) makes the
 * whole pattern case-insensitive.
 */
function translateOniguruma(source: string): { source: string; flags: string } | undefined {
  let out = '';
  let caseInsensitive = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const hex = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i, i + 10));
      if (hex) {
        out += `\\u{${hex[1]}}`;
        i += hex[0].length - 1;
        continue;
      }
      const escaped = source[i + 1] ?? '';
      out += (inClass ? ONIGURUMA_CLASS_ESCAPES : ONIGURUMA_ESCAPES)[escaped] ?? `\\${escaped}`;
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      continue;
    }
    if (source.startsWith('(?i:', i)) {
      caseInsensitive = true;
      out += '(?:';
      i += 3;
      continue;
    }
    if (source.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    // A `+` right after a quantifier makes it possessive; escapes were consumed above.
    if (
      char === '+' &&
      /[*+?}]/.test(out[out.length - 1] ?? '') &&
      !out.endsWith('\\+') &&
      !out.endsWith('\\*') &&
      !out.endsWith('\\?') &&
      !out.endsWith('\\}')
    )
      continue;
    out += char;
  }
  const flags = caseInsensitive ? 'iu' : 'u';
  try {
    new RegExp(out, flags);
    return { source: out, flags };
  } catch {
    return undefined;
  }
}

function grammarPatterns(): GrammarPattern[] {
  const grammar: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'syntaxes', 'transcript.tmLanguage.json'), 'utf8'));
  const found: GrammarPattern[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => walk(child, `${where}[${index}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          const translated = translateOniguruma(value);
          found.push({ origin: `grammar ${where}.${key}`, oniguruma: value, ...(translated ? { translated } : {}) });
        } else {
          walk(value, `${where}.${key}`);
        }
      }
    }
  };
  walk(grammar, '');
  return found;
}

/** The attack string recheck reports, with its pumps repeated `times` times each. */
function attackString(attack: VulnerableDiagnostics['attack'], times: number): string {
  return attack.pumps.map(({ prefix, pump }) => prefix + pump.repeat(times)).join('') + attack.suffix;
}

function describeVerdict(pattern: { origin: string }, result: Diagnostics): string {
  if (result.status === 'vulnerable') {
    return `${pattern.origin}: ${result.complexity.summary}; attack ${result.attack.pattern}; hotspots ${JSON.stringify(result.hotspot)}`;
  }
  if (result.status === 'unknown')
    return `${pattern.origin}: unknown (${result.error.kind}${'message' in result.error ? `: ${result.error.message}` : ''})`;
  return `${pattern.origin}: ${result.status}`;
}

let onigurumaLoaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  const wasm = readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  onigurumaLoaded ??= oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return onigurumaLoaded;
}

/**
 * How long Oniguruma takes to scan the attack, grown to the longest line VS Code tokenizes. The
 * best of three runs: the first large string makes the WebAssembly memory grow, which is not the
 * pattern's cost.
 */
async function onigurumaScanMs(pattern: string, attack: VulnerableDiagnostics['attack']): Promise<{ ms: number; length: number }> {
  await loadOniguruma();
  const pumpLength = attack.pumps.reduce((sum, { pump }) => sum + pump.length, 0);
  const fixedLength = attackString(attack, 0).length;
  const times = Math.max(1, Math.floor((LONGEST_TOKENIZED_LINE - fixedLength) / Math.max(1, pumpLength)));
  const text = attackString(attack, times);
  const scanner = new oniguruma.OnigScanner([pattern]);
  let best = Infinity;
  try {
    for (let run = 0; run < 3; run++) {
      // A fresh string each run: the scanner caches its last result per string.
      const line = new oniguruma.OnigString(text);
      const started = performance.now();
      scanner.findNextMatchSync(line, 0);
      best = Math.min(best, performance.now() - started);
      line.dispose();
    }
  } finally {
    scanner.dispose();
  }
  return { ms: best, length: text.length };
}

// One pattern at a time: recheck's fuzzer judges by how a match's steps grow, and a hundred checks
// at once on a busy machine made it report patterns as polynomial that it finds safe alone.
test('no regex in the server, the client or the manifest backtracks catastrophically', async (t) => {
  const patterns = javaScriptPatterns();
  assert.ok(patterns.length > COMPOSED_PATTERNS.length + 2, 'the audit found the regex literals in server/src');
  for (const pattern of patterns) {
    await t.test(pattern.origin, async () => {
      new RegExp(pattern.source, pattern.flags); // a pattern that does not compile is a finding of its own
      const result = await check(pattern.source, pattern.flags, RECHECK_PARAMS);
      assert.equal(result.status, 'safe', describeVerdict(pattern, result));
    });
  }
});

test('every RegExp built at run time in server/src is one the audit sees', () => {
  assert.deepEqual(
    unauditedConstructedPatterns(),
    [],
    'build such patterns in parse/linePatterns.ts and export them in COMPOSED_PATTERNS, or write them as literals',
  );
});

test('no grammar pattern backtracks catastrophically in Oniguruma', { concurrency: true }, async (t) => {
  const patterns = grammarPatterns();
  const untranslated = patterns.filter((pattern) => !pattern.translated);
  t.diagnostic(
    `${patterns.length} grammar patterns, ${untranslated.length} not expressible in JavaScript: ${untranslated.map((p) => p.origin).join(', ') || 'none'}`,
  );
  // Without a translation a pattern goes unaudited: keep that rare enough to notice.
  assert.ok(
    untranslated.length <= patterns.length / 10,
    `too many grammar patterns recheck cannot read: ${untranslated.map((p) => p.origin).join(', ')}`,
  );
  await Promise.all(
    patterns
      .filter((pattern) => pattern.translated)
      .map((pattern) =>
        t.test(pattern.origin, async (st) => {
          const { source, flags } = pattern.translated!;
          const result = await check(source, flags, RECHECK_PARAMS);
          if (result.status === 'safe') return;
          if (result.status === 'unknown') {
            // The translation is an approximation; recheck giving up on it is not a finding.
            st.diagnostic(describeVerdict(pattern, result));
            return;
          }
          // Vulnerable as JavaScript: what counts is the engine VS Code uses for grammars.
          const { ms, length } = await onigurumaScanMs(pattern.oniguruma, result.attack);
          st.diagnostic(`${describeVerdict(pattern, result)}; Oniguruma scans a ${length}-character attack line in ${ms.toFixed(1)} ms`);
          assert.ok(
            ms < ONIGURUMA_BUDGET_MS,
            `${describeVerdict(pattern, result)}\nOniguruma took ${ms.toFixed(0)} ms on a ${length}-character line (budget ${ONIGURUMA_BUDGET_MS} ms)`,
          );
        }),
      ),
  );
});
