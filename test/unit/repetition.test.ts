import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics, type TranscriptDiagnostic } from '../../server/src/service/features/diagnostics';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import { applyEdits } from '../../server/src/service/util/edits';
import { normalizeWord, turnWords, wordCore } from '../../server/src/service/checks/words';
import { loopCopiesNeeded, MAX_LOOP_PHRASE_WORDS } from '../../server/src/service/checks/repetition';
import type { Range } from '../../server/src/service/model';
import { splitLines } from '../../server/src/service/util/text';
import { analyze, lines, textAt } from './helpers';
import { propertyRuns } from './propertyRuns';

/*
 * `repetition-loop`: a phrase said again and again in one turn, as speech-to-text writes when it
 * loops. Real emphasis (`no, no, no`) and restarts (`we're going to -- we're going to`) stay quiet.
 */

const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

const loops = (text: string): TranscriptDiagnostic[] => computeDiagnostics(analyze(text)).filter((d) => d.code === 'repetition-loop');

/** The text after the one Keep one copy fix of `text`. */
function keptOne(text: string): string {
  const fixes = codeActions(analyze(text), everywhere).filter((a) => a.title === 'Keep one copy');
  assert.equal(fixes.length, 1, `one Keep one copy fix in ${JSON.stringify(text)}`);
  assert.equal(fixes[0]!.isPreferred, true);
  return applyEdits(text, fixes[0]!.edits);
}

test('the classic loops are found: a short sentence four times, a three-word phrase three times', () => {
  const text = lines(
    '[00:00:01] Ann: thank you. thank you. thank you. thank you.',
    '[00:00:05] Bob: I think that I think that I think that we should go.',
  );
  const found = loops(text);
  assert.deepEqual(
    found.map((d) => [d.message, textAt(text, d.range)]),
    [
      ['“thank you” 4 times in a row: speech-to-text repeating itself', 'thank you. thank you. thank you.'],
      ['“I think that” 3 times in a row: speech-to-text repeating itself', 'I think that I think that'],
    ],
  );
  assert.equal(found[0]!.severity, 'warning');
  assert.equal(found[0]!.unnecessary, true);
  assert.deepEqual(
    found.map((d) => textAt(text, d.related![0]!.range)),
    ['thank you.', 'I think that'],
  );
});

test('emphasis, stammers and restarts of real speech stay quiet', () => {
  for (const speech of [
    'No, no, no, that is not what I said.',
    'It was very, very, very good.',
    'yeah yeah yeah yeah',
    'Go, go, go!',
    'no no no no no',
    // From the 2016 debates.
    "She's saying Russia, Russia, Russia, but I don't -- maybe it was.",
    'I can defend -- I -- I -- I can -- I can make very clear to the American people.',
    'Elaine, thank you. Thank you. Thank you, Senator.',
    "we're going to -- we're going to bring back jobs. Look at the mess that we're in, look at the mess that we're in.",
    'Wrong. Wrong.',
    "We're going to -- we're going to -- we're going to...",
    'And to add to it, and to add to it, and to add to it, we are a nation of immigrants.',
    "I don't know. I don't know. I don't know.",
    // From podcasts transcribed by speech-to-text.
    "This book was like, wait, wait, wait, wait, wait, wait, wait. They're all idiots.",
    'Developers, developers, developers, developers, developers, developers, developers, developers, developers, developers.',
    'They were all run by humans with pencils and slide rules and lines and lines and lines and lines and lines and lines of code, you know?',
  ]) {
    assert.deepEqual(loops(`[00:00:01] Ann: ${speech}`), [], speech);
  }
});

