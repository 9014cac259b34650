import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, lines } from './helpers';
import { hover } from '../../server/src/service/features/hover';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import type { Analysis } from '../../server/src/service/analysis/analysis';
import { nameLabel, nameLabels, planNaming } from '../../server/src/service/features/naming';
import { applyEdits } from '../../server/src/service/util/edits';
import { toJsonModel } from '../../server/src/service/export';
import { createTranscriptService, textDocument } from '../../server/src/service';

/*
 * Who is who: chunk labels resolved into people, each kind of evidence on its own, and the rule
 * that two labels of one chunk are never one person. The speech is invented for the tests.
 */

const NEXT = 'This chunk continues in the next part.';

/** Each person as the labels it groups, `chunk:label`, chunks counted from 1. */
function groups(analysis: Analysis): string[][] {
  const { model, people } = analysis;
  return people.persons.map((person) => person.speakers.map((i) => `${model.speakers[i]!.chunkIndex + 1}:${model.speakers[i]!.label}`));
}

/** The person of the label `label` in chunk `chunk` (from 1). */
function personOf(analysis: Analysis, chunk: number, label: string) {
  const { model, people } = analysis;
  const speaker = model.speakers.find((s) => s.chunkIndex === chunk - 1 && s.label === label);
  assert.ok(speaker, `chunk ${chunk} has ${label}`);
  return { person: people.persons[people.personOfSpeaker[speaker.index]!]!, why: people.joinedBy[speaker.index] };
}

/** The Speakers view's row of the label `label` in chunk `chunk` (from 1). */
function rowOf(analysis: Analysis, chunk: number, label: string) {
  const row = summarizeSpeakers(analysis.model, analysis.people).find((r) => r.key === `chunk:${chunk - 1}:${label.toLowerCase()}`);
  assert.ok(row, `a row for chunk ${chunk}'s ${label}`);
  return row;
}

test('names: a cast name, a name label and a surname are one person; a role label given one name is that person', () => {
  const analysis = analyze(
    lines(
      'Speaker 1 (Hillary Clinton): "We will build an economy that works for everyone."',
      'Moderator (Lester Holt): "Good evening from Hofstra University."',
      NEXT,
      'Hillary Clinton: I want us to invest in you.',
      'Moderator: We are going to move to our next segment.',
      NEXT,
      'Speaker 3 (Clinton): I have a plan for that.',
    ),
  );
  assert.deepEqual(groups(analysis), [
    ['1:Speaker 1', '2:Hillary Clinton', '3:Speaker 3'],
    ['1:Moderator', '2:Moderator'],
  ]);
  assert.equal(personOf(analysis, 3, 'Speaker 3').person.name, 'Hillary Clinton');
  assert.match(personOf(analysis, 3, 'Speaker 3').why!.reason, /Clinton is Hillary Clinton's surname/);
  assert.match(personOf(analysis, 2, 'Moderator').why!.reason, /Moderator is Lester Holt where the label is given a name/);
});

test('a seam: the label that speaks a whole repeated turn is whoever spoke the original', () => {
  const analysis = analyze(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
      'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
      NEXT,
      'Speaker 1: And nobody paid us a penny for any of that work on the wall.',
      'Speaker 2: Then the council finally noticed what we had done.',
    ),
  );
  const { person, why } = personOf(analysis, 2, 'Speaker 1');
  assert.deepEqual(
    person.speakers.map((i) => analysis.model.speakers[i]!.label),
    ['Speaker 2', 'Speaker 1'],
  );
  assert.equal(why?.kind, 'seam');
  assert.match(why.reason, /the turn at line 4 repeats chunk 1's Speaker 2's words at line 2/);
});

test('a label that a seam reached and that then says its name is explained by its name, and the seam explains the label that repeated it', () => {
  const analysis = analyze(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
      'Speaker 2: My name is Ana Lima. And nobody paid us a penny for any of that work on the wall.',
      NEXT,
      'Speaker 1: And nobody paid us a penny for any of that work on the wall.',
      'Speaker 2: Then the council finally noticed what we had done.',
    ),
  );
  const original = personOf(analysis, 1, 'Speaker 2');
  assert.equal(original.person.name, 'Ana Lima');
  assert.equal(original.why?.kind, 'introduction');
  const repeater = personOf(analysis, 2, 'Speaker 1');
  assert.equal(repeater.person, original.person);
  assert.equal(repeater.why?.kind, 'seam');
  assert.match(
    hover(analysis, { line: 1, character: 3 })!.contents,
    /chunk 1's `Speaker 2` is \*\*Ana Lima\*\*: chunk 1's Speaker 2 says “My name is Ana Lima”/,
  );
});

