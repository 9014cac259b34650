import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSpeakers, encodeSpeakers } from '../../protocol';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { createTranscriptService, textDocument } from '../../server/src/service';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** A value after a trip through JSON, as over the connection. */
const through = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

test('the speakers answer reaches the client as the server made it, its turns in less than half the JSON', () => {
  for (const name of ['seedlike.transcript', 'all-forms.transcript', 'unicode.transcript', 'crlf-bom.transcript', 'malformed.transcript']) {
    const result = { version: 7, speakers: summarizeSpeakers(parseTranscript(readFileSync(join(FIXTURES, name), 'utf8'))) };
    const wire = encodeSpeakers(result);
    // Through JSON, as over the connection: an absent `seconds` or `sentiment` must stay absent.
    assert.deepEqual(decodeSpeakers(through(wire)), through(result), name);
    if (name === 'seedlike.transcript') {
      // The rows themselves (names, counts, the evidence for each label) travel as they are; the
      // turns under them are what the wire form packs.
      const rows = JSON.stringify(result.speakers.map(({ turns: _turns, ...row }) => row)).length;
      const ratio = (JSON.stringify(wire).length - rows) / (JSON.stringify(result).length - rows);
      assert.ok(ratio < 0.5, `the wire form of the turns is ${ratio.toFixed(2)} of their objects' JSON`);
    }
  }
});

test('after an edit, only the rows that changed travel, and the client rebuilds the whole answer from them', () => {
  const service = createTranscriptService();
  const uri = 'file:///changes.transcript';
  const text = readFileSync(join(FIXTURES, 'seedlike.transcript'), 'utf8');
  const first = { version: 1, speakers: service.speakers(textDocument(uri, text, 1)) };
  const held = through(decodeSpeakers(through(encodeSpeakers(first))));

  // A word typed in one turn: that speaker's row changes, no other.
  const typed = text.replace('we are at 90 percent', 'we are at about 90 percent');
  assert.notEqual(typed, text);
  const second = { version: 2, speakers: service.speakers(textDocument(uri, typed, 2)) };
  const changes = encodeSpeakers(second, first);
  assert.equal(changes.since, 1);
  assert.equal(changes.order, undefined);
  assert.equal(changes.speakers.length, 1);
  assert.ok(JSON.stringify(changes).length < JSON.stringify(encodeSpeakers(second)).length / 5);
  assert.deepEqual(decodeSpeakers(through(changes), held), through(second));

  // A new speaker at the top: the order travels too.
  const added = `Speaker 9 (Ada Lovelace): "A new voice."\nSentiment: Hopeful\n\n${typed}`;
  const third = { version: 3, speakers: service.speakers(textDocument(uri, added, 3)) };
  const moreChanges = encodeSpeakers(third, second);
  assert.ok(moreChanges.order, 'the order of the rows travels when a row is added');
  assert.deepEqual(decodeSpeakers(through(moreChanges), decodeSpeakers(through(changes), held)), through(third));

  // Changes against an answer the client does not hold cannot be read.
  assert.throws(() => decodeSpeakers(through(moreChanges), held), /since version 2/);
});