test('the rule: 6 copies of one word, 4 of two words, 3 of three words or more that run on; with punctuation between them, 12 of one word, 4 of more; a word joined by `and` as one word', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 10].map((words) => loopCopiesNeeded(words, false)),
    [6, 4, 3, 3, 3],
  );
  assert.deepEqual(
    [1, 2, 3, 4, 10].map((words) => loopCopiesNeeded(words, true)),
    [12, 4, 4, 4, 4],
  );
  const said = (phrase: string, copies: number) => loops(`Ann: ${Array.from({ length: copies }, () => phrase).join(' ')} and more.`).length;
  assert.deepEqual(
    [5, 6].map((n) => said('so', n)),
    [0, 1],
  );
  assert.deepEqual(
    [3, 4].map((n) => said('thank you', n)),
    [0, 1],
  );
  assert.deepEqual(
    [11, 12].map((n) => said('lines and', n)),
    [0, 1],
  );
  assert.deepEqual(
    [11, 12].map((n) => said('wait,', n)),
    [0, 1],
  );
  // A word said eight times with a mark among them is one word's run, short of twelve; its pairs
  // are not a two-word loop of four (found by the property test below).
  assert.equal(loops('Ann: a a a a a a (a a').length, 0);
  assert.deepEqual(
    [2, 3].map((n) => said('I think that', n)),
    [0, 1],
  );
  const long = Array.from({ length: MAX_LOOP_PHRASE_WORDS }, (_, i) => `w${i}`).join(' ');
  assert.equal(said(long, 3), 1, 'a phrase of the longest length looked for');
  assert.equal(said(`${long} one more`, 3), 0, 'a phrase longer than that');
  for (const between of [' -- ', ', ', '. ', ' ... ', '\n']) {
    const marked = (copies: number) => loops(`Ann: ${Array.from({ length: copies }, () => 'we are going to').join(between)} win.`).length;
    assert.deepEqual([3, 4].map(marked), between === '\n' ? [1, 1] : [0, 1], JSON.stringify(between));
  }
});

test('words compare as normalised: case and punctuation around them do not matter', () => {
  const text = 'Ann: Thank you! THANK YOU, “thank you.” thank-you thank you';
  // `thank-you` is one word, so the loop is the three copies before it.
  assert.equal(loops(text).length, 0);
  const found = loops('Ann: Thank you! THANK YOU, “thank you.” (thank you)');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^“Thank you” 4 times/);
});

test('a loop is reported once, with its shortest phrase, however many copies', () => {
  const text = `Ann: ${'thank you '.repeat(12)}and goodbye.`;
  const found = loops(text);
  assert.deepEqual(
    found.map((d) => d.message),
    ['“thank you” 12 times in a row: speech-to-text repeating itself'],
  );
  assert.equal(keptOne(text), 'Ann: thank you and goodbye.');
});

test('a loop of a loop: the longer phrase is reported, and Fix All settles in two rounds', () => {
  const inner = 'x x x x x x';
  const text = `Ann: ${inner} y ${inner} y ${inner} y end.`;
  assert.deepEqual(
    loops(text).map((d) => d.message),
    ['“x x x x x x y” 3 times in a row: speech-to-text repeating itself'],
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed, 'Ann: x y end.');
  assert.deepEqual(fixAll(analyze(fixed)), []);
});

test('Keep one copy leaves the text reading whole: the first copy’s start, the last copy’s punctuation', () => {
  assert.equal(keptOne('Ann: thank you. thank you. thank you. thank you.'), 'Ann: thank you.');
  assert.equal(keptOne('Ann: Thank you thank you thank you thank you.'), 'Ann: Thank you.');
  assert.equal(keptOne('Ann: Well, I think that, I think that, I think that, I think that we go.'), 'Ann: Well, I think that we go.');
  assert.equal(keptOne('Ann: So I think that I think that I think that, you know, we go.'), 'Ann: So I think that, you know, we go.');
  // A part of one more copy after the loop is a speaker going on: it stays.
  assert.equal(keptOne('Ann: I think that I think that I think that I think we go.'), 'Ann: I think that I think we go.');
  // Quotes around the turn's text are not part of it.
  assert.equal(keptOne('Ann: "Thank you. Thank you. Thank you. Thank you."'), 'Ann: "Thank you."');
  // A trailing sentiment note stays.
  assert.equal(keptOne('Ann: go on, go on, go on, go on. (Positive sentiment)'), 'Ann: go on. (Positive sentiment)');
});

test('a loop over several lines of one turn is one loop, and its fix joins the lines', () => {
  const text = lines(
    '00:00:01.000 --> 00:00:04.000',
    'thank you.',
    'thank you.',
    'thank you.',
    'thank you.',
    '',
    '00:00:05.000 --> 00:00:06.000',
    'Bye.',
  );
  const [found] = loops(text);
  assert.ok(found);
  assert.deepEqual(found.range, { start: { line: 2, character: 0 }, end: { line: 4, character: 10 } });
  assert.equal(keptOne(text), lines('00:00:01.000 --> 00:00:04.000', 'thank you.', '', '00:00:05.000 --> 00:00:06.000', 'Bye.'));
});

