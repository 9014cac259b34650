import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lines } from './helpers';
import { FRESH, passage, sentence } from './overlapPassages';
import { retranscribed, speech } from './inventedSpeech';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { draftText, JoinFinder, joinQuestion, noJoinAround } from '../../server/src/service/parse/joins';
import { SectionText } from '../../server/src/service/parse/sourceText';

/*
 * Joins no marker shows: the rules docs/diagnostics.md ("How seams are found", "Joins no marker
 * shows") gives for when a turn that opens by repeating the text before it starts a chunk, each
 * pinned at its threshold: the number that makes a join, and the one below it that does not.
 * The repeated words (`passage`) occur nowhere else in these documents, so nothing but the rule
 * under test decides.
 */

/** Where each chunk starts: its boundary kind and first line. */
const boundaries = (text: string) => parseTranscript(text).chunks.map((c) => [c.boundary, c.range.start.line]);
const ONE_CHUNK = [['document-start', 0]];
const joinAt = (line: number) => [
  ['document-start', 0],
  ['repeat', line],
];

/** Words said before the passage, and after the repeat: none of them in the passage. */
const BEFORE = sentence(FRESH.slice(0, 12));
const AFTER = sentence(FRESH.slice(12, 20));

interface Turns {
  /** Whether the repeating turn goes on past the repeat (else the next turn is another speaker's). */
  goesOn?: boolean;
  /** The two turns' stamps, if any. */
  stamps?: [string, string];
  labels?: [string, string];
}

/** A turn that ends with `said`, then one that opens with `repeat`. */
function twoTurns(
  said: readonly string[],
  repeat: readonly string[],
  { goesOn = true, stamps, labels = ['Speaker 1', 'Speaker 2'] }: Turns = {},
): string {
  const header = (k: 0 | 1) => (stamps ? `[${stamps[k]}] ${labels[k]}:` : `${labels[k]}:`);
  return lines(
    `${header(0)} ${BEFORE} ${sentence(said)}`,
    `${header(1)} ${sentence(repeat)}${goesOn ? ` ${AFTER}` : ''}`,
    ...(goesOn ? [] : [`Speaker 3: ${AFTER}`]),
  );
}

/** The same `count` words said twice. */
const said = (count: number) => twoTurns(passage(count), passage(count));

test('with no other sign, 10 repeated words are a join when the turn goes on past them; 9 are not', () => {
  assert.deepEqual(boundaries(said(10)), joinAt(1));
  assert.deepEqual(boundaries(said(9)), ONE_CHUNK);
});

test('a turn that is nothing but the repeat is a join at 12 words said word for word, not at 11', () => {
  const turnOf = (count: number) => twoTurns(passage(count), passage(count), { goesOn: false });
  assert.deepEqual(boundaries(turnOf(12)), joinAt(1));
  assert.deepEqual(boundaries(turnOf(11)), ONE_CHUNK);
});

test('a turn that is nothing but a repeat heard nearly word for word is a join at 20 matching words, not at 19', () => {
  // One word in the middle heard another way: 20 of 21 words match, or 19 of 20.
  const heardOnce = (count: number) => twoTurns(passage(count), passage(count, new Set([10])), { goesOn: false });
  assert.deepEqual(boundaries(heardOnce(21)), joinAt(1));
  assert.deepEqual(boundaries(heardOnce(20)), ONE_CHUNK);
});

test('with no other sign, nine words in ten must match', () => {
  // Three words of thirty heard another way is nine in ten exactly; four, under it.
  assert.deepEqual(boundaries(twoTurns(passage(30), passage(30, new Set([4, 14, 24])))), joinAt(1));
  assert.deepEqual(boundaries(twoTurns(passage(30), passage(30, new Set([6, 13, 20, 27])))), ONE_CHUNK);
});

/** `words` with a filler after every `every`th: a re-transcription that heard more than was said. */
const withFillers = (words: readonly string[], every: number) => retranscribed(words.join(' '), every).split(' ');

test('with no other sign, a re-transcription is a join from 40 matching words, seven in ten of the longer side', () => {
  // A filler after every fourth word: 40 words of 50 match (four in five), 39 of 49.
  assert.deepEqual(boundaries(twoTurns(passage(40), withFillers(passage(40), 4))), joinAt(1));
  assert.deepEqual(boundaries(twoTurns(passage(39), withFillers(passage(39), 4))), ONE_CHUNK);
  // A filler after every other word: 40 of 60 (two in three).
  assert.deepEqual(boundaries(twoTurns(passage(40), withFillers(passage(40), 2))), ONE_CHUNK);
});

