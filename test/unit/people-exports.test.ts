import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebVTTParser } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import { toJsonModel } from '../../server/src/service/export';
import { parseTranscript } from '../../server/src/service/parse/parser';
import type { Link } from '../../server/src/service/people/people';
import { Grouping } from '../../server/src/service/people/grouping';
import { runCli, tempFolder } from './cli-harness';
import { SEAM } from './harbour-transcripts';
import { lines } from './helpers';

/*
 * Exports carry people: the JSON lists them, the other formats write their names. Each
 * expectation is written out by hand from what the invented transcript says, never computed by
 * the service the CLI runs.
 */

async function exported(t: Parameters<typeof tempFolder>[0], text: string, format: string): Promise<string> {
  const dir = await tempFolder(t);
  await writeFile(join(dir, 'harbour.transcript'), text);
  const run = await runCli(['export', '--to', format, 'harbour.transcript'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

describe('exports carry people', () => {
  test('JSON lists the people with their speakers, evidence and confidence; each speaker says its person', async (t) => {
    const json = JSON.parse(await exported(t, SEAM, 'json')) as { speakers: Array<Record<string, unknown>>; people: unknown };
    assert.deepEqual(
      json.speakers.map(({ index, chunk, label, name, person }) => ({ index, chunk, label, name, person })),
      [
        { index: 0, chunk: 0, label: 'Speaker 1', name: 'Dana Reyes', person: 0 },
        { index: 1, chunk: 0, label: 'Speaker 2', name: 'Omar Haddad', person: 1 },
        { index: 2, chunk: 1, label: 'Speaker 2', name: null, person: 0 },
        { index: 3, chunk: 1, label: 'Speaker 1', name: null, person: 2 },
      ],
    );
    assert.deepEqual(json.people, [
      {
        index: 0,
        name: 'Dana Reyes',
        displayName: 'Dana Reyes',
        speakers: [0, 2],
        resolved: true,
        confidence: 0.95,
        evidence: [
          {
            kind: 'seam',
            speaker: 2,
            sameAs: 0,
            named: null,
            confidence: 0.95,
            line: 4,
            reason: "the turn at line 5 repeats Dana Reyes's words at line 3",
          },
        ],
      },
      { index: 1, name: 'Omar Haddad', displayName: 'Omar Haddad', speakers: [1], resolved: true, confidence: 1, evidence: [] },
      { index: 2, name: null, displayName: 'Speaker 1 · chunk 2', speakers: [3], resolved: false, confidence: 1, evidence: [] },
    ]);
  });

  test("Markdown writes chunk 2's Speaker 2 as Dana Reyes; the label tied to no one stays", async (t) => {
    assert.equal(
      await exported(t, SEAM, 'md'),
      lines(
        '# harbour',
        '',
        '## Part 1',
        '',
        '**Dana Reyes:** We rebuilt the harbour wall over three summers, stone by stone.',
        '',
        '**Omar Haddad:** And the council never paid for a single stone of it.',
        '',
        '**Dana Reyes:** Nobody paid us a penny for any of that work on the wall, not once.',
        '',
        '## Part 2',
        '',
        '### 00:01:10',
        '',
        '**Dana Reyes:** Nobody paid us a penny for any of that work on the wall, not once.',
        '',
        '### 00:01:16',
        '',
        '**Speaker 1:** Then we should send the council the bill.',
        '',
        '### 00:01:21',
        '',
        '**Dana Reyes:** I will write it tonight.',
        '',
      ),
    );
  });

  test('WebVTT gives her voice her name, and still parses', async (t) => {
    const vtt = await exported(t, SEAM, 'vtt');
    assert.equal(
      vtt,
      lines(
        'WEBVTT',
        '',
        '00:01:10.000 --> 00:01:16.000',
        '<v Dana Reyes>Nobody paid us a penny for any of that work on the wall, not once.',
        '',
        '00:01:16.000 --> 00:01:21.000',
        '<v Speaker 1>Then we should send the council the bill.',
        '',
        '00:01:21.000 --> 00:01:26.000',
        '<v Dana Reyes>I will write it tonight.',
        '',
      ),
    );
    const parsed = new WebVTTParser(entities).parse(vtt, 'metadata');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.cues.length, 3);
  });

  test('SRT writes her name before her lines', async (t) => {
    assert.equal(
      await exported(t, SEAM, 'srt'),
      lines(
        '1',
        '00:01:10,000 --> 00:01:16,000',
        'Dana Reyes: Nobody paid us a penny for any of that work on the wall, not once.',
        '',
        '2',
        '00:01:16,000 --> 00:01:21,000',
        'Speaker 1: Then we should send the council the bill.',
        '',
        '3',
        '00:01:21,000 --> 00:01:26,000',
        'Dana Reyes: I will write it tonight.',
        '',
      ),
    );
  });

  test("a person's confidence is its weakest applied link, also one that joined two groups already made", () => {
    // Four chunks, one label each: A–B and C–D are joined first, then B–D joins the two groups.
    // Only this last link reaches no speaker first, so the person's evidence must come from all
    // applied links, not from the first link to reach each speaker.
    const model = parseTranscript(
      lines(
        'Speaker 1: One.',
        'This chunk continues in the next part.',
        'Speaker 1: Two.',
        'This chunk continues in the next part.',
        'Speaker 1: Three.',
        'This chunk continues in the next part.',
        'Speaker 1: Four.',
      ),
    );
    const link = (from: number, to: number, confidence: number, line: number): Link => ({
      kind: 'continuation',
      from,
      to,
      confidence,
      line,
      reason: `link ${from}–${to}`,
    });
    const grouping = new Grouping(model);
    grouping.applyAll([link(1, 0, 0.95, 2), link(3, 2, 0.9, 6), link(3, 1, 0.85, 4)]);
    const person = toJsonModel(model, {}, grouping.people()).people[0]!;
    assert.deepEqual(person.speakers, [0, 1, 2, 3]);
    assert.equal(person.confidence, 0.85);
    assert.deepEqual(
      person.evidence.map((evidence) => [evidence.speaker, evidence.sameAs, evidence.line]),
      [
        [1, 0, 2],
        [3, 1, 4],
        [3, 2, 6],
      ],
    );
  });
});
