import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, lines } from './helpers';
import { retranscribed, speech } from './inventedSpeech';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import { hover } from '../../server/src/service/features/hover';
import { applyEdits } from '../../server/src/service/util/edits';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { createTranscriptService, textDocument } from '../../server/src/service';

/*
 * Seams: repeats of any length where chunks meet, joins no marker shows, and Keep One Copy /
 * Fix All mending them into text that reads whole. The speech here is invented for the tests.
 */

const overlapsOf = (text: string) => computeDiagnostics(analyze(text)).filter((d) => d.code === 'duplicate-overlap');

for (const length of [150, 420]) {
  test(`a repeat of ${length} words, re-transcribed with a filler every fifth word, is found whole`, () => {
    const passage = speech(length, length);
    const text = lines(
      `Speaker 1: ${speech(60, 1)} ${passage}`,
      'This chunk continues in the next part.',
      `Speaker 1: ${retranscribed(passage, 5)} ${speech(30, 2)}`,
    );
    const found = overlapsOf(text);
    assert.equal(found.length, 1);
    const repeatWords = text.split('\n')[2]!.slice(found[0]!.range.start.character, found[0]!.range.end.character).split(' ').length;
    assert.ok(repeatWords >= length, `the repeat covers the whole passage (${repeatWords} words)`);
  });
}

/**
 * A passage of 420 words in turns of 30, with rising stamps, then again re-transcribed with a
 * filler every `every`th word (a third longer with every third), each stamp as before.
 */