test('a re-transcribed join needs 24 different words, fillers among them: a few said over and over are a template', () => {
  // Forty words of 23 kinds, and of 22, heard with a filler (one kind more) after every fourth.
  const cycled = (kinds: number) => Array.from({ length: 40 }, (_, k) => passage(kinds)[k % kinds]!);
  assert.deepEqual(boundaries(twoTurns(cycled(23), withFillers(cycled(23), 4))), joinAt(1));
  assert.deepEqual(boundaries(twoTurns(cycled(22), withFillers(cycled(22), 4))), ONE_CHUNK);
});

for (const [kind, stamps] of [
  ['goes back', ['00:01:00', '00:00:58']],
  ['stands still', ['00:01:00', '00:01:00']],
] as const) {
  test(`a stamp that ${kind} is a second sign: 6 repeated words are a join, 5 are not`, () => {
    const join = (count: number) => twoTurns(passage(count), passage(count), { stamps: [...stamps] });
    assert.deepEqual(boundaries(join(6)), joinAt(1));
    assert.deepEqual(boundaries(join(5)), ONE_CHUNK);
  });
}

test('with a stamp that goes back, three words in five must match', () => {
  // Six of ten words match; seven of twelve do not.
  const stamps: [string, string] = ['00:01:00', '00:00:58'];
  assert.deepEqual(boundaries(twoTurns(passage(10), passage(10, new Set([1, 3, 7, 8])), { stamps })), joinAt(1));
  assert.deepEqual(boundaries(twoTurns(passage(12), passage(12, new Set([1, 3, 5, 9, 10])), { stamps })), ONE_CHUNK);
});

test('a chunk of only six words so far can be repeated, with a stamp that goes back', () => {
  const text = lines(`[00:01:00] Speaker 1: ${sentence(passage(6))}`, `[00:00:58] Speaker 2: ${sentence(passage(6))} ${AFTER}`);
  assert.deepEqual(boundaries(text), joinAt(1));
});

test('a stamp that moves on is a speaker saying it again: the repeat needs 20 words, and 19 are not a join', () => {
  const later = (count: number) => twoTurns(passage(count), passage(count), { stamps: ['00:01:00', '00:01:10'] });
  assert.deepEqual(boundaries(later(20)), joinAt(1));
  assert.deepEqual(boundaries(later(19)), ONE_CHUNK);
});

test('a label numbering that starts again at 1 lets a turn that is all repeat count at 10 words', () => {
  const restart = twoTurns(passage(10), passage(10), { goesOn: false, labels: ['Speaker 2', 'Speaker 1'] });
  assert.deepEqual(boundaries(restart), joinAt(1));
  // The number is read from the label's end, zeros and all (`SPEAKER_10`, `SPEAKER_01`).
  const diarized = twoTurns(passage(10), passage(10), { goesOn: false, labels: ['SPEAKER_10', 'SPEAKER_01'] });
  assert.deepEqual(boundaries(diarized), joinAt(1));
  for (const labels of [
    ['Speaker 1', 'Speaker 2'],
    ['Speaker 1', 'Speaker 1'],
  ] as const) {
    assert.deepEqual(boundaries(twoTurns(passage(10), passage(10), { goesOn: false, labels: [...labels] })), ONE_CHUNK, labels.join(', then '));
  }
});

test('a name the chunk had under another label is a second sign: 6 words are a join', () => {
  // `Speaker 1 (Ann Lee)` where Ann Lee was `Speaker 3`: the labels started over.
  const named = (first: string, second: string) => twoTurns(passage(6), passage(6), { labels: [first, second] });
  assert.deepEqual(boundaries(named('Speaker 3 (Ann Lee)', 'Speaker 1 (Ann Lee)')), joinAt(1));
  assert.deepEqual(boundaries(named('Speaker 3 (Ann Lee)', 'Speaker 3 (Ann Lee)')), ONE_CHUNK);
  assert.deepEqual(boundaries(named('Speaker 3 (Ann Lee)', 'Speaker 1 (Bob Ray)')), ONE_CHUNK);
});

test('segments with no speaker join only where the stamp goes back, whatever the length: rolling captions repeat by design', () => {
  const segments = (secondStamp: string) =>
    lines(
      `00:01:00 ${BEFORE} ${sentence(passage(24))}`,
      `${secondStamp} ${sentence(passage(24))} ${AFTER}`,
      `00:01:09 ${sentence(FRESH.slice(20, 26))}`,
    );
  assert.deepEqual(boundaries(segments('00:01:05')), ONE_CHUNK);
  assert.deepEqual(boundaries(segments('00:00:58')), joinAt(1));
});