test('a loop never spans text that is not speech, nor two turns', () => {
  const split = lines('Ann: thank you thank you', 'Sentiment: Positive', 'Ann: thank you thank you thank you');
  assert.deepEqual(loops(split), []);
  const turns = lines('Ann: we go now', 'Bob: we go now', 'Ann: we go now');
  assert.deepEqual(loops(turns), []);
});

test('positions are UTF-16, with emoji, CJK, CRLF and a BOM', () => {
  const text = `\ufeff[00:00:01] 王小明: 😀 你好 世界 你好 世界 你好 世界 你好 世界 🎉\r\n[00:00:02] Ann: ${'great🎉 '.repeat(12)}fine\r\n`;
  const found = loops(text);
  assert.deepEqual(
    found.map((d) => [d.message, textAt(text, d.range), textAt(text, d.related![0]!.range)]),
    [
      ['“你好 世界” 4 times in a row: speech-to-text repeating itself', '你好 世界 你好 世界 你好 世界', '你好 世界'],
      // The emoji after each copy is punctuation between them: one word then takes twelve copies.
      ['“great” 12 times in a row: speech-to-text repeating itself', 'great🎉 '.repeat(11).trim(), 'great🎉'],
    ],
  );
  assert.deepEqual(found[0]!.range.start, { line: 0, character: 26 });
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed, '\ufeff[00:00:01] 王小明: 😀 你好 世界 🎉\r\n[00:00:02] Ann: great🎉 fine\r\n');
  assert.deepEqual(loops(fixed), []);
});

test('Fix All removes every loop beside the overlaps, and running it again changes nothing', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country, and quickly.',
    'This chunk continues in the next part.',
    '[00:00:05] Speaker 1: our bridges across the whole country, and quickly. Thank you thank you thank you thank you.',
    '[00:00:09] Speaker 2: And I think that I think that I think that we agree.',
  );
  const analysis = analyze(text);
  assert.deepEqual(
    computeDiagnostics(analysis).map((d) => d.code),
    ['duplicate-overlap', 'repetition-loop', 'repetition-loop'],
  );
  const fixed = applyEdits(text, fixAll(analysis));
  assert.equal(
    fixed,
    lines(
      '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country, and quickly.',
      'This chunk continues in the next part.',
      '[00:00:05] Speaker 1: Thank you.',
      '[00:00:09] Speaker 2: And I think that we agree.',
    ),
  );
  assert.deepEqual(computeDiagnostics(analyze(fixed)), []);
  assert.deepEqual(fixAll(analyze(fixed)), []);
});

test('a turn of a million copies of one word is checked in one pass', () => {
  const text = `Ann: ${'no '.repeat(1_000_000)}`;
  const found = loops(text);
  assert.deepEqual(
    found.map((d) => d.message),
    ['“no” 1000000 times in a row: speech-to-text repeating itself'],
  );
});

test('an edit re-checks only its own chunk: loops before it are kept, loops after it move with their lines', () => {
  const chunk = (n: number) => `[00:00:0${n}] Ann: I think that I think that I think that we go.\nThis chunk continues in the next part.\n`;
  const text = chunk(1) + chunk(2) + chunk(3);
  const before = analyze(text);
  const [first, , third] = before.repetitionLoops;
  // A new line typed in the second chunk: the third moves down a line.
  const edited = text.replace('[00:00:02] Ann:', '[00:00:02] Ann:\n');
  const after = before.successor(edited, before.settings);
  assert.equal(after.repetitionLoops[0], first, 'the first chunk was not checked again');
  assert.deepEqual(after.repetitionLoops, analyze(edited).repetitionLoops);
  assert.equal(after.repetitionLoops[2]!.first.start.line, third!.first.start.line + 1);
});

/* ------------------------------------------------------------------ properties */

const wordsIn = (text: string) =>
  text
    .split(/\s+/)
    .map(normalizeWord)
    .filter((word) => word !== '');

