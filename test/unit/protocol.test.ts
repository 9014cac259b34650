import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSpeakers, encodeSpeakers } from '../../server/src/protocol';
import { parseTranscript } from '../../server/src/service/parser';
import { summarizeSpeakers } from '../../server/src/service/speakers';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

test('the speakers answer reaches the client as the server made it, in less than half the JSON', () => {
  for (const name of ['seedlike.transcript', 'all-forms.transcript', 'unicode.transcript', 'crlf-bom.transcript', 'malformed.transcript']) {
    const result = { version: 7, speakers: summarizeSpeakers(parseTranscript(readFileSync(join(FIXTURES, name), 'utf8'))) };
    const wire = encodeSpeakers(result);
    // Through JSON, as over the connection: an absent `seconds` or `sentiment` must stay absent.
    assert.deepEqual(decodeSpeakers(JSON.parse(JSON.stringify(wire))), JSON.parse(JSON.stringify(result)), name);
    if (name === 'seedlike.transcript') {
      const ratio = JSON.stringify(wire).length / JSON.stringify(result).length;
      assert.ok(ratio < 0.5, `the wire form is ${ratio.toFixed(2)} of the objects' JSON`);
    }
  }
});