test('a turn may say ten words of its own before the repeat; after eleven, the repeat is its speech', () => {
  const late = twoTurns(passage(30), [...FRESH.slice(14, 24), ...passage(30)]);
  assert.deepEqual(boundaries(late), joinAt(1));
  const tooLate = twoTurns(passage(30), [...FRESH.slice(14, 25), ...passage(30)]);
  assert.deepEqual(boundaries(tooLate), ONE_CHUNK);
});

test('a repeat that runs over two paragraphs of the turn is read whole', () => {
  const words = passage(16);
  const text = lines(`Speaker 1: ${BEFORE} ${sentence(words)}`, `Speaker 2: ${words.slice(0, 5).join(' ')}`, `${words.slice(5).join(' ')}. ${AFTER}`);
  assert.deepEqual(boundaries(text), joinAt(1));
});

/** `count` turns of invented speech, ten words each, the first three of each unlike any other's. */
function turnsOfSpeech(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, k) => `Speaker ${(k % 2) + 1}: ${FRESH[k % FRESH.length]} ${speech(9, seed + k)}`);
}

test("a copy of whole turns further back than 150 words is found where it opens as one of the chunk's last 32 turns did", () => {
  // The copy opens with a turn of four words: too short to be a sentence opening that the search
  // would look back from. Each turn here is ten words, so the copies start 320 and 330 words back.
  const copyOf = (turnsBack: number) => {
    const before = turnsOfSpeech(40, 100);
    const copied = ['Speaker 1: Yankee zulu xray whiskey.', ...before.slice(40 - turnsBack + 1)];
    const chunk = [`Speaker 2: ${speech(20, 99)}`, ...before.slice(0, 40 - turnsBack + 1), copied[0]!, ...before.slice(40 - turnsBack + 1)];
    return { text: lines(...chunk, ...copied, `Speaker 2: ${AFTER}`), copyStartsAt: chunk.length };
  };
  const within = copyOf(32);
  assert.deepEqual(boundaries(within.text), joinAt(within.copyStartsAt));
  const beyond = copyOf(33);
  assert.ok(
    !boundaries(beyond.text).some(([, line]) => line === beyond.copyStartsAt),
    'the turn 33 back is not among those the copy is looked for from',
  );
});

for (const ending of ['?', '!', '.', '."', ".'", '.\u201d', '.\u2019', '.)', '.]']) {
  test(`a long repeat that begins at a sentence inside a turn, past the last 150 words, is found after \`${ending}\``, () => {
    const repeated = `${sentence(passage(25))} ${speech(160, 41)}`;
    const text = lines(`Speaker 1: ${BEFORE.slice(0, -1)}${ending} ${repeated}`, `Speaker 2: ${repeated} ${AFTER}`);
    assert.deepEqual(boundaries(text), joinAt(1));
  });
}

test('a draft read from its end gives its lines last first, and stops where the reader says', () => {
  const text = 'Speaker 1: one\ntwo three\nfour';
  const source = new SectionText(text, 0, 0, [0, 15, 25]);
  // Line, then the start and end of its text on the line.
  const places = [0, 11, 14, 1, 0, 9, 2, 0, 4];
  const read = (fromEnd: boolean, stopAfter = Infinity) => {
    const out: string[] = [];
    draftText(places, source).readSegments((t, start, end, line, character) => {
      out.push(`${line}:${character} ${t.slice(start, end)}`);
      return out.length >= stopAfter;
    }, fromEnd);
    return out;
  };
  assert.deepEqual(read(false), ['0:11 one', '1:0 two three', '2:0 four']);
  assert.deepEqual(read(true), ['2:0 four', '1:0 two three', '0:11 one']);
  assert.deepEqual(read(true, 2), ['2:0 four', '1:0 two three']);
});

/**
 * The long search, asked of a `JoinFinder` turn by turn as the parser asks it: each turn is words
 * no other turn has (`aa`, `ab`, … after a prefix), so that only the repeat can match.
 */
class Chunks {
  readonly finder = JoinFinder.take();
  private chunk: string[] = [];

  static words(prefix: string, count: number): string[] {
    return Array.from({ length: count }, (_, k) => prefix + String.fromCharCode(97 + Math.floor(k / 26), 97 + (k % 26)));
  }

  add(...turns: string[][]): void {
    for (const turn of turns) {
      this.finder.addTurn(Chunks.reader(turn));
      this.chunk.push(turn.join(' '));
    }
  }

  startChunk(): void {
    this.finder.startChunk();
    this.chunk = [];
  }