const WORDS = ['thank', 'you', 'I', 'think', 'that', 'we', 'go', 'no', 'Thank', 'you.', 'so,', '王', '😀', 'great🎉', '--'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const speech = fc
  .array(
    fc.oneof(
      phrase,
      fc.tuple(phrase, fc.integer({ min: 2, max: 8 })).map(([p, n]) => Array.from({ length: n }, () => p).join(' ')),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(' '));
const document = fc
  .array(fc.tuple(speech, fc.constantFrom('\n', '\r\n', '\n  ', '\nSentiment: Positive\n')), { minLength: 1, maxLength: 4 })
  .map((turns) => turns.map(([text, after], i) => `[00:00:0${i}] Speaker ${i + 1}: ${text}${after}`).join(''));

const NO_OVERLAPS = { overlapMinWords: 1000 };

test('property: every loop is three copies or more of a phrase within one turn, and Fix All keeps a copy of every word and settles', () => {
  fc.assert(
    fc.property(document, (text) => {
      // Turns that repeat the one before would be duplicate-overlap too, whose fixes delete turns (fixes.test.ts).
      const analysis = analyze(text, NO_OVERLAPS);
      const textLines = splitLines(text);
      for (const loop of analysis.repetitionLoops) {
        const turn = analysis.model.turns[loop.turnIndex]!;
        assert.ok(loop.copies >= loopCopiesNeeded(loop.phraseWords, false));
        for (const range of [loop.first, loop.extra, loop.deletion]) {
          assert.ok(range.start.line >= turn.range.start.line && range.end.line <= turn.range.end.line);
          assert.ok(range.end.character <= textLines[range.end.line]!.length);
        }
        const first = wordsIn(textAt(text, loop.first));
        assert.equal(first.length, loop.phraseWords);
        assert.deepEqual(wordsIn(textAt(text, loop.extra)), Array.from({ length: loop.copies - 1 }, () => first).flat());
      }
      const fixed = applyEdits(text, fixAll(analysis));
      const before = new Set(analysis.model.turns.flatMap((turn) => turnWords(turn).map((w) => w.norm)));
      const after = analyze(fixed, NO_OVERLAPS);
      const left = new Set(after.model.turns.flatMap((turn) => turnWords(turn).map((w) => w.norm)));
      assert.deepEqual(
        [...before].filter((word) => !left.has(word)),
        [],
        'Fix All lost every copy of a word',
      );
      assert.equal(after.model.turns.length, analysis.model.turns.length);
      assert.deepEqual(after.repetitionLoops, []);
      assert.deepEqual(fixAll(after), []);
    }),
    { numRuns: propertyRuns(300) },
  );
});

/**
 * The loops of a one-line turn as the rule says them, looked for the slow way: every phrase length
 * at every word, the longest cover first, then the shortest phrase. `turnLoops` tries only some
 * positions and skips runs it has seen; it must find the same.
 */
function loopsTheSlowWay(tokens: readonly string[]): Array<[first: number, phraseWords: number, copies: number]> {
  // The words, and whether punctuation stands before each (on it, after the word before, or alone between them).
  const words: string[] = [];
  const markedBefore: boolean[] = [];
  let punctuation = false;
  for (const token of tokens) {
    const norm = normalizeWord(token);
    const core = wordCore(token);
    if (norm === '') {
      punctuation = true;
      continue;
    }
    words.push(norm);
    markedBefore.push(punctuation || core.start > 0);
    punctuation = core.end < token.length;
  }
  const same = (a: number, b: number, k: number) => words.slice(a, a + k).join(' ') === words.slice(b, b + k).join(' ');
  const runs: Array<[number, number, number]> = [];
  for (let k = 1; k <= MAX_LOOP_PHRASE_WORDS; k++) {
    for (let start = 0; start + k <= words.length; start++) {
      // Maximal: the word before `start` does not continue the run.
      if (start > 0 && start + k - 1 < words.length && words[start - 1] === words[start - 1 + k]) continue;
      // A phrase that is itself a shorter phrase said again (`a a`) is that phrase's run, judged
      // by its rule (the service reports a loop with its shortest phrase).
      if (repeatsAShorterPhrase(words.slice(start, start + k))) continue;
      let copies = 1;
      while (start + (copies + 1) * k <= words.length && same(start, start + copies * k, k)) copies++;
      const marked = Array.from({ length: copies - 1 }, (_, c) => markedBefore[start + (c + 1) * k]).some(Boolean);
      if (copies >= loopCopiesNeeded(k, marked)) runs.push([start, k, copies]);
    }
  }
  runs.sort((a, b) => b[1] * b[2] - a[1] * a[2] || a[1] - b[1] || a[0] - b[0]);
  const chosen: Array<[number, number, number]> = [];
  for (const run of runs) {
    const end = run[0] + run[1] * run[2];
    if (chosen.every(([start, k, copies]) => end <= start || start + k * copies <= run[0])) chosen.push(run);
  }
  return chosen.sort((a, b) => a[0] - b[0]);
}

/** Whether a phrase is a shorter phrase said two times or more (`a a`, `go on go on`). */
function repeatsAShorterPhrase(phrase: readonly string[]): boolean {
  for (let p = 1; p < phrase.length; p++) {
    if (phrase.length % p === 0 && phrase.every((word, i) => word === phrase[i % p])) return true;
  }
  return false;
}

test('property: the loops found are those the rule gives, looked for the slow way', () => {
  const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'A.', 'b,', '--', '(a', 'Ça', 'ça', '王'), { minLength: 1, maxLength: 120 });
  fc.assert(
    fc.property(tokens, (line) => {
      const analysis = analyze(`Ann: ${line.join(' ')}`);
      const turn = analysis.model.turns[0];
      if (!turn) return;
      const words = turnWords(turn);
      const at = (line: number, character: number) => words.findIndex((w) => w.line === line && w.start === character);
      const found = analysis.repetitionLoops.map((loop): [number, number, number] => [
        at(loop.first.start.line, loop.first.start.character),
        loop.phraseWords,
        loop.copies,
      ]);
      assert.deepEqual(found, loopsTheSlowWay(line));
    }),
    { numRuns: propertyRuns(500) },
  );
});