test('a seam whose repeat is only the start of a longer turn is offered, not applied: the rest may be the next speaker', () => {
  const analysis = analyze(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone, when the weather let us.',
      NEXT,
      'Speaker 2: Stone by stone, when the weather let us. Not true. The council paid for half of it and you know that.',
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 2').person.resolved, false);
  const suggestion = analysis.people.suggestions.find((link) => link.kind === 'seam');
  assert.ok(suggestion && suggestion.confidence < 0.8);
  const row = summarizeSpeakers(analysis.model, analysis.people).find((r) => r.key === 'chunk:1:speaker 2')!;
  assert.match(row.suggestion!, /^Maybe the same person as Speaker 1 of chunk 1: the turn at line 3 repeats/);
});

test('a sentence carried across a join: the label that opens mid-sentence is the one that broke off', () => {
  const analysis = analyze(
    lines(
      'Speaker 1: I grew up by the sea.',
      'Speaker 2: So did I, and every summer my father took us out to the islands where we',
      NEXT,
      'Speaker 1: fished for mackerel until the light went.',
      'Speaker 2: That sounds lovely.',
    ),
  );
  const { person, why } = personOf(analysis, 2, 'Speaker 1');
  assert.equal(why?.kind, 'continuation');
  assert.deepEqual(
    person.speakers.map((i) => `${analysis.model.speakers[i]!.chunkIndex + 1}:${analysis.model.speakers[i]!.label}`),
    ['1:Speaker 2', '2:Speaker 1'],
  );
});

test('self-introduction: `My name is …` names a label; `I am …` joins it to a name the document has, and `I am Sorry` to no one', () => {
  const analysis = analyze(
    lines(
      'Bob McGrew: Welcome, everyone.',
      NEXT,
      'Speaker 1: Hello. My name is Dana Reyes and I run the harbour trust.',
      'Speaker 2: Thanks Dana. I am Bob McGrew, as you know.',
      'Speaker 3: I am Sorry to be late.',
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.name, 'Dana Reyes');
  assert.equal(personOf(analysis, 2, 'Speaker 2').person.name, 'Bob McGrew');
  assert.equal(personOf(analysis, 2, 'Speaker 3').person.resolved, false);
});

test('direct address: a label the speakers beside it call by one name, again and again, is that person', () => {
  const turns = (chunk: number) => [
    `Speaker 1: Secretary Clinton, the first question of part ${chunk} goes to you.`,
    'Speaker 2: Thank you, Lester. I have a plan for jobs.',
    'Speaker 1: Mr. Trump, your response?',
    'Speaker 3: Well, Lester, she has no plan. Hillary has had thirty years.',
    'Speaker 1: Secretary Clinton?',
    'Speaker 2: Donald, you never paid a contractor.',
  ];
  const analysis = analyze(
    lines(
      'Moderator (Lester Holt): Good evening.',
      'Speaker 2 (Hillary Clinton): Thank you.',
      'Speaker 3 (Donald Trump): Thank you.',
      NEXT,
      ...turns(2),
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.name, 'Lester Holt');
  assert.equal(personOf(analysis, 2, 'Speaker 1').why?.kind, 'address');
});

test('direct address reads a name however it is written, and on any line of the turn', () => {
  // Three votes, as direct address needs: two for the turn between two of Speaker 1's, one for the
  // last turn, whose name is on its first line.
  const analysis = analyze(
    lines(
      'Moderator (Lester Holt): Good evening.',
      'Speaker 2 (Hillary Clinton): Thank you.',
      NEXT,
      'Speaker 1: The first question goes to you.',
      'Speaker 2: Thank you, LESTER. I have a plan for jobs.',
      'Speaker 1: Go on.',
      'Speaker 2: Lester! It is simple.',
      '  I have said it before.',
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.name, 'Lester Holt');
  assert.equal(personOf(analysis, 2, 'Speaker 1').why?.kind, 'address');
});

test('two labels of one chunk are never one person: the weaker link is offered as a conflict', () => {
  // Both labels of chunk 2 repeat the one turn of chunk 1's Speaker 1, whole.
  const analysis = analyze(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
      NEXT,
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
      'Speaker 2: We rebuilt the harbour wall over three summers, stone by stone.',
    ),
  );
  const two = [personOf(analysis, 2, 'Speaker 1').person, personOf(analysis, 2, 'Speaker 2').person];
  assert.notEqual(two[0], two[1]);
  for (const group of groups(analysis)) {
    const chunks = group.map((label) => label.split(':')[0]);
    assert.equal(new Set(chunks).size, chunks.length, `one label a chunk in ${group.join(', ')}`);
  }
});

test('the speakers rows are people: their labels with why under them, and the labels no one is tied to listed after', () => {
  const analysis = analyze(
    lines(
      'Mark Chen: I am excited to be part of this.',
      'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
      NEXT,
      'Speaker 1: And nobody paid us a penny for any of that work on the wall.',
      'Speaker 2: Something else entirely, said only here.',
      'Mark Chen: Back to the project.',
    ),
  );
  const rows = summarizeSpeakers(analysis.model, analysis.people);
  assert.deepEqual(
    rows.map((r) => [r.displayName, r.resolved, r.turnCount]),
    [
      ['Mark Chen', true, 2],
      ['Speaker 2 · chunks 1, 2', true, 2],
      ['Speaker 2 · chunk 2', false, 1],
    ],
  );
  // One piece of evidence ties the two labels, and is each one's reason.
  const reason = "the turn at line 4 repeats chunk 1's Speaker 2's words at line 2";
  assert.deepEqual(rows[1]!.members, [
    { chunkIndex: 0, label: 'Speaker 2', turnCount: 1, reason },
    { chunkIndex: 1, label: 'Speaker 1', turnCount: 1, reason },
  ]);
  assert.deepEqual(rows[0]!.members, [
    { chunkIndex: 0, label: 'Mark Chen', turnCount: 1 },
    { chunkIndex: 1, label: 'Mark Chen', turnCount: 1, reason: 'named Mark Chen at line 6 too' },
  ]);
  assert.equal(rows[2]!.members, undefined, 'a person of one label has no labels listed under it');
});

test('the speaker hover says who a label is and why, or that it is not known', () => {
  const text = lines('Speaker 1 (Hillary Clinton): Thank you.', NEXT, 'Speaker 3 (Clinton): I have a plan.', 'Speaker 4: Wrong.');
  const analysis = analyze(text);
  const named = hover(analysis, { line: 2, character: 3 })!.contents;
  assert.match(named, /chunk 2's `Speaker 3` is \*\*Hillary Clinton\*\*: Clinton is Hillary Clinton's surname/);
  assert.match(named, /2 turns in 2 chunks/);
  assert.match(
    hover(analysis, { line: 3, character: 3 })!.contents,
    /Unknown person: nothing ties chunk 2's `Speaker 4` to a speaker of another chunk/,
  );
});

test('Name Speakers Across the Transcript writes each label of a named person as the name, in its own layout, and reads back', () => {
  const clinton = 'We will build an economy that works for everyone, not just those at the top.';
  const text = lines(
    `Speaker 1 (Hillary Clinton): "${clinton}"`,
    NEXT,
    `[00:00:05] Speaker 1: "${clinton}"`,
    '[00:00:09] Speaker 2: "That is what she always says."',
    '[00:00:12] Speaker 1: "And I mean it."',
  );
  const plan = planNaming(analyze(text));
  assert.deepEqual(
    plan.namings.map((n) => [n.chunkIndex, n.label, n.name, n.edits.length]),
    [[1, 'Speaker 1', 'Hillary Clinton', 2]],
  );
  assert.match(plan.namings[0]!.reason!, /repeats Hillary Clinton's words at line 1/);
  const named = applyEdits(text, plan.edits);
  assert.equal(
    named,
    lines(
      `Speaker 1 (Hillary Clinton): "${clinton}"`,
      NEXT,
      `[00:00:05] Hillary Clinton: "${clinton}"`,
      '[00:00:09] Speaker 2: "That is what she always says."',
      '[00:00:12] Hillary Clinton: "And I mean it."',
    ),
  );
  // Named, the labels are the person by name, and there is nothing more to name.
  const again = analyze(named);
  assert.equal(personOf(again, 2, 'Hillary Clinton').person.name, 'Hillary Clinton');
  assert.deepEqual(planNaming(again).edits, []);
});

test('naming keeps each layout: a bracketed label becomes the bracketed name', () => {
  const said = 'The pier lights went out at nine and nobody came to fix them until the morning.';
  const text = lines(`[Dana Reyes] [00:10] ${said}`, NEXT, `[Speaker 2] [00:12] ${said}`, '[Speaker 1] [00:15] Then what happened?');
  const named = applyEdits(text, planNaming(analyze(text)).edits);
  assert.equal(named, lines(`[Dana Reyes] [00:10] ${said}`, NEXT, `[Dana Reyes] [00:12] ${said}`, '[Speaker 1] [00:15] Then what happened?'));
});

test('This is…: a chunk label written as a person’s name joins that person; a name that would change how the turns read is refused', () => {
  const text = lines('Hillary Clinton: I have a plan.', NEXT, '[00:00:05] Speaker 2: Wrong.', '[00:00:07] Speaker 2: Very wrong.');
  const analysis = analyze(text);
  const result = nameLabel(analysis, 1, 'Speaker 2', 'Hillary Clinton');
  assert.ok('edits' in result);
  const named = analyze(applyEdits(text, result.edits));
  assert.equal(personOf(named, 2, 'Hillary Clinton').person.speakers.length, 2);
  const refused = nameLabel(analysis, 1, 'Speaker 2', 'Bad: Name');
  assert.ok('refused' in refused);
  assert.match(refused.refused, /^“Bad: Name” would change how the turns of Speaker 2 of chunk 2 read/);
});

test('an unknown label whose suggestion is a named person carries that name, for Accept Suggestion to write', () => {
  const analysis = analyze(
    lines(
      'Speaker 1 (Dana Reyes): We rebuilt the harbour wall over three summers, stone by stone, when the weather let us.',
      NEXT,
      'Speaker 2: Stone by stone, when the weather let us. Not true. The council paid for half of it and you know that.',
    ),
  );
  const row = summarizeSpeakers(analysis.model, analysis.people).find((r) => r.key === 'chunk:1:speaker 2')!;
  assert.equal(row.resolved, false);
  assert.equal(row.suggestedName, 'Dana Reyes');
  assert.match(row.suggestion!, /^Maybe the same person as Dana Reyes: the turn at line 3 repeats Dana Reyes's words at line 1/);
});

/** Invented speech in one voice: `count` words drawn from `words` with a small seeded generator, no two sentences alike. */
function speechIn(words: readonly string[], count: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const word = words[Math.floor(next() * words.length)]!;
    out.push(k % 8 === 0 ? word[0]!.toUpperCase() + word.slice(1) : k % 8 === 7 ? `${word}.` : word);
  }
  return out.join(' ').replace(/[^.]$/, '$&.');
}

const GARDENER = [
  'the',
  'soil',
  'compost',
  'tomatoes',
  'seedlings',
  'we',
  'water',
  'beds',
  'mulch',
  'roots',
  'and',
  'rain',
  'harvest',
  'beans',
  'in',
  'spring',
];
const SAILOR = ['the', 'wind', 'sails', 'harbour', 'tide', 'we', 'knots', 'hull', 'anchor', 'mast', 'and', 'swell', 'crew', 'rope', 'at', 'dawn'];

/** Words of the harbour that neither Dana nor Olu says at first. */
const HARBOUR_TALK = ['gulls', 'oars', 'pier', 'nets', 'bait', 'we', 'the'];

/** The two people the wording tests compare with: Dana, who talks of gardening, and Olu, of sailing (`oluWords` words). */
function danaAndOlu(oluWords = 400): string[] {
  return [`Speaker 1 (Dana Reyes): ${speechIn(GARDENER, 400, 1)}`, `Speaker 2 (Olu Mensah): ${speechIn(SAILOR, oluWords, 2)}`];
}

test('wording: a label with no other evidence whose words are clearly one named person’s is joined to them, saying it is a guess', () => {
  const analysis = analyze(lines(...danaAndOlu(), NEXT, `Speaker 1: ${speechIn(SAILOR, 80, 3)}`, `Speaker 2: ${speechIn(GARDENER, 80, 4)}`));
  const sailor = personOf(analysis, 2, 'Speaker 1');
  assert.equal(sailor.person.name, 'Olu Mensah');
  assert.equal(sailor.why?.kind, 'wording');
  assert.match(sailor.why.reason, /^the 80 words of chunk 2's Speaker 1 are most like Olu Mensah's \(a guess from wording\)$/);
  assert.equal(personOf(analysis, 2, 'Speaker 2').person.name, 'Dana Reyes');
});

test('wording: words that fit two people alike join no one and suggest no one, and a person who speaks in the chunk is never the guess nor suggested', () => {
  const both = [...GARDENER, ...SAILOR];
  const analysis = analyze(
    lines(
      ...danaAndOlu(),
      NEXT,
      `Speaker 1: ${speechIn(both, 80, 5)}`,
      NEXT,
      `Dana Reyes: ${speechIn(SAILOR, 60, 6)}`,
      `Speaker 2: ${speechIn(GARDENER, 80, 7)}`,
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.resolved, false);
  assert.equal(rowOf(analysis, 2, 'Speaker 1').suggestion, undefined);
  const gardenerWords = personOf(analysis, 3, 'Speaker 2');
  assert.notEqual(gardenerWords.person.name, 'Dana Reyes');
  assert.doesNotMatch(rowOf(analysis, 3, 'Speaker 2').suggestion ?? '', /Dana Reyes/);
});

test('wording: words that lean one way without fitting clearly are offered as a suggestion, not applied', () => {
  // Three parts the sailor's words to two of the gardener's.
  const leaning = [...SAILOR, ...SAILOR, ...SAILOR, ...GARDENER, ...GARDENER];
  const analysis = analyze(lines(...danaAndOlu(), NEXT, `Speaker 1: ${speechIn(leaning, 80, 9)}`));
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.resolved, false);
  const row = summarizeSpeakers(analysis.model, analysis.people).find((r) => r.key === 'chunk:1:speaker 1')!;
  assert.match(
    row.suggestion!,
    /^Maybe the same person as Olu Mensah: the 80 words of chunk 2's Speaker 1 are most like Olu Mensah's \(a guess from wording\)/,
  );
});

test('wording: a person joined by a guess says more for the next guesses', () => {
  // Chunk 3's label uses words only chunk 2's label shares with it; once chunk 2's label is
  // found to be Olu, chunk 3's words are Olu's too.
  const analysis = analyze(
    lines(
      ...danaAndOlu(),
      NEXT,
      `Speaker 1: ${speechIn([...SAILOR, ...HARBOUR_TALK], 200, 10)}`,
      NEXT,
      `Speaker 1: ${speechIn(HARBOUR_TALK, 80, 11)}`,
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.name, 'Olu Mensah');
  const third = personOf(analysis, 3, 'Speaker 1');
  assert.equal(third.person.name, 'Olu Mensah');
  assert.equal(third.why?.kind, 'wording');
});

test('wording: after an edit, the guesses are those of the new text read afresh, though the word counts come from the version before', () => {
  // The word counts of everyone and of each person are carried from version to version, the
  // edited chunk's labels taken off and added again. Chunk 3's label is Olu's only through
  // words that chunk 2's label shares with Olu; once chunk 2's label talks like Dana, nothing
  // ties chunk 3's to Olu, unless chunk 2's old words were left in Olu's counts.
  const chunks = [
    danaAndOlu().join('\n'),
    `Speaker 1: ${speechIn([...SAILOR, ...HARBOUR_TALK], 200, 10)}`,
    `Speaker 1: ${speechIn(HARBOUR_TALK, 80, 11)}`,
    // Olu by name in chunks of their own: a person of many labels, whose counts are carried.
    ...[20, 21, 22, 23].map((seed) => `Olu Mensah: ${speechIn(SAILOR, 30, seed)}`),
  ];
  const uri = 'file:///wording.transcript';
  const service = createTranscriptService();
  let text = chunks.join(`\n${NEXT}\n`);
  let version = 1;
  const personAt = (chunk: number) => {
    const document = textDocument(uri, text, version);
    const people = service.people(document);
    assert.deepEqual(people, analyze(text).people);
    const speaker = service.model(document).speakers.find((s) => s.chunkIndex === chunk - 1)!;
    return people.persons[people.personOfSpeaker[speaker.index]!]!;
  };
  assert.equal(personAt(3).name, 'Olu Mensah');
  const start = text.indexOf(chunks[1]!);
  const gardenerTalk = `Speaker 1: ${speechIn(GARDENER, 200, 5)}`;
  text = text.slice(0, start) + gardenerTalk + text.slice(start + chunks[1]!.length);
  service.edited(uri, ++version, [{ start, end: start + chunks[1]!.length, text: gardenerTalk }]);
  assert.equal(personAt(2).name, 'Dana Reyes');
  assert.equal(personAt(3).resolved, false);
});

test('wording: with no names, the two groups that said most are the voices compared, and the reason says which label', () => {
  const analysis = analyze(
    lines(
      `Speaker 1: ${speechIn(GARDENER, 400, 1)}`,
      `Speaker 2: ${speechIn(SAILOR, 400, 2)}`,
      `Speaker 3: ${speechIn([...GARDENER, ...SAILOR], 120, 12)}`,
      NEXT,
      `Speaker 1: ${speechIn(SAILOR, 80, 3)}`,
    ),
  );
  const sailor = personOf(analysis, 2, 'Speaker 1');
  assert.equal(sailor.why?.kind, 'wording');
  assert.match(sailor.why.reason, /^the 80 words of chunk 2's Speaker 1 are most like chunk 1's Speaker 2's \(a guess from wording\)$/);
  assert.deepEqual(
    sailor.person.speakers.map((i) => analysis.model.speakers[i]!.label),
    ['Speaker 2', 'Speaker 1'],
  );
});

test('wording: where two people are named, they are the voices compared, not a larger unnamed group', () => {
  // Chunk 1's Speaker 3 said most, in the sailor's words; the named are Dana (gardener) and Olu
  // (who talks of neither): chunk 2's sailor-talk is compared with Dana and Olu alone.
  const MILLER = ['flour', 'grain', 'wheel', 'stones', 'sacks', 'we', 'mill', 'bread', 'and', 'oven', 'rye', 'the'];
  const analysis = analyze(
    lines(
      `Speaker 1 (Dana Reyes): ${speechIn(GARDENER, 400, 1)}`,
      `Speaker 2 (Olu Mensah): ${speechIn(MILLER, 400, 2)}`,
      `Speaker 3: ${speechIn(SAILOR, 900, 13)}`,
      NEXT,
      `Speaker 1: ${speechIn(SAILOR, 80, 3)}`,
    ),
  );
  const sailor = personOf(analysis, 2, 'Speaker 1');
  assert.ok(
    sailor.person.speakers.every((i) => analysis.model.speakers[i]!.chunkIndex === 1),
    'nothing ties sailor-talk to Dana or Olu, and the unnamed group is no voice to compare with',
  );
  assert.doesNotMatch(rowOf(analysis, 2, 'Speaker 1').suggestion ?? '', /Speaker 3/);
});

test('wording: a label must say 40 words to be guessed at', () => {
  const withWords = (count: number) => analyze(lines(...danaAndOlu(), NEXT, `Speaker 1: ${speechIn(SAILOR, count, 3)}`));
  assert.equal(personOf(withWords(40), 2, 'Speaker 1').person.name, 'Olu Mensah');
  const few = withWords(39);
  assert.equal(personOf(few, 2, 'Speaker 1').person.resolved, false);
  assert.equal(rowOf(few, 2, 'Speaker 1').suggestion, undefined);
});

test('wording: a named person needs 300 words of their own to be a voice compared', () => {
  const withWords = (count: number) => analyze(lines(...danaAndOlu(count), NEXT, `Speaker 1: ${speechIn(SAILOR, 80, 3)}`));
  assert.equal(personOf(withWords(300), 2, 'Speaker 1').person.name, 'Olu Mensah');
  const short = withWords(299);
  assert.equal(personOf(short, 2, 'Speaker 1').person.resolved, false);
  assert.equal(rowOf(short, 2, 'Speaker 1').suggestion, undefined);
});

test('wording: labels tied together are guessed at as one, and the reason says so', () => {
  // Chunk 3 opens with chunk 2's last turn again, whole (a seam): its Speaker 1 is chunk 2's,
  // and the two say the sailor's words between them.
  const repeated = 'We tied the hull to the pier at dawn and waited for the tide to turn before the crew came back.';
  const analysis = analyze(
    lines(
      ...danaAndOlu(),
      NEXT,
      `Speaker 1: ${speechIn(SAILOR, 60, 3)}`,
      `Speaker 1: ${repeated}`,
      NEXT,
      `Speaker 1: ${repeated}`,
      `Speaker 1: ${speechIn(SAILOR, 60, 4)}`,
    ),
  );
  const second = personOf(analysis, 2, 'Speaker 1');
  const third = personOf(analysis, 3, 'Speaker 1');
  assert.equal(second.person.name, 'Olu Mensah');
  assert.equal(third.person, second.person);
  // Each label is explained by the link that brought it in: chunk 2's by the guess that made it
  // Olu, chunk 3's by the seam that tied it to chunk 2's.
  assert.equal(second.why?.kind, 'wording');
  assert.match(
    second.why.reason,
    /^the 162 words of chunk 2's Speaker 1 and the labels tied to it are most like Olu Mensah's \(a guess from wording\)$/,
  );
  assert.equal(third.why?.kind, 'seam');
  assert.match(third.why.reason, /^the turn at line 7 repeats chunk 2's Speaker 1's words at line 5/);
  const hoverText = hover(analysis, { line: 3, character: 2 })!.contents;
  assert.match(hoverText, /chunk 2's `Speaker 1` is \*\*Olu Mensah\*\*: the 162 words of chunk 2's Speaker 1 and the labels tied to it/);
});

test('wording: in a later round each person is compared by their own words, not those of whoever was compared in their place before', () => {
  // Round 1: Dana said most, then Olu; chunk 2's label joins Olu by its words, and Olu, now the
  // larger, is compared first in round 2. Chunk 3's label says harbour words (Olu's, since chunk 2)
  // and as many of Dana's gardening words as of Olu's sailing ones: too even to suggest anyone,
  // unless Olu were credited with Dana's words from round 1.
  const analysis = analyze(
    lines(
      ...danaAndOlu(390),
      NEXT,
      `Speaker 1: ${speechIn([...SAILOR, ...HARBOUR_TALK], 200, 10)}`,
      NEXT,
      `Speaker 1: ${speechIn(HARBOUR_TALK, 30, 12)} ${speechIn([...GARDENER, ...SAILOR], 40, 13)}`,
    ),
  );
  assert.equal(personOf(analysis, 2, 'Speaker 1').person.name, 'Olu Mensah');
  assert.equal(personOf(analysis, 3, 'Speaker 1').person.resolved, false);
  assert.equal(rowOf(analysis, 3, 'Speaker 1').suggestion, undefined);
});

test('wording: a label that tells no one apart (`Speaker:`) is never guessed to be someone', () => {
  const analysis = analyze(lines(...danaAndOlu(), NEXT, `Speaker: ${speechIn(SAILOR, 80, 3)}`));
  const { model, people } = analysis;
  const anonymous = model.speakers.find((s) => s.chunkIndex === 1 && s.label === 'Speaker')!;
  assert.equal(people.joinedBy[anonymous.index], undefined);
  assert.notEqual(people.persons[people.personOfSpeaker[anonymous.index]!]!.name, 'Olu Mensah');
});

test('Merge With…: one name written into the labels of both people; labels given another name in their chunk are left, and said to be', () => {
  const text = lines(
    'Speaker 1 (Dana Reyes): We rebuilt the harbour wall over three summers.',
    NEXT,
    '[00:00:05] Speaker 2: The council paid for half of it.',
    '[00:00:09] Speaker 1: Not true.',
    NEXT,
    'Speaker 3 (Reyes Senior): That was my father.',
  );
  const analysis = analyze(text);
  const result = nameLabels(
    analysis,
    [
      { chunkIndex: 0, label: 'Speaker 1' },
      { chunkIndex: 1, label: 'Speaker 2' },
      { chunkIndex: 2, label: 'Speaker 3' },
    ],
    'Dana Reyes',
  );
  assert.ok('edits' in result);
  assert.deepEqual(result.left, ['Speaker 3 of chunk 3 is given the name Reyes Senior in its chunk']);
  const merged = applyEdits(text, result.edits);
  assert.ok(merged.includes('\n[00:00:05] Dana Reyes: The council paid for half of it.\n'), merged);
  assert.ok(merged.startsWith('Speaker 1 (Dana Reyes): '), 'a label already going by the name is left alone');
  assert.equal(personOf(analyze(merged), 2, 'Dana Reyes').person.name, 'Dana Reyes');
  assert.equal(personOf(analyze(merged), 2, 'Dana Reyes').person.speakers.length, 2);
  const nothing = nameLabels(analysis, [{ chunkIndex: 2, label: 'Speaker 3' }], 'Dana Reyes');
  assert.deepEqual(nothing, { refused: 'Speaker 3 of chunk 3 is given the name Reyes Senior in its chunk' });
});

test('two people the text names differently are never joined by a repeat, a carried sentence or wording', () => {
  // Chunk 2's Olu repeats Dana's whole turn at the seam: the repeat says he spoke it, his name says otherwise.
  const analysis = analyze(
    lines(
      'Dana Reyes: We rebuilt the harbour wall over three summers, stone by stone.',
      NEXT,
      'Olu Mensah: We rebuilt the harbour wall over three summers, stone by stone.',
    ),
  );
  assert.notEqual(personOf(analysis, 1, 'Dana Reyes').person, personOf(analysis, 2, 'Olu Mensah').person);
});

test('a seam links a label that repeats four words or more of a turn; surely when the turn is all repeat, eight words or more', () => {
  const words = 'and nobody paid us a penny for any of that work'.split(' ');
  /** Chunk 2's Speaker 2 repeats the last `repeated` words of chunk 1's Speaker 1, then says `own`. */
  const seam = (repeated: number, own = '') =>
    analyze(
      lines(
        `Speaker 1: We rebuilt the harbour wall over three summers, stone by stone, ${words.slice(-repeated).join(' ')}.`,
        'Speaker 2: The council finally noticed what we had done there.',
        NEXT,
        `Speaker 2: ${words.slice(-repeated).join(' ')}.${own}`,
        'Speaker 1: The council finally noticed what we had done there.',
        'Speaker 2: Then the mayor came down to see it.',
      ),
    );
  const linkOf = (analysis: Analysis) => {
    const { why } = personOf(analysis, 2, 'Speaker 2');
    const label = analysis.model.speakers.find((speaker) => speaker.chunkIndex === 1 && speaker.label === 'Speaker 2')!;
    const suggested = analysis.people.suggestions.find((link) => link.kind === 'seam' && link.from === label.index);
    return why?.kind === 'seam' ? `applied ${why.confidence}` : suggested ? `suggested ${suggested.confidence}` : 'none';
  };
  assert.equal(linkOf(seam(3)), 'none');
  assert.equal(linkOf(seam(4)), 'suggested 0.7');
  assert.equal(linkOf(seam(7)), 'suggested 0.7');
  assert.equal(linkOf(seam(8)), 'applied 0.95');
  // The repeat at the end of chunk 1 and its copy opening chunk 2's one turn, then speech of its
  // own: two more words leave the turn all repeat, three do not.
  const ownAfter = (repeated: number, own: string) =>
    analyze(
      lines(
        `Speaker 1: We rebuilt the harbour wall over three summers, stone by stone, ${words.slice(-repeated).join(' ')}.`,
        NEXT,
        `Speaker 2: ${words.slice(-repeated).join(' ')}.${own}`,
        'Speaker 1: Then the mayor came down to see it.',
      ),
    );
  assert.equal(linkOf(ownAfter(8, '')), 'applied 0.95');
  assert.equal(linkOf(ownAfter(8, ' Honestly, truly.')), 'applied 0.95');
  assert.equal(linkOf(ownAfter(8, ' Honestly, truly, nothing.')), 'suggested 0.7');
  assert.equal(linkOf(ownAfter(10, ' Honestly, truly, nothing.')), 'suggested 0.7');
});

test('direct address counts a name set off in the first eight or the last four words of a turn, three times, twice as often as any other', () => {
  // Fourteen words each, the name making fifteen; no two answers alike, or they would read as a
  // chunk repeated without a marker.
  const TOPICS = [
    'we will talk about the harbour wall and who pays for the repairs this',
    'my plan for the schools puts teachers first and builds new classrooms in every',
    'the budget for roads has been cut three times while the potholes grow deeper',
    'farmers along the river need help after two dry summers ruined most of their',
    'our hospitals are short of nurses because training places were cut ten years ago',
    'young families cannot find homes they can afford anywhere near the towns they work',
  ].map((topic) => topic.split(' '));
  /** Chunk 2: Speaker 2 answers each question of Speaker 1, addressing `name` as word `at` (from 0) of fifteen. */
  const debate = (addresses: ReadonlyArray<readonly [name: string, at: number]>) =>
    analyze(
      lines(
        'Moderator (Lester Holt): Good evening.',
        'Speaker 2 (Hillary Clinton): Thank you.',
        'Donald Trump: Thank you.',
        NEXT,
        ...addresses.flatMap(([name, at], n) => {
          const answer = [...TOPICS[n % TOPICS.length]!];
          answer.splice(at, 0, `${name},`);
          return [
            `Speaker 1: Question number ${n + 1} is for you.`,
            `Speaker 2: ${answer.join(' ')}.`,
            `Donald Trump: I disagree with point ${n + 1}.`,
          ];
        }),
      ),
    );
  const who = (analysis: Analysis) => {
    const { person, why } = personOf(analysis, 2, 'Speaker 1');
    return why?.kind === 'address' ? person.name : undefined;
  };
  const thrice = (at: number) =>
    debate([
      ['Lester', at],
      ['Lester', at],
      ['Lester', at],
    ]);
  // Fifteen words: the first eight, and the last four.
  for (const at of [0, 7, 11, 14]) assert.equal(who(thrice(at)), 'Lester Holt', `the name as word ${at + 1} of 15`);
  for (const at of [8, 10]) assert.equal(who(thrice(at)), undefined, `the name as word ${at + 1} of 15`);
  /** Each name addressed once, at the start of an answer. */
  const openingWith = (...names: string[]) => debate(names.map((name) => [name, 0] as const));
  // Twice is not enough.
  assert.equal(who(openingWith('Lester', 'Lester')), undefined);
  // Called by another name half as often: still Lester; more than half as often: no one.
  assert.equal(who(openingWith('Lester', 'Lester', 'Donald', 'Lester', 'Lester', 'Donald')), 'Lester Holt');
  assert.equal(who(openingWith('Lester', 'Lester', 'Donald', 'Lester', 'Donald')), undefined);
  // By surname, or the whole name, it is the same person.
  for (const name of ['Holt', 'Lester Holt']) assert.equal(who(openingWith(name, name, name)), 'Lester Holt', name);
});

test('direct address knows a person by a word of the name only where that word names no one else', () => {
  const addressed = (cast: readonly string[], name: string) => {
    const analysis = analyze(
      lines(
        ...cast,
        NEXT,
        `Speaker 1: First question.`,
        `Speaker 2: Thank you, ${name}. The harbour comes first.`,
        'Speaker 1: Second question.',
        `Speaker 2: Thank you, ${name}. The schools come next.`,
        'Speaker 1: Third question.',
        `Speaker 2: Thank you, ${name}. The roads come last.`,
      ),
    );
    const { person, why } = personOf(analysis, 2, 'Speaker 1');
    return why?.kind === 'address' ? person.name : undefined;
  };
  assert.equal(addressed(['Moderator (Lester Holt): Good evening.'], 'Holt'), 'Lester Holt');
  // Two Holts: the surname is no one's.
  assert.equal(addressed(['Moderator (Lester Holt): Good evening.', 'Guest (Ana Holt): Hello.'], 'Holt'), undefined);
  assert.equal(addressed(['Moderator (Lester Holt): Good evening.', 'Guest (Ana Holt): Hello.'], 'Lester'), 'Lester Holt');
  // A one-word name has no parts to go by.
  assert.equal(addressed(['Moderator (Lester): Good evening.'], 'Lester'), undefined);
});

test('the JSON export lists a person’s evidence in the order of the text, and the person is as sure as the weakest link', () => {
  // Chunk 2's Speaker 2 introduces herself as Dana Reyes (0.9); chunk 3's Speaker 1 says that
  // whole turn again (a seam, 0.95). The seam is applied first, being stronger; the export lists
  // the introduction first, being earlier.
  const analysis = analyze(
    lines(
      'Speaker 1 (Dana Reyes): We rebuilt the harbour wall over three summers, stone by stone.',
      'Speaker 2 (Omar Haddad): And the council never paid for a single stone of it.',
      NEXT,
      '[00:01:10] Speaker 1: Welcome back to the harbour hour, everyone.',
      '[00:01:14] Speaker 2: Thank you. My name is Dana Reyes, and I still want that money from the council.',
      NEXT,
      '[00:02:00] Speaker 1: My name is Dana Reyes, and I still want that money from the council.',
      '[00:02:05] Speaker 2: Then send them the bill tonight.',
    ),
  );
  const people = toJsonModel(analysis.model, {}, analysis.people).people;
  const dana = people.find((person) => person.name === 'Dana Reyes')!;
  // Speakers: 0 is chunk 1's Speaker 1, 3 chunk 2's Speaker 2, 4 chunk 3's Speaker 1.
  assert.deepEqual(dana.speakers, [0, 3, 4]);
  assert.deepEqual(
    dana.evidence.map(({ kind, speaker, sameAs, confidence, line }) => ({ kind, speaker, sameAs, confidence, line })),
    [
      { kind: 'introduction', speaker: 3, sameAs: 0, confidence: 0.9, line: 4 },
      { kind: 'seam', speaker: 4, sameAs: 3, confidence: 0.95, line: 6 },
    ],
  );
  assert.equal(dana.confidence, 0.9);
  // A person by a name alone has no evidence, and is sure.
  assert.deepEqual(
    people.filter((person) => person.evidence.length === 0).map(({ displayName, confidence }) => [displayName, confidence]),
    [
      ['Omar Haddad', 1],
      ['Speaker 1 · chunk 2', 1],
      ['Speaker 2 · chunk 3', 1],
    ],
  );
});