  /** Whether a turn of `words`, with a stamp that goes back, opens by repeating the chunk's text. */
  opensWithRepeat(words: string[]): boolean {
    const earlier = (k: number) => (k < this.chunk.length ? Chunks.reader(this.chunk[this.chunk.length - 1 - k]!.split(' ')) : undefined);
    return this.finder.opensWithRepeat(Chunks.reader(words), () => undefined, 'strong', earlier);
  }

  static reader(words: readonly string[]) {
    const text = words.join(' ');
    return {
      readSegments: (visit: (text: string, start: number, end: number, line: number, character: number) => unknown) =>
        void visit(text, 0, text.length, 0, 0),
    };
  }
}

test('a finder given back forgets the run of turns it read: taken again for the next section, it finds no repeat of that run', () => {
  // The turn repeats the first run's last 40 words and the next run's 20, as a join would.
  const [said, next] = [Chunks.words('ra', 60), Chunks.words('rb', 20)];
  const repeat = Chunks.reader([...said.slice(20), ...next, ...Chunks.words('new', 12)]);
  const asked = (released: boolean) => {
    const finder = JoinFinder.take();
    finder.addTurn(Chunks.reader(said));
    let taken = finder;
    if (released) {
      finder.release();
      taken = JoinFinder.take();
      // The same finder, reused: the point of giving it back.
      assert.equal(taken, finder);
    }
    taken.addTurn(Chunks.reader(next));
    return taken.opensWithRepeat(
      repeat,
      () => undefined,
      'strong',
      () => undefined,
    );
  };
  assert.equal(asked(false), true, 'the same words are a join within one run');
  assert.equal(asked(true), false);
});

test('a long search reads the turns said since the last one, once: a repeat that runs from before it to the end is found', () => {
  // The stamp of the fifth turn stands still: a long search that finds nothing. The sixth repeats
  // from the middle of the third turn to the end, 230 words, beyond the last 150.
  const [t1, t2, t3, t4, t5, t6, t7] = ['ka', 'kb', 'kc', 'kd', 'ke', 'kf', 'kg'].map((prefix, k) => Chunks.words(prefix, k === 4 ? 20 : 60));
  const chunks = new Chunks();
  chunks.add(t1!, t2!, t3!, t4!);
  assert.equal(chunks.opensWithRepeat(t5!), false);
  chunks.add(t5!, t6!, t7!);
  assert.equal(chunks.opensWithRepeat([...t3!.slice(30), ...t4!, ...t5!, ...t6!, ...t7!, ...Chunks.words('new', 12)]), true);
});

test("after a chunk starts, the long search reads only the new chunk's words", () => {
  // The chunk before held more than the 1,500 words the search reads; the turn repeats its last
  // words and the new chunk's: a repeat of the chunk before is no join of this one.
  const before = Array.from({ length: 16 }, (_, k) => Chunks.words(`p${String.fromCharCode(97 + k)}`, 100));
  const [b1, b2] = [Chunks.words('qa', 30), Chunks.words('qb', 30)];
  const repeat = [...before[15]!.slice(80), ...b1, ...b2, ...Chunks.words('new', 12)];
  // Asked about a turn in the chunk before, or not: the finder reads a chunk's turns when it is
  // next asked, and what it had not read of the chunk before is not the new chunk's.
  const asked = (startChunk: boolean, askedBefore: boolean) => {
    const chunks = new Chunks();
    chunks.add(...before);
    if (askedBefore) assert.equal(chunks.opensWithRepeat(Chunks.words('odd', 20)), false);
    if (startChunk) chunks.startChunk();
    chunks.add(b1, b2);
    return chunks.opensWithRepeat(repeat);
  };
  for (const askedBefore of [true, false]) {
    assert.equal(asked(false, askedBefore), true, 'the same words are a join within one chunk');
    assert.equal(asked(true, askedBefore), false);
  }
});

test('after an edit, a turn whose head reaches the edited one is asked again of a finder that holds what came before it', () => {
  // The second turn is 1,500 words: the first whose head (1,510 words) reaches the third, the one
  // edited; the first turn's does not. It opens by repeating the first turn's last 20 words, and
  // goes on: a join, found only by a finder that has read the first turn.
  const said = Chunks.words('sa', 60);
  const edited = Chunks.reader(Chunks.words('sc', 30));
  const asked = joinQuestion('none', false);
  const noJoin = (second: string[]) => {
    const turns = [Chunks.reader(said), Chunks.reader(second), edited];
    return noJoinAround(3, (i) => turns[i]!, Uint8Array.of(0, asked, asked), 2, edited);
  };
  assert.equal(noJoin([...said.slice(40), ...Chunks.words('sb', 1480)]), false);
  assert.equal(noJoin([...Chunks.words('sd', 20), ...Chunks.words('sb', 1480)]), true);
});