test('two loops in one turn are each reported, in the order they are said', () => {
  const text = '[00:00:01] Ann: go team go team go team go team, and then we sat down. thank you thank you thank you thank you.';
  assert.deepEqual(
    loops(text).map((d) => [d.message, textAt(text, d.range)]),
    [
      ['“go team” 4 times in a row: speech-to-text repeating itself', 'go team go team go team,'],
      ['“thank you” 4 times in a row: speech-to-text repeating itself', 'thank you thank you thank you.'],
    ],
  );
});

test('words with accents and figures loop like any other, and tabs or no-break spaces between copies change nothing', () => {
  const accents = '[00:00:01] Ann: café 42 café 42 café 42 café 42 was the order.';
  assert.deepEqual(
    loops(accents).map((d) => [d.message, textAt(accents, d.range)]),
    [['“café 42” 4 times in a row: speech-to-text repeating itself', 'café 42 café 42 café 42']],
  );
  const spaced = '[00:00:01] Ann: thank\tyou thank you\u00a0thank you  thank you and goodbye.';
  assert.deepEqual(
    loops(spaced).map((d) => [d.message, textAt(spaced, d.range)]),
    [['“thank you” 4 times in a row: speech-to-text repeating itself', 'thank you\u00a0thank you  thank you']],
  );
});

test('a line that ends in a sentiment note ends a stretch: copies on both sides of the note are not one loop', () => {
  // Five copies on each side: neither side is a loop alone, and the note stands between them.
  const noted = lines('Ann: go go go go go (Positive sentiment)', 'go go go go go');
  assert.deepEqual(
    analyze(noted).model.turns.map((turn) => turn.segments.length),
    [2],
    'one turn of two lines, the note between them',
  );
  assert.deepEqual(loops(noted), []);
  // Without the note the ten copies are one loop over both lines.
  const joined = lines('Ann: go go go go go', 'go go go go go');
  assert.deepEqual(
    loops(joined).map((d) => [d.message, textAt(joined, d.range)]),
    [['“go” 10 times in a row: speech-to-text repeating itself', `go go go go\ngo go go go go`]],
  );
});

test('a turn that is nothing but the copies is a loop: three copies of three words, six of one', () => {
  for (const [speech, message] of [
    ['I think that I think that I think that', '“I think that” 3 times in a row'],
    ['go go go go go go', '“go” 6 times in a row'],
    ['go team go team go team go team', '“go team” 4 times in a row'],
  ] as const) {
    assert.deepEqual(
      loops(`Ann: ${speech}`).map((d) => d.message.replace(/: speech-to-text.*/, '')),
      [message],
      speech,
    );
  }
});

