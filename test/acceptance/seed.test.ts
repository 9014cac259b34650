import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { assertFixAllSettles, assertNormalizeKeepsContent } from '../unit/helpers';
import { applyEdits } from '../../server/src/service/util/edits';
import { acceptanceTest, sharedPath } from './shared';

/** The real transcript the format was specified from, beside the repository in `shared/seed/`. */
const SEED = 'the real seed transcript in ../shared/seed/';

acceptanceTest('the seed transcript: every turn (87) is in the outline under its chunk, with no problems', SEED, () => {
  const seedFolder = sharedPath('seed');
  const seed = readdirSync(seedFolder).find((name) => name.endsWith('.txt'))!;
  const model = parseTranscript(readFileSync(join(seedFolder, seed), 'utf8'));
  const outline = documentSymbols(model);
  assert.equal(
    outline.reduce((sum, chunk) => sum + chunk.children.length, 0),
    87,
  );
  assert.deepEqual(model.problems, []);
  assert.equal(model.markers.length, 7);
  assert.equal(model.chunks.filter((c) => c.boundary === 'explicit').length, 6);
  assert.ok(model.chunks.filter((c) => c.boundary === 'implicit').length >= 8, 'the seed has format changes with no marker');
  // The chunk of `[00:07:53]`…`[00:09:05]` ends where `(Sentiment: …)` lines begin at `[00:09:24]`.
  const startsAt = model.chunks.map((c) => model.turns[c.turnIndices[0]!]?.timestamp?.seconds);
  assert.ok(startsAt.includes(9 * 60 + 24));
  // Every repeat where the seed's chunks meet, each diagnostic on its own turn (1-based lines).
  const overlaps = createTranscriptService()
    .diagnostics(textDocument('file:///seed.txt', readFileSync(join(seedFolder, seed), 'utf8')))
    .filter((d) => d.code === 'duplicate-overlap')
    .map((d) => d.range.start.line + 1);
  assert.deepEqual(overlaps, [78, 81, 84, 119, 133, 151, 169, 185, 200, 204, 242]);
  // The join after line 147 shows by nothing but the repeat: it is a chunk boundary of its own kind.
  assert.deepEqual(
    model.chunks.filter((c) => c.boundary === 'repeat').map((c) => c.range.start.line + 1),
    [151],
  );
  assertFixAllSettles(createTranscriptService(), readFileSync(join(seedFolder, seed), 'utf8'));
  const researcher = model.turns.filter((t) => t.form === 'announced');
  assert.deepEqual(
    researcher.map((t) => [t.name, t.timestamp?.seconds]),
    [
      ['Researcher', 968],
      ['Researcher', 1021],
    ],
  );
});

/**
 * Normalising the seed changes how it is written, never what it says; the checks are those
 * test/unit/export-normalize.test.ts makes of every transcript it normalises.
 */
acceptanceTest('normalize keeps the content of the seed transcripts, and a second pass changes nothing', SEED, () => {
  const seedFolder = sharedPath('seed');
  for (const name of readdirSync(seedFolder)) {
    assertNormalizeKeepsContent(readFileSync(join(seedFolder, name), 'utf8'), name);
  }
});