function passageInTurnsTwice(every: number, marker: boolean): string {
  const words = speech(420, 420).split(' ');
  const turns: string[] = [];
  for (let k = 0; k < words.length; k += 30) turns.push(words.slice(k, k + 30).join(' '));
  const stamp = (seconds: number) => `[00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
  const told = (turn: string, k: number) => `${stamp(20 + 10 * k)} Speaker ${(k % 2) + 1}: ${turn}`;
  return lines(
    `${stamp(0)} Speaker 1: ${speech(60, 1)}`,
    ...turns.map(told),
    ...(marker ? ['This chunk continues in the next part.'] : []),
    ...turns.map((turn, k) => told(retranscribed(turn, every), k)),
    `${stamp(900)} Speaker 1: ${speech(30, 2)}`,
  );
}

test('a repeat over many turns, a third longer than its original for its fillers, is found whole: its turns are read as far as it may go', () => {
  const found = analyze(passageInTurnsTwice(3, true)).overlaps;
  assert.equal(found.length, 1);
  const [overlap] = found;
  // To the last of the 14 turns, and every word of the original it covers matched.
  assert.equal(overlap!.repeat.length, 14);
  assert.equal(overlap!.matchedWords, overlap!.originalLength);
  assert.ok(overlap!.matchedWords >= 400, `${overlap!.matchedWords} words matched`);
});

test('a re-transcribed repeat over many turns, longer than its original for its fillers, is a join where its stamp goes back, at its first turn', () => {
  for (const every of [5, 3]) {
    assert.deepEqual(boundaries(passageInTurnsTwice(every, false)), [
      ['document-start', 0],
      ['repeat', 15],
    ]);
  }
});

test('a turn that opens by repeating the end of the turn before, with no marker, starts a chunk of its own', () => {
  const text = lines(
    `Speaker 1: ${speech(40, 3)} Then we walked down to the harbour and counted the boats before the rain came in.`,
    'Speaker 1: Walked down to the harbour and counted the boats before the rain came in. After that we went home.',
  );
  const { chunks } = parseTranscript(text);
  assert.deepEqual(
    chunks.map((c) => c.boundary),
    ['document-start', 'repeat'],
  );
  assert.equal(overlapsOf(text).length, 1);
});

test('real repetition inside a chunk starts no chunk: a short echo, a question asked back, a phrase said twice', () => {
  const text = lines(
    '[00:00:01] Speaker 1: Where were you on the night of the storm?',
    '[00:00:04] Speaker 2: Where was I on the night of the storm? At home.',
    '[00:00:08] Speaker 1: I was against it. I was against it from the start.',
    '[00:00:12] Speaker 2: Against it from the start, you say.',
  );
  assert.equal(parseTranscript(text).chunks.length, 1);
  assert.deepEqual(overlapsOf(text), []);
});

test('a short repeat counts as a join only with a second sign: a stamp that goes back', () => {
  const turns = (secondStamp: string) =>
    lines(
      '[00:01:00] Speaker 1: We planted the willow by the quarry gate last spring.',
      `[${secondStamp}] Speaker 2: The willow by the quarry gate last spring. It took well.`,
    );
  assert.equal(parseTranscript(turns('00:01:05')).chunks.length, 1, 'a stamp that moves on: speech');
  assert.equal(parseTranscript(turns('00:00:58')).chunks.length, 2, 'a stamp that goes back: a join');
});

test('Keep One Copy cuts both copies where sentences meet, keeping the fewest words twice and losing none', () => {
  // Any cut leaves a few words twice here; this one three (`fixed the lantern`), where keeping
  // the earlier turn whole would leave six (`and we are proud of it`), and any other loses `pier`.
  const text = lines(
    'Speaker 1: "We fixed the lantern on the pier. It was the last one left, and we are proud of it."',
    '',
    'This chunk continues in the next part.',
    '',
    'Speaker 1: "Fixed the lantern and it was the last one left. And we are proud of it, all of us who came every weekend. Then the rain stopped."',
  );
  const fix = codeActions(analyze(text), { start: { line: 4, character: 15 }, end: { line: 4, character: 15 } }).find((a) => a.isPreferred)!;
  assert.match(fix.title, /^Keep one copy: keep the earlier copy up to a sentence, the later from there/);
  assert.equal(
    applyEdits(text, fix.edits),
    lines(
      'Speaker 1: "We fixed the lantern on the pier."',
      '',
      'This chunk continues in the next part.',
      '',
      'Speaker 1: "Fixed the lantern and it was the last one left. And we are proud of it, all of us who came every weekend. Then the rain stopped."',
    ),
  );
});

test('the later copy is kept where the earlier was cut off, and where it keeps a speaker change the earlier merged', () => {
  const text = lines(
    '[00:00:10] Speaker 1: The orchard was planted in the spring. Who planted it? My grandmother planted every tree in the orchard.',
    'This chunk continues in the next part.',
    '[00:00:12] Speaker 2: Who planted it?',
    '[00:00:14] Speaker 1: My grandmother planted every tree in the orchard, one row each summer.',
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(
    fixed,
    lines(
      '[00:00:10] Speaker 1: The orchard was planted in the spring.',
      'This chunk continues in the next part.',
      '[00:00:12] Speaker 2: Who planted it?',
      '[00:00:14] Speaker 1: My grandmother planted every tree in the orchard, one row each summer.',
    ),
  );
  assert.deepEqual(fixAll(analyze(fixed)), [], 'a fixed point');
});

test('no mend is offered, and Fix All leaves the seam, where every cut would lose a word found nowhere else', () => {
  const text = lines(
    'Speaker 1: We tried six springs from the hardware shop before one held the speed steady.',
    'This chunk continues in the next part.',
    'Speaker 1: Six springs from the hardware shop and one held the speed steady, and then we stopped touching it.',
  );
  const analysis = analyze(text);
  assert.equal(overlapsOf(text).length, 1);
  const titles = codeActions(analysis, { start: { line: 2, character: 12 }, end: { line: 2, character: 12 } }).map((a) => a.title);
  assert.ok(!titles.some((t) => t.startsWith('Keep one copy')), titles.join('; '));
  assert.deepEqual(fixAll(analysis), []);
});

test('mending keeps positions right with emoji, CJK, CRLF and a byte-order mark', () => {
  const earlier = 'Speaker 1: 我们 修好了 灯笼 🏮 on the pier today. It was the last lantern left and we are proud.';
  const later = 'Speaker 1: It was the last lantern left and we are proud. 然后 we went home 🏠.';
  const text = `\uFEFF${earlier}\r\nThis chunk continues in the next part.\r\n${later}\r\n`;
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed, `\uFEFF${earlier}\r\nThis chunk continues in the next part.\r\nSpeaker 1: 然后 we went home 🏠.\r\n`);
});

test('the seam hover shows both copies, struck where the fix deletes and bold where one copy has more', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We drank the tea in the garden before anyone else woke up.',
    'This chunk continues in the next part.',
    'Speaker 1: We drank the tea in the garden before anyone else woke up, and then the birds came.',
  );
  const shown = hover(analyze(text), { line: 2, character: 14 })!.contents;
  assert.match(shown, /^\*\*Repeated passage\*\*: \d+ of \d+ words match/);
  assert.match(shown, /Earlier copy \(line 1\): .*~~We drank the tea/);
  assert.match(shown, /Later copy \(line 3\): .*\*\*and then the birds came\\\.\*\*/);
});

test('a turn typed before the first one a boundary check read makes its kept result stale', () => {
  // Before the edit the first line is no turn, so the check of the last boundary reads back to
  // `seven eight`, the document's first turn, and finds nothing; the colon makes a turn before it.
  const before = lines(
    'Speaker 1 one two three four five six',
    'This chunk continues in the next part.',
    'Speaker 2: seven eight',
    'This chunk continues in the next part.',
    '[00:00:01] Speaker 3: one two three four five six seven eight nine',
  );
  const after = before.replace('Speaker 1 one', 'Speaker 1: one');
  const service = createTranscriptService();
  service.diagnostics(textDocument('file:///typed.transcript', before, 1));
  const codes = service.diagnostics(textDocument('file:///typed.transcript', after, 2)).map((d) => d.code);
  assert.deepEqual(
    codes,
    computeDiagnostics(analyze(after)).map((d) => d.code),
  );
  assert.ok(codes.includes('duplicate-overlap'));
});

test('a turn the mend would leave with only a sound note goes whole, when the note is found elsewhere too', () => {
  const text = lines(
    'Speaker 1: [laughter] We rebuilt the orchard wall stone by stone over three summers.',
    'Speaker 2: That wall has stood for a whole century now.',
    'This chunk continues in the next part.',
    'Speaker 2: That wall has stood for a century now. [laughter]',
    'Speaker 1: And it will stand for another.',
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.ok(!/^Speaker 2: \[laughter\]$/m.test(fixed), `no turn is left as a bare note:\n${fixed}`);
  assert.equal((fixed.match(/That wall has stood for/g) ?? []).length, 1, fixed);
});

test('an earlier copy cut off mid-sentence is finished with the rest of the sentence from the later copy, which keeps its next sentence', () => {
  // The later copy lost `That` and added `um,`: cutting where sentences meet would keep
  // `means jobs…` opening a turn, or drop the earlier reading; carrying keeps both whole.
  const text = lines(
    'Speaker 1: "I want us to invest in your future. That means jobs in infrastructure, in advanced manufacturing, innovation..."',
    '',
    'This chunk continues in the next part.',
    '',
    'Speaker 1: "In your future. means jobs in um, infrastructure, in advanced manufacturing, innovation and technology, clean energy, and small business. We also have to make the economy fairer."',
  );
  const fix = codeActions(analyze(text), { start: { line: 4, character: 14 }, end: { line: 4, character: 14 } }).find((a) => a.isPreferred)!;
  assert.match(
    fix.title,
    /^Keep one copy: keep the earlier copy, its last sentence finished with “and technology, clean energy, and small …” from the later/,
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(
    fixed,
    lines(
      'Speaker 1: "I want us to invest in your future. That means jobs in infrastructure, in advanced manufacturing, innovation and technology, clean energy, and small business."',
      '',
      'This chunk continues in the next part.',
      '',
      'Speaker 1: "We also have to make the economy fairer."',
    ),
  );
  assert.deepEqual(fixAll(analyze(fixed)), [], 'a fixed point');
});

test('carrying onto the end of a line the later turn is deleted from is one edit, and the later turn goes whole', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country and',
    '[00:00:01] Speaker 2: bridges across the whole country and the harbour wall too.',
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed, lines('[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country and the harbour wall too.'));
});

test('where both copies break off at the same word, the earlier is kept whole: nothing is cut off that the other has whole', () => {
  // The speaker was interrupted; the later copy heard `know` as nothing. Keeping its last
  // sentence would drop `know` for the sake of an ending the earlier copy has as well.
  const text = lines(
    'Speaker 1: You know what I think. You are free to release your taxes during an audit. And so the question, does the right to know outweigh your privacy...',
    '',
    'This chunk continues in the next part.',
    '',
    'Speaker 1: Taxes during um, an audit. And so the question, does the right to outweigh your privacy...',
    '',
    'Speaker 2: Well, I told you, I will release them as soon as the audit is over.',
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(
    fixed,
    lines(
      'Speaker 1: You know what I think. You are free to release your taxes during an audit. And so the question, does the right to know outweigh your privacy...',
      '',
      'This chunk continues in the next part.',
      '',
      'Speaker 2: Well, I told you, I will release them as soon as the audit is over.',
    ),
  );
});

test('a dash that ends a turn goes with the words deleted before it', () => {
  const text = lines(
    'Speaker 1: The lantern was lit every night. Somebody had to climb the stairs at dusk, and the keeper would always say --',
    '',
    'This chunk continues in the next part.',
    '',
    'Speaker 2: Somebody had to climb the stairs at dusk, and the keeper would always say -- well, you know what he would say. He said it every night.',
  );
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.ok(!/--\s*$/m.test(fixed.split('\n')[0]!), `the earlier turn does not end on a dash:\n${fixed}`);
  assert.equal((fixed.match(/Somebody had to climb the stairs/g) ?? []).length, 1, fixed);
});

const boundaries = (text: string) => parseTranscript(text).chunks.map((c) => [c.boundary, c.range.start.line]);

test('a join whose first turn is shorter than three words (`You know,`) is found from the words of the turns after it', () => {
  const passage = speech(60, 11);
  const text = lines(
    `[00:07:05] Speaker 1: ${speech(30, 12)}`,
    '[00:07:19] Speaker 2: You know,',
    '[00:07:21] Speaker 1: you know, this is',
    `[00:07:22] Speaker 2: a little bit divisive. ${passage}`,
    '[00:07:19] Speaker 2: You know,',
    '[00:07:21] Speaker 1: you know, this is',
    `[00:07:22] Speaker 2: a little bit divisive. ${passage}`,
    `[00:08:52] Speaker 2: ${speech(20, 13)}`,
  );
  assert.deepEqual(boundaries(text), [
    ['document-start', 0],
    ['repeat', 4],
  ]);
  assert.deepEqual(
    overlapsOf(text).map((d) => d.range.start.line),
    [4, 5, 6],
  );
});

test('a short turn before the one that repeats does not take its join', () => {
  // The short turn, read with the turns after it, opens two words before the repeat does.
  const [first, second] = [speech(40, 14), speech(20, 15)];
  const text = lines(
    `[00:13:06] Speaker 1: ${first}`,
    `[00:14:11] Speaker 2: ${second}`,
    '[00:19:02] Speaker 3: Well, actually...',
    `[00:13:06] Speaker 1: ${first}`,
    `[00:14:11] Speaker 2: ${second}`,
    '[00:19:02] Speaker 3: Well, actually...',
    `[00:19:05] Speaker 1: ${speech(10, 16)}`,
  );
  assert.deepEqual(boundaries(text), [
    ['document-start', 0],
    ['repeat', 3],
  ]);
});

test('a long re-transcribed repeat is a join with no second sign, where turns of one template are not', () => {
  // A filler every fourth word and every ninth word lost: some 75 % of the words match, under
  // the 90 % a short join needs without a second sign.
  // Varied speech, as a template's is not: its words are of many kinds.
  const passage = [
    'When the ferry stopped running in the winter of that year, the whole village had to find another way across.',
    'My father built a raft from the old barn doors, and every morning he rowed the baker, the postman and two teachers over the water.',
    'Nobody paid him, but the baker left a loaf on our step each Friday, and the teachers taught my sister to read music.',
    'By spring the council had repaired the ferry, yet people still asked for the raft.',
  ].join(' ');
  const heard = retranscribed(passage, 4)
    .split(' ')
    .filter((_, k) => k % 9 !== 8)
    .join(' ');
  const joined = lines(`Speaker 2: ${speech(30, 18)} ${passage}`, `Speaker 2: ${heard} ${speech(20, 19)}`);
  assert.deepEqual(boundaries(joined), [
    ['document-start', 0],
    ['repeat', 1],
  ]);
  // Six words in seven match from one turn to the next, over and over, with few kinds of word.
  const template = lines(...Array.from({ length: 40 }, (_, k) => `Speaker ${(k % 2) + 1}: Turn number ${k + 1} of a long talk.`));
  assert.equal(parseTranscript(template).chunks.length, 1);
});

test('a repeat that begins inside a turn further back than the last 150 words is a join when it is long, and a self-quote is not', () => {
  const opening = speech(120, 20);
  const middle = speech(200, 21);
  const reply = speech(40, 22);
  const joined = lines(`Speaker 1: ${opening} ${middle}`, `Speaker 2: ${reply}`, `Speaker 1: ${middle}`, `Speaker 2: ${reply} ${speech(15, 23)}`);
  assert.deepEqual(boundaries(joined), [
    ['document-start', 0],
    ['repeat', 2],
  ]);
  // Twelve words said again 300 words later, and the speaker goes on: speech, not a join.
  const quoted = lines(
    `Speaker 1: ${opening} ${middle}`,
    `Speaker 2: ${reply}`,
    `Speaker 1: ${middle.split(' ').slice(0, 12).join(' ')} ${speech(30, 24)}`,
  );
  assert.equal(parseTranscript(quoted).chunks.length, 1);
});