test('punctuation between copies is looked for on every line the copies span', () => {
  // Three copies of a longer phrase with a dash between them take four (the rule): the dash may
  // end one line or start the next, and the turn may have lines before the copies.
  for (const speech of [
    ['we are going --', 'we are going --', 'we are going home.'],
    ['we are going', '-- we are going', '-- we are going home.'],
    ['Hello there.', 'we are going -- we are going -- we are going home.'],
  ]) {
    assert.deepEqual(loops(lines(`Ann: ${speech[0]}`, ...speech.slice(1))), [], speech.join(' / '));
  }
  // The same copies with nothing between them are a loop.
  const plain = lines('Ann: we are going', 'we are going', 'we are going home.');
  assert.deepEqual(
    loops(plain).map((d) => d.message),
    ['“we are going” 3 times in a row: speech-to-text repeating itself'],
  );
});

test('one word said with commas eight to eleven times is emphasis, not a loop of two words', () => {
  // Twelve copies make a loop of one word with punctuation between them; fewer are not made a
  // loop by reading the copies two at a time (`wait, wait,` four times).
  for (const copies of [8, 9, 10, 11]) {
    assert.deepEqual(loops(`Ann: This book was like, ${'wait, '.repeat(copies)}and then it ended.`), [], `${copies} copies`);
  }
  assert.equal(loops(`Ann: This book was like, ${'wait, '.repeat(12)}and then it ended.`).length, 1);
});

test('a phrase that starts with `and` or `or` loops like any other phrase of its length', () => {
  // Only `lines and lines and …`, one word joined by `and`, takes as many copies as one word does.
  assert.deepEqual(
    loops('Ann: and so on and so on and so on forever.').map((d) => d.message),
    ['“and so on” 3 times in a row: speech-to-text repeating itself'],
  );
  assert.deepEqual(
    loops('Ann: or maybe not or maybe not or maybe not at all.').map((d) => d.message),
    ['“or maybe not” 3 times in a row: speech-to-text repeating itself'],
  );
});

test('two different words that share a code are never taken for copies of one word', () => {
  // `liquid` and `costarring` have the same 32-bit FNV-1a code, which the loop search uses; the
  // copies are compared word by word before a loop is reported, wherever the other word stands.
  const copies = Array.from({ length: 7 }, () => 'liquid');
  for (let at = 0; at < copies.length; at++) {
    const words = copies.map((word, i) => (i === at ? 'costarring' : word));
    const found = loops(`Ann: ${words.join(' ')} now.`).map((d) => d.message.replace(/: speech-to-text.*/, ''));
    // Six copies in a row are a loop; a different word among them leaves fewer. Where six are
    // left beside it, the shared code may hide them (a loop it borders, as `Scratch` says): never
    // a loop of seven.
    const longestRun = Math.max(at, copies.length - 1 - at);
    if (longestRun < 6) assert.deepEqual(found, [], words.join(' '));
    else
      assert.ok(
        found.length === 0 || (found.length === 1 && found[0] === `“liquid” ${longestRun} times in a row`),
        `${words.join(' ')}: ${found.join()}`,
      );
  }
});

test('a long turn is read whole: loops after its first thousand words are found as at its start', () => {
  const preamble = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
  for (const [speech, expected] of [
    ['thank you thank you thank you thank you.', ['“thank you” 4 times in a row']],
    [`${'wait, '.repeat(8)}and then it ended.`, []],
    ['I think that I think that I think that we go.', ['“I think that” 3 times in a row']],
  ] as const) {
    const found = (text: string) => loops(text).map((d) => d.message.replace(/: speech-to-text.*/, ''));
    assert.deepEqual(found(`Ann: ${speech}`), expected, `at the start: ${speech}`);
    assert.deepEqual(found(`Ann: ${preamble} ${speech}`), expected, `after 1,500 words: ${speech}`);
  }
});

test('the loops of a turn are listed in the order they are said, whichever covers more words', () => {
  // The later loop covers more words (`b c` five times against `a` six times).
  const text = 'Ann: a a a a a a then b c b c b c b c b c end.';
  const analysis = analyze(text);
  assert.deepEqual(
    analysis.repetitionLoops.map((loop) => [loop.phrase, loop.copies]),
    [
      ['a', 6],
      ['b c', 5],
    ],
  );
});