/** A turn's text as a reader judges it: it starts a sentence and ends one. */
const STARTS_SENTENCE = /^["'“‘(]*[\p{Lu}\d]/u;
const ENDS_SENTENCE = /[.?!]["'”’)]*$/;

/*
 * Fix All on the seed, seam by seam: one copy of each repeated passage, the better copy kept,
 * cut where sentences meet. Each expectation quotes the few words on either side of the seam as
 * it should read after the fix (the seed's own words, so only as many as tell the seam).
 */
acceptanceTest('Fix All mends the nine seams of the seed into text that reads whole', SEED, () => {
  const seedFolder = sharedPath('seed');
  const seed = readdirSync(seedFolder).find((name) => name.endsWith('.txt'))!;
  const text = readFileSync(join(seedFolder, seed), 'utf8');
  const service = createTranscriptService();
  const fixed = applyEdits(text, service.fixAll(textDocument('file:///seed.txt', text)));
  const expectSeam = (seam: string, ...inOrder: string[]) => {
    let from = 0;
    for (const piece of inOrder) {
      const at = fixed.indexOf(piece, from);
      assert.ok(at >= 0, `seam ${seam}: the fixed text has “${piece}” after the piece before it`);
      from = at + piece.length;
    }
  };
  const expectGone = (seam: string, piece: string) => assert.ok(!fixed.includes(piece), `seam ${seam}: “${piece}” is gone`);

  // 1 (lines 76–84): the later copy is kept, as it has the question and the answer as two turns;
  // the earlier turn that merged them goes, and so does the later fragment of a sentence already whole.
  expectSeam(
    '1',
    "whatever the task you're doing.\n",
    'Sentiment: Thoughtful, Educational\n\n[00:01:33] Speaker 2: How long have you guys been working on this?\n',
  );
  expectSeam(
    '1',
    '[00:01:35] Speaker 1: Early on at OpenAI, we were very inspired by the AlphaGo results and the potential of deep reinforcement learning.',
  );
  expectGone('1', "Speaker 1: Whatever the task you're doing.");
  expectGone('1', 'How long have you guys been working on this? Early on');
  // 2 (lines 111–119): the earlier copy was cut off (`a certain moment in...`); the later, whole one is kept.
  expectSeam(
    '2',
    'when you had that aha moment?\nSentiment: Neutral\n\nThis chunk continues in the next part.\n\n[00:02:44] Speaker 1: "To the model',
  );
  expectGone('2', 'a certain moment in...');
  // 3 (line 133): the repeated first sentence goes; the turn opens with the next one, quote kept.
  expectSeam('3', 'scoring higher on these math tests."', 'Speaker 1: "We could see how it was reasoning');
  // 4 (lines 147–151, no marker): each copy keeps the sentences it has whole.
  expectSeam(
    '4',
    "you won't arrive at the destination. And that's our job.\"",
    'Speaker 1: "So the model we said is very good, often times better than humans, like has equivalent of several PhDs.',
  );
  expectGone('4', 'Arrive at the destination and');
  // 5 (line 169): the repeated sentence goes from the later turn.
  expectSeam('5', 'I\'d love to hear some of the ways that you use o1."', '[00:07:53] Speaker 1: "One way I\'ve been using o1 is for coding.');
  // 6 (lines 182–185): the earlier turn, cut off (`it's...`), ends at its last whole sentence;
  // the later goes on from its sentence after that one (its `Like, yeah,` goes with the repeat).
  expectSeam(
    '6',
    'information about the PR.\' It just produced the code."\n(Sentiment: Positive)',
    '[00:10:44] Speaker 1: "I just ask it like okay,',
  );
  expectGone('6', "I don't even know, like, it's...");
  // 7 (lines 197–200): the earlier turn, cut off (`both algorithmic and...`), is finished with
  // the one word the later copy adds to its sentence; the later turn goes on from its next sentence.
  expectSeam(
    '7',
    'throughout many of our big projects. Every time we scale a new thing up another order of magnitude, we see another host of problems both algorithmic and infrastructure."\n[Neutral sentiment]',
    '[00:12:08] Speaker 1: "We\'ve definitely built a capacity',
  );
  expectGone('7', 'both algorithmic and..."');
  expectGone('7', 'Many of our big projects, every time');
  // 8 (lines 202–204): the earlier copy up to its whole sentence, the later from its next one.
  expectSeam(
    '8',
    'and then he just solved it right away."',
    'Speaker 1: [00:13:36] He started calling it with the blessing and then blessing people, and that has been really effective. (Positive sentiment)',
  );
  expectGone('8', 'and that has been uh...');
  // 9 (lines 240–242): the later copy says more (`to do work for us`): the earlier turn goes.
  expectSeam('9', 'it\'s just beautiful. (Positive sentiment)\n\nSpeaker 1: "I really like our models to be useful and I think');
  expectGone('9', 'I like our models to do that.');

  // No turn the fix made starts or ends in the middle of a sentence.
  const before = new Set(parseTranscript(text).turns.map((turn) => turnText(turn)));
  for (const turn of parseTranscript(fixed).turns) {
    const words = turnText(turn);
    if (before.has(words)) continue;
    assert.match(words, STARTS_SENTENCE, `a turn the fix changed starts a sentence: ${words.slice(0, 60)}`);
    assert.match(words, ENDS_SENTENCE, `a turn the fix changed ends a sentence: …${words.slice(-60)}`);
  }
  assertFixAllSettles(service, text);
});

function turnText(turn: { segments: readonly { text: string }[] }): string {
  return turn.segments
    .map((segment) => segment.text)
    .join(' ')
    .trim();
}
