import fc from 'fast-check';
import { classifyLine } from '../../server/src/service/parse/lineKinds';
import { splitLines } from '../../server/src/service/util/text';

/*
 * Generators of transcripts in every layout family of docs/format.md (invented names and text),
 * and of the edits a person makes to them, for the property tests (`incremental.test.ts`,
 * `properties.test.ts`). A document is built from sections, each in one family, joined by chunk
 * markers, with front matter, a title, a preamble and furniture around and between them.
 */

/** Each family of docs/format.md, and the seed's own forms. */
export const FAMILIES = [
  'seed',
  'bold-label',
  'bold-label-stamp',
  'asr-bold',
  'otter-bold',
  'bold-stamp-first',
  'bracketed',
  'rev',
  'otter',
  'label-stamp-line',
  'stamp-first',
  'segments',
  'segments-under-headings',
  'diarizer',
  'interview',
  'podcast-page',
  'webvtt',
  'srt',
  'srt-word-level',
  'markdown-vtt',
] as const;
export type Family = (typeof FAMILIES)[number];

const NAMES = ['Dana Reyes', 'Tomasz Wolny', 'Priya Natarajan', 'Marek Silva', 'Ruth Adeyemi', 'Osei Mensah', '王小明'];
const DIARIZER = ['SPEAKER_00', 'SPEAKER_01', 'spk_0', 'spk_1', 'Speaker A', 'Speaker B'];
const INITIALS = ['DR', 'NK', 'Speaker 0', 'Speaker 2'];
const COURT = ['Q', 'A', 'THE WITNESS', 'MR. OKAFOR', 'MS. DUNN'];

const SENTENCES = [
  'So where do we start?',
  'The sheet is going round now.',
  'I can build raised beds from the cedar boards in our garage.',
  'It floods, though. Look at the moss on those stones.',
  'thirty days sounds fair does anyone object',
  'Nobody walks four hundred meters to cross a road.',
  'Second Saturday of the month, in the back room of the parish hall.',
  'Thank you.',
  '(CROSSTALK)',
  'and then he said: fine.',
  'Note: the recorder stopped here',
  'She said "wait for it" and left.',
  'The quote was "just over two thousand.',
  'we met at 12:41 by the gate',
  'That went well. (Positive)',
  'I am not sure about that. (Negative sentiment)',
  'see \\[04:11\\] in the notes',
  'café naïve 😀 déjà vu',
];

const sentence = fc.constantFrom(...SENTENCES);
/** A turn's text: one to three sentences. */
const text = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
/** Lines that wrap a turn's text below its first. */
const moreLines = fc.array(sentence, { maxLength: 2 });

/** Seconds into the recording; turns draw their own, so stamps go backwards now and then. */
const seconds = fc.oneof(fc.integer({ min: 0, max: 5400 }), fc.integer({ min: 0, max: 120 }));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
type TimeStyle = 'hh:mm:ss' | 'h:mm:ss' | 'mm:ss' | 'm:ss';
const timeStyle = fc.constantFrom<TimeStyle>('hh:mm:ss', 'h:mm:ss', 'mm:ss', 'm:ss');

/** A stamp's value as a layout writes it bare: `00:12:41`, `0:12:41`, `12:41`, `4:05`, maybe with a fraction. */
function time(s: number, style: TimeStyle, fraction = ''): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  switch (style) {
    case 'hh:mm:ss':
      return `${pad(h)}:${pad(m)}:${pad(sec)}${fraction}`;
    case 'h:mm:ss':
      return `${h}:${pad(m)}:${pad(sec)}${fraction}`;
    case 'mm:ss':
      return `${pad(Math.floor(s / 60))}:${pad(sec)}${fraction}`;
    case 'm:ss':
      return `${Math.floor(s / 60)}:${pad(sec)}${fraction}`;
  }
}

/** A cue time: `00:12:41.000` (WebVTT, `,` in SRT), or `12:41.000`. */
function cueTime(ms: number, comma: boolean, short = false): string {
  const s = Math.floor(ms / 1000);
  const frac = `${comma ? ',' : '.'}${pad(ms % 1000, 3)}`;
  return short && s < 3600 ? `${pad(Math.floor(s / 60))}:${pad(s % 60)}${frac}` : `${time(s, 'hh:mm:ss')}${frac}`;
}

const blankBetween = fc.boolean();

/** Turns of one family: each a record of what the family's header can hold. */
const turns = <T>(turn: fc.Arbitrary<T>, min = 1, max = 6) => fc.array(turn, { minLength: min, maxLength: max });

const withBlank = (lines: string[], blank: boolean) => (blank ? [...lines, ''] : lines);

const seedFamily = turns(
  fc.record({
    form: fc.constantFrom('stamp-label', 'label-stamp', 'label', 'cast'),
    n: fc.integer({ min: 1, max: 3 }),
    s: seconds,
    text,
    quoted: fc.boolean(),
    sentiment: fc.option(fc.constantFrom('Sentiment: Hopeful', '(Sentiment: Positive)', '[Neutral sentiment]'), { nil: undefined }),
  }),
).map((ts) =>
  ts.flatMap((t) => {
    const body = t.quoted ? `"${t.text}"` : t.text;
    const stamp = `[${time(t.s, 'hh:mm:ss')}]`;
    const header =
      t.form === 'stamp-label'
        ? `${stamp} Speaker ${t.n}: ${body}`
        : t.form === 'label-stamp'
          ? `Speaker ${t.n}: ${stamp} ${body}`
          : t.form === 'cast'
            ? `Speaker ${t.n} (${NAMES[t.n]}): ${body}`
            : `Speaker ${t.n}: ${body}`;
    return t.sentiment ? [header, t.sentiment] : [header];
  }),
);

const boldLabel = fc
  .tuple(turns(fc.record({ name: fc.constantFrom(...NAMES), how: fc.integer({ min: 0, max: 2 }), text, more: moreLines })), blankBetween)
  .map(([ts, blank]) =>
    ts.flatMap((t) =>
      withBlank(
        t.how === 0
          ? [`**${t.name}:** ${t.text}`, ...t.more]
          : t.how === 1
            ? [`**${t.name}**: ${t.text}`, ...t.more]
            : [`**${t.name}:**`, t.text, ...t.more], // the label alone, its text below
        blank,
      ),
    ),
  );

const boldLabelStamp = fc
  .tuple(turns(fc.record({ name: fc.constantFrom(...NAMES), s: seconds, alone: fc.boolean(), text, more: moreLines })), timeStyle, blankBetween)
  .map(([ts, style, blank]) =>
    ts.flatMap((t) => {
      const header = `**${t.name}** [${time(t.s, style)}]`;
      return withBlank(t.alone ? [header, t.text, ...t.more] : [`${header} ${t.text}`, ...t.more], blank);
    }),
  );

const asrBold = fc
  .tuple(
    turns(fc.record({ label: fc.constantFrom(...DIARIZER.slice(0, 2)), s: seconds, text })),
    fc.constantFrom<TimeStyle>('mm:ss', 'h:mm:ss'),
    blankBetween,
  )
  .map(([ts, style, blank]) => ts.flatMap((t) => withBlank([`**[${time(t.s, style)}] ${t.label}:** ${t.text}`], blank)));

const otterBold = turns(
  fc.record({
    name: fc.constantFrom(...NAMES),
    s: seconds,
    gap: fc.constantFrom('  ', '   '),
    trail: fc.constantFrom('', '  '),
    text,
    more: moreLines,
  }),
).map((ts) => ts.flatMap((t) => [`**${t.name}**${t.gap}${time(t.s, 'm:ss')}${t.trail}`, t.text, ...t.more, '']));

const boldStampFirst = fc
  .tuple(turns(fc.record({ name: fc.constantFrom(...NAMES), s: seconds, sep: fc.constantFrom(' · ', ' - ', ' '), text })), blankBetween)
  .map(([ts, blank]) => ts.flatMap((t) => withBlank([`**${time(t.s, 'h:mm:ss')}**${t.sep}${t.name}: ${t.text}`], blank)));

const bracketed = turns(fc.record({ n: fc.integer({ min: 1, max: 3 }), s: seconds, text })).map((ts) =>
  ts.map((t) => `[Speaker ${t.n}] [${time(t.s, 'mm:ss')}] ${t.text}`),
);

const rev = fc
  .tuple(turns(fc.record({ name: fc.constantFrom(...NAMES), s: seconds, goesOn: fc.boolean(), text, more: moreLines })), timeStyle)
  .map(([ts, style]) => ts.flatMap((t) => [t.goesOn ? `(${time(t.s, style)}):` : `${t.name} (${time(t.s, style)}):`, t.text, ...t.more, '']));

const otter = fc
  .tuple(turns(fc.record({ name: fc.constantFrom(...NAMES), s: seconds, gap: fc.constantFrom('  ', '    '), text, more: moreLines })), fc.boolean())
  .map(([ts, footer]) => [
    ...ts.flatMap((t) => [`${t.name}${t.gap}${time(t.s, 'm:ss')}`, t.text, ...t.more, '']),
    ...(footer ? ['Transcribed by https://otter.ai'] : []),
  ]);

const labelStampLine = turns(fc.record({ label: fc.constantFrom(...INITIALS), s: seconds, text, more: moreLines })).map((ts) =>
  ts.flatMap((t) => [`${t.label}: ${time(t.s, 'hh:mm:ss')}`, t.text, ...t.more, '']),
);

const stampFirst = fc
  .tuple(
    turns(fc.record({ name: fc.constantFrom(...NAMES), s: seconds, bold: fc.boolean(), fraction: fc.constantFrom('', '.5'), text })),
    blankBetween,
  )
  .map(([ts, blank]) =>
    ts.flatMap((t) =>
      withBlank([t.bold ? `${time(t.s, 'h:mm:ss', t.fraction)} **${t.name}** ${t.text}` : `${time(t.s, 'hh:mm:ss')} ${t.name}: ${t.text}`], blank),
    ),
  );

type SegmentStyle = 'bare' | 'bracketed' | 'bold' | 'seconds' | 'range';
const segmentStyle = fc.constantFrom<SegmentStyle>('bare', 'bracketed', 'bold', 'seconds', 'range');
function segment(style: SegmentStyle, s: number, words: string): string {
  switch (style) {
    case 'bare':
      return `${time(s, 'hh:mm:ss')} ${words}`;
    case 'bracketed':
      return `[${time(s, 'hh:mm:ss')}] ${words}`;
    case 'bold':
      return `**${time(s, 'm:ss')}** · ${words}`;
    case 'seconds':
      return `[${s}.${s % 10}s] ${words}`;
    case 'range':
      return `[${s}.00 --> ${s + 3}.96]  ${words}`;
  }
}

const segments = fc
  .tuple(turns(fc.record({ s: seconds, text }), 1, 8), segmentStyle)
  .map(([ts, style]) => ts.map((t) => segment(style, t.s, t.text)));

const segmentsUnderHeadings = fc
  .tuple(
    turns(
      fc.record({
        label: fc.constantFrom(...DIARIZER, ...NAMES.slice(0, 2)),
        bold: fc.boolean(),
        segs: fc.array(fc.record({ s: seconds, text, wrapped: fc.option(sentence, { nil: undefined }) }), { maxLength: 3 }),
        below: text,
      }),
      1,
      4,
    ),
    fc.constantFrom<SegmentStyle>('seconds', 'bracketed', 'range'),
  )
  .map(([ts, style]) =>
    ts.flatMap((t) => [
      t.bold ? `**${t.label}:**` : `${t.label}:`,
      // Segments below the heading; without any, the text below is the heading's turn.
      ...(t.segs.length === 0 ? [t.below] : t.segs.flatMap((g) => [segment(style, g.s, g.text), ...(g.wrapped ? [g.wrapped] : [])])),
      '',
    ]),
  );

const diarizer = turns(fc.record({ label: fc.constantFrom(...DIARIZER), alone: fc.boolean(), text }), 1, 8).map((ts) =>
  ts.flatMap((t) => (t.alone ? [`${t.label}:`, t.text] : [`${t.label}: ${t.text}`])),
);

const interview = fc
  .tuple(turns(fc.record({ who: fc.constantFrom(...COURT), text }), 1, 8), fc.constantFrom('colon', 'dot', 'mixed'))
  .map(([ts, style]) =>
    ts.map((t, i) => {
      if (style === 'dot') return `${i % 2 === 0 ? 'Q' : 'A'}.  ${t.text}`;
      if (style === 'colon') return `${i % 2 === 0 ? 'Q' : 'A'}: ${t.text}`;
      return `${t.who}: ${t.text}`;
    }),
  );

/**
 * A podcast's page: each paragraph opens with its time as a link to the recording (`[(00:12:41)](…)`
 * or `[00:12:41](…)`), after the speaker's name unless the speaker goes on; now and then a
 * chapter's heading, after which the speaker may go on too.
 */
const podcastPage = turns(
  fc.record({
    name: fc.constantFrom(...NAMES),
    s: seconds,
    goesOn: fc.boolean(),
    brackets: fc.boolean(),
    colon: fc.boolean(),
    chapter: fc.boolean(),
    text,
  }),
).map((ts) =>
  ts.flatMap((t) => {
    const value = time(t.s, 'hh:mm:ss');
    const stamp = `${t.brackets ? `[${value}]` : `[(${value})]`}(https://video.example.org/watch?v=ep&t=${t.s})`;
    return [...(t.chapter ? ['## A chapter', ''] : []), t.goesOn ? `${stamp} ${t.text}` : `${t.name}${t.colon ? ':' : ''} ${stamp} ${t.text}`, ''];
  }),
);

/**
 * A court record on numbered pages (not one of FAMILIES: a pipeline's chunk is never one, and
 * its sections mix with others only at chunk markers): a caption, then the speech, each line
 * numbered on its page and double-spaced as typists do, the page's number and the reporter between
 * pages, maybe an index after the last page. `speech` is each line of speech, for a test to find in the turns.
 */
export const courtRecord = fc
  .record({
    // Twenty lines and more: a page's worth, as `numberedPages.ts` asks.
    turns: turns(fc.record({ who: fc.constantFrom(...COURT), first: sentence, more: fc.array(sentence, { minLength: 2, maxLength: 3 }) }), 6, 10),
    perPage: fc.integer({ min: 5, max: 25 }),
    doubleSpaced: fc.boolean(),
    index: fc.boolean(),
  })
  .map(({ turns: ts, perPage, doubleSpaced, index }) => {
    const speech = ts.flatMap((t) => [t.first, ...t.more]);
    const numbered = [
      '           IN THE CEDAR COUNTY DISTRICT COURT',
      'HAROLD BRIGGS,                  :',
      '               Plaintiff        :   No. 24-117',
      ...ts.flatMap((t) => [`             ${t.who}:   ${t.first}`, ...t.more]),
    ];
    const lines: string[] = ['          Unofficial - Subject to Correction', ''];
    numbered.forEach((line, i) => {
      const number = (i % perPage) + 1;
      lines.push(`${String(number).padStart(2)}   ${line}`, ...(doubleSpaced ? [''] : []));
      if (number === perPage || i === numbered.length - 1) {
        lines.push('', `${' '.repeat(34)}${Math.floor(i / perPage) + 1}`, '          Lakeside Reporting Services', '');
      }
    });
    if (index) lines.push('   A            canal 1:10          12 2:4', '  apple 2:6    30 1:1', ' 7 depot 1:7');
    return { text: lines.join('\n'), speech };
  });

/** A WebVTT cue's text, with a voice in one of the three ways or none, and markup now and then. */
const cueText = fc
  .record({
    voice: fc.constantFrom('tag', 'tag-open', 'colon', 'bracket', 'none'),
    name: fc.constantFrom(...NAMES),
    lines: fc.array(sentence, { minLength: 1, maxLength: 2 }),
    italic: fc.boolean(),
  })
  .map(({ voice, name, lines, italic }) => {
    const body = lines.map((l, i) => (italic && i === 0 ? `<i>${l}</i>` : l));
    const first = body[0]!;
    const rest = body.slice(1);
    switch (voice) {
      case 'tag':
        return rest.length === 0 ? [`<v ${name}>${first}</v>`] : [`<v ${name}>${first}`, ...rest.slice(0, -1), `${rest[rest.length - 1]!}</v>`];
      case 'tag-open':
        return [`<v ${name}>${first}`, ...rest];
      case 'colon':
        return [`${name}: ${first}`, ...rest];
      case 'bracket':
        return [`[${name}] ${first}`, ...rest];
      default:
        return body;
    }
  });

const cue = fc.record({
  id: fc.constantFrom(undefined, 'intro', 'numbered'),
  startMs: fc.integer({ min: 0, max: 3_600_000 }),
  lengthMs: fc.integer({ min: 200, max: 6000 }),
  settings: fc.constantFrom('', ' align:start', ' align:start position:10%', ' line:85%'),
  short: fc.boolean(),
  text: cueText,
  note: fc.option(fc.constantFrom(['NOTE the next two cues overlap'], ['NOTE', 'checked by hand against', 'the recording']), { nil: undefined }),
});

const webvttCues = (min: number) =>
  fc
    .array(cue, { minLength: min, maxLength: 6 })
    .map((cs) =>
      cs.flatMap((c, i) => [
        ...(c.note ? [...c.note, ''] : []),
        ...(c.id === 'intro' ? ['intro'] : c.id === 'numbered' ? [String(i + 1)] : []),
        `${cueTime(c.startMs, false, c.short)} --> ${cueTime(c.startMs + c.lengthMs, false, c.short)}${c.settings}`,
        ...c.text,
        '',
      ]),
    );

const webvtt = fc
  .record({ title: fc.constantFrom('', ' - Garden committee'), kind: fc.boolean(), style: fc.boolean(), cues: webvttCues(1) })
  .map(({ title, kind, style, cues }) => [
    `WEBVTT${title}`,
    ...(kind ? ['Kind: captions', 'Language: en'] : []),
    '',
    ...(style ? ['STYLE', '::cue(v[voice="Dana Reyes"]) {', '  color: #ffd166;', '}', ''] : []),
    ...cues,
  ]);

const srt = fc
  .array(
    fc.record({
      startMs: fc.integer({ min: 0, max: 3_600_000 }),
      lengthMs: fc.integer({ min: 200, max: 6000 }),
      lines: fc.array(sentence, { minLength: 1, maxLength: 2 }),
      tag: fc.constantFrom('', '{\\an8}', '<i>'),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((cs) =>
    cs.flatMap((c, i) => [
      String(i + 1),
      `${cueTime(c.startMs, true)} --> ${cueTime(c.startMs + c.lengthMs, true)}`,
      ...c.lines.map((l, k) => (k === 0 && c.tag === '<i>' ? `<i>${l}</i>` : k === 0 ? `${c.tag}${l}` : l)),
      '',
    ]),
  );

const WORDS = [
  'Okay,',
  'everyone,',
  'gather',
  'round',
  'the',
  'blue',
  'mat.',
  'Before',
  'anybody',
  'climbs,',
  'we',
  'check',
  'knots.',
  'ready."',
  'Mr.',
];
const srtWordLevel = fc
  .record({
    start: fc.integer({ min: 0, max: 600_000 }),
    words: fc.array(fc.record({ word: fc.constantFrom(...WORDS), gap: fc.constantFrom(40, 40, 40, 600, 2200), two: fc.nat({ max: 9 }) }), {
      minLength: 10,
      maxLength: 20,
    }),
  })
  .map(({ start, words }) => {
    let at = start;
    return words.flatMap((w, i) => {
      const from = at;
      at += 300 + w.gap;
      // Most cues hold one word; a few hold two.
      return [String(i + 1), `${cueTime(from, true)} --> ${cueTime(from + 300, true)}`, w.two === 0 ? `${w.word} again` : w.word, ''];
    });
  });

const markdownVtt = fc
  .record({ fence: fc.constantFrom('```', '```vtt'), cues: webvttCues(1), after: fc.boolean() })
  .map(({ fence, cues, after }) => [
    '# Larkspur Court tenants: March meeting',
    '',
    'Attendance: 14 households, plus the caretaker.',
    '',
    '## Captions',
    '',
    fence,
    'WEBVTT',
    '',
    ...cues,
    '```',
    '',
    ...(after ? ['**Next meeting:** April 9, in the community room.', '', 'Summary: we agreed on the paint.'] : []),
  ]);

export const FAMILY_LINES: Record<Family, fc.Arbitrary<string[]>> = {
  seed: seedFamily,
  'bold-label': boldLabel,
  'bold-label-stamp': boldLabelStamp,
  'asr-bold': asrBold,
  'otter-bold': otterBold,
  'bold-stamp-first': boldStampFirst,
  bracketed,
  rev,
  otter,
  'label-stamp-line': labelStampLine,
  'stamp-first': stampFirst,
  segments,
  'segments-under-headings': segmentsUnderHeadings,
  diarizer,
  interview,
  'podcast-page': podcastPage,
  webvtt,
  srt,
  'srt-word-level': srtWordLevel,
  'markdown-vtt': markdownVtt,
};

/** One section: a family's lines, and the family, so that a failing case says which it was. */
export const section = (families: readonly Family[] = FAMILIES) =>
  fc.constantFrom(...families).chain((family) => FAMILY_LINES[family].map((lines) => ({ family, lines })));

const FURNITURE = [
  '---',
  '## Part two',
  '***',
  'https://example.org/recording',
  'Website: https://example.org',
  '![The plot](plot.png)',
  '<!-- checked -->',
];
const MARKER_LINES = ['This chunk continues in the next part.', '[This chunk continues in the next part.]', 'This is the last chunk.'];

export interface LayoutDocument {
  readonly families: readonly Family[];
  readonly text: string;
}

/**
 * A document of one to four sections of any families, chunk markers between them, and maybe
 * front matter, a title with a description (the preamble) and furniture lines dropped between lines.
 */
export const layoutDocument = (families: readonly Family[] = FAMILIES, maxSections = 4): fc.Arbitrary<LayoutDocument> =>
  fc
    .record({
      frontMatter: fc.boolean(),
      title: fc.constantFrom(undefined, 'heading', 'setext'),
      sections: fc.array(fc.record({ section: section(families), marker: fc.constantFrom(...MARKER_LINES) }), {
        minLength: 1,
        maxLength: maxSections,
      }),
      furniture: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), line: fc.constantFrom(...FURNITURE) }), { maxLength: 2 }),
      eol: fc.constantFrom('\n', '\n', '\n', '\r\n'),
      finalEol: fc.boolean(),
    })
    .map(({ frontMatter, title, sections, furniture, eol, finalEol }) => {
      const lines: string[] = [];
      if (frontMatter) lines.push('---', 'title: Elm Street garden', 'date: 2024-04-18', '---', '');
      if (title === 'heading') lines.push('# Elm Street garden, volunteer evening', '', 'Recorded in the small room of the library.', '');
      if (title === 'setext') lines.push('Elm Street Community Garden', '===========================', '');
      const head = lines.length;
      sections.forEach(({ section: s, marker }, i) => {
        lines.push(...s.lines);
        if (i < sections.length - 1) lines.push(marker);
      });
      for (const { at, line } of furniture) lines.splice(head + Math.floor(at * (lines.length - head)), 0, line);
      return { families: sections.map((s) => s.section.family), text: lines.join(eol) + (finalEol ? eol : '') };
    });

/** What typing and pasting put in: the constructs whose appearance or loss changes how lines read. */
export const LAYOUT_INSERTS = [
  '\n',
  '\r\n',
  '\n\n',
  '**',
  ':',
  '[',
  ']',
  '(',
  ')',
  ' ',
  '  ',
  '-->',
  ' --> ',
  '`',
  '```',
  '---',
  '#',
  'WEBVTT',
  'WEBVTT\n\n',
  'NOTE ',
  'STYLE\n',
  '17\n',
  '00:00:05.000 --> 00:00:07.000\n',
  '00:00:05,000 --> 00:00:07,000',
  '**Dana Reyes:** ',
  '**Dana Reyes** [4:05] ',
  '**[12:41] SPEAKER_01:** ',
  '**Ruth Adeyemi**  0:18\n',
  '**0:00:19** · ',
  '[Speaker 2] [12:41] ',
  'Marek Silva (58:10):\n',
  '(58:31):\n',
  'Imogen Clarke  0:44\n',
  'NK: 00:13:05\n',
  '0:12:41.5 **Dana Reyes** ',
  '00:04:11 Samir Aziz: ',
  '[12.3s] ',
  '[0.00 --> 3.96]  ',
  '00:12:41 ',
  'SPEAKER_00:',
  'SPEAKER_00:\n',
  'spk_1: ',
  'Q.  ',
  'A: ',
  'THE WITNESS: ',
  '<v Dana Reyes>',
  '</v>',
  'Transcribed by https://otter.ai',
  'This chunk continues in the next part.',
  'This is the last chunk.\n',
  'Sentiment: Hopeful',
  '"',
  '\ufeff',
  '😀',
  'x',
  '',
];

/** Header lines a person types, a character at a time. */
export const TYPED_HEADERS = [
  '**Dana Reyes:** so',
  '**Dana Reyes** [4:05]',
  '**[12:41] SPEAKER_01:** ok',
  '**Ruth Adeyemi**  0:18',
  '**0:00:19** · Jonah Whitfield: up',
  '[Speaker 2] [12:41] yes',
  'Marek Silva (58:10):',
  '(58:31):',
  'Imogen Clarke  0:44',
  'DR: 00:12:41',
  '0:12:41.5 **Dana Reyes** Good.',
  '00:12:41 So where',
  '[0.00 --> 3.96]  Good',
  '[12.3s] Tonight',
  'SPEAKER_01:',
  'Q.  When?',
  'MR. OKAFOR: Objection.',
  '00:00:05.000 --> 00:00:07.500 align:start',
  '00:00:05,000 --> 00:00:07,500',
  'WEBVTT',
  'NOTE checked',
  '```vtt',
  '---',
  '[00:01:31] Speaker 1: "Hi."',
  'This chunk continues in the next part.',
];

export type Edit =
  /** Replace `remove` characters at a point with `insert` (line breaks included). */
  | { readonly kind: 'splice'; readonly at: number; readonly remove: number; readonly insert: string }
  /** Replace whole lines with a line (or none). */
  | { readonly kind: 'lines'; readonly at: number; readonly remove: number; readonly insert: string | undefined }
  /** Type a header a character at a time: at the start of a line, or on a new line after one. */
  | { readonly kind: 'type'; readonly at: number; readonly header: string; readonly newLine: boolean }
  /** Delete a blank line, the one before a cue's timing line when there is one. */
  | { readonly kind: 'delete-blank'; readonly at: number };

const at = fc.double({ min: 0, max: 1, noNaN: true });
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at,
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom(...LAYOUT_INSERTS), fc.string({ maxLength: 6 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('lines' as const),
      at,
      remove: fc.nat({ max: 3 }),
      insert: fc.option(fc.constantFrom(...TYPED_HEADERS, ...FURNITURE, ...SENTENCES, ''), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type' as const), at, header: fc.constantFrom(...TYPED_HEADERS), newLine: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-blank' as const), at }) },
);

/** Where each line starts, and where it ends (before its line break). */
function lineSpans(text: string): Array<{ start: number; end: number; next: number }> {
  const spans: Array<{ start: number; end: number; next: number }> = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    spans.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length, next: text.length });
  return spans;
}

const CUE_TIMING_LINE = /^\s*\d{1,3}(?::\d{1,2}){1,2}[.,]\d{1,3}[ \t]+-->/;

/** The versions of the text an edit goes through: one, or one per character typed. */
export function applyEdit(text: string, e: Edit): string[] {
  const spans = lineSpans(text);
  const pick = (fraction: number, count: number) => Math.min(count - 1, Math.floor(fraction * count));
  switch (e.kind) {
    case 'splice': {
      const offset = Math.floor(e.at * text.length);
      return [text.slice(0, offset) + e.insert + text.slice(offset + e.remove)];
    }
    case 'lines': {
      const first = pick(e.at, spans.length);
      const last = Math.min(spans.length - 1, first + Math.max(0, e.remove - 1));
      const from = spans[first]!.start;
      const to = e.remove === 0 ? from : spans[last]!.next;
      const eol = e.remove === 0 || spans[last]!.next > spans[last]!.end ? '\n' : '';
      return [text.slice(0, from) + (e.insert === undefined ? '' : e.insert + eol) + text.slice(to)];
    }
    case 'type': {
      const line = spans[pick(e.at, spans.length)]!;
      const point = e.newLine ? line.end : line.start;
      const typed = (e.newLine ? '\n' : '') + e.header + (e.newLine ? '' : ' ');
      const versions: string[] = [];
      for (let n = 1; n <= typed.length; n++) versions.push(text.slice(0, point) + typed.slice(0, n) + text.slice(point));
      return versions;
    }
    case 'delete-blank': {
      const blanks = spans.flatMap((s, i) => (s.end === s.start && i + 1 < spans.length ? [i] : []));
      if (blanks.length === 0) return [text];
      // Prefer a blank line between two cues: the one right before a timing line (or its cue id).
      const beforeCue = blanks.filter((i) => {
        const next = text.slice(spans[i + 1]!.start, spans[i + 1]!.end);
        const after = spans[i + 2] ? text.slice(spans[i + 2]!.start, spans[i + 2]!.end) : '';
        return CUE_TIMING_LINE.test(next) || (/^\S+$/.test(next) && CUE_TIMING_LINE.test(after));
      });
      const pool = beforeCue.length > 0 ? beforeCue : blanks;
      const line = spans[pool[pick(e.at, pool.length)]!]!;
      return [text.slice(0, line.start) + text.slice(line.next)];
    }
  }
}

/**
 * The chunk markers of `text` with no blank line above them, under a cue's timing line or text or
 * inside a WebVTT header, NOTE or STYLE block: the shape that once made a marker the cue's text
 * (and whole and incremental parses differ). The incremental test checks such texts on purpose.
 */
export function markersSwallowedByCues(text: string): number[] {
  const lines = splitLines(text);
  const kinds = lines.map((line, i) => classifyLine(line, i));
  const swallowed: number[] = [];
  let sectionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i]!.kind !== 'marker') continue;
    const hasCue = kinds.slice(sectionStart, i).some((kind) => kind.kind === 'header' && kind.header.form === 'cue');
    // The lines right above the marker, up to a blank line, a fence or the section's start.
    let top = i;
    let inCue = false;
    while (top > sectionStart) {
      const kind = kinds[top - 1]!;
      if (kind.kind === 'blank' || (kind.kind === 'furniture' && kind.furniture.kind === 'fence')) break;
      top--;
      if (kind.kind === 'header' && kind.header.form === 'cue') inCue = true;
    }
    const inBlock = top < i && /^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/.test(lines[top]!.replace(/^[ \t\ufeff]+/, ''));
    if (hasCue && (inCue || inBlock)) swallowed.push(i);
    sectionStart = i + 1;
  }
  return swallowed;
}

/** Whether the text has a marker right under a cue or a block (see above). */
export const markerInCueText = (text: string): boolean => markersSwallowedByCues(text).length > 0;

/* ------------------------------------------------------------------------------------------------ */

/*
 * Documents with seams, for the Fix All property (`properties.test.ts`): a talk cut into chunks,
 * each chunk written in one layout family (and the seed's chunks in each of its header forms),
 * where a chunk may open by repeating the end of the one before, as pipelines do: word for word,
 * re-transcribed (a few words dropped, misheard or heard as another form of the word), after the
 * chunk before was cut off mid-sentence, or with the repeated turns run together into one. Chunks
 * meet at a marker (either kind), where the format changes, or with nothing to show the join, and
 * a turn may be stuck on a phrase (a repetition loop). The generator knows what it added: for each
 * word, how many of its occurrences are copies (of a passage, of a looped phrase) and how many a
 * re-transcription changed, which is what Fix All may take away and no more.
 */

/** Words the talk is made of: no two are forms of one word (`mend`, `mended`), so each counts on its own. */
const CONTENT_WORDS = (
  'harbour wall stone summer council bridge money ferry ticket kitchen table garden ladder window orchard ' +
  'pear apple frost river meadow barn cattle wagon lantern chimney roof beam nail hammer rope sail anchor ' +
  'market bread cheese honey candle letter parcel station platform engine whistle signal ' +
  'built painted mended counted planted watered opened closed followed crossed lifted ' +
  'early late quiet heavy narrow broad golden silver bitter gentle sudden'
).split(' ');
const FUNCTION_WORDS = 'the we our and with from into over under it was were had'.split(' ');
/** A word a re-transcription hears as another form of it (docs/diagnostics.md: `mod` for `model`). */
const HEARD_AS: Readonly<Record<string, string>> = {
  painted: 'paint',
  mended: 'mend',
  counted: 'count',
  planted: 'plant',
  watered: 'water',
  opened: 'open',
  closed: 'close',
  followed: 'follow',
  crossed: 'cross',
  lifted: 'lift',
};
/** Words a re-transcription hears in place of another: none is a form of a word of the talk. */
const MISHEARD = 'pencil carpet tunnel bucket saddle helmet pocket trumpet blanket spinach rocket mirror basket'.split(' ');

/**
 * Every word a seam document speaks, in compared form: what the Fix All property counts. Labels
 * and stamps a layout's header holds are not speech, even where a layout reads one as text.
 */
export const SPOKEN_WORDS: ReadonlySet<string> = new Set([...CONTENT_WORDS, ...FUNCTION_WORDS, ...Object.values(HEARD_AS), ...MISHEARD]);

/** A word's compared form: lower case, without the punctuation around it (docs/diagnostics.md). */
export function wordForm(token: string): string {
  return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** One sentence: its words as written (the first capitalised), and what ends it (`...` when cut off). */
interface Sentence {
  readonly words: readonly string[];
  readonly end: string;
}
const sentenceText = (s: Sentence) => `${s.words.join(' ')}${s.end}`;
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const spokenSentence: fc.Arbitrary<Sentence> = fc
  .record({
    words: fc.array(fc.constantFrom(...CONTENT_WORDS, ...CONTENT_WORDS, ...FUNCTION_WORDS), { minLength: 5, maxLength: 10 }),
    end: fc.constantFrom('.', '.', '.', '?', '!'),
  })
  // No word twice in a row: six of one word in a row are a repetition loop, not speech.
  .filter(({ words }) => words.every((word, i) => i === 0 || word !== words[i - 1]))
  .map(({ words, end }) => ({ words: [capitalised(words[0]!), ...words.slice(1)], end }));

export type SeamKind = 'none' | 'exact' | 'fuzzy' | 'cut-off';
export type JoinKind = 'marker' | 'bracketed-marker' | 'format-change' | 'no-marker';
type SeedForm = 'stamp-label' | 'label-stamp' | 'indented' | 'label' | 'cast' | 'announced';

/** A turn as spoken: who, when (seconds), and its sentences. */
interface SpokenTurn {
  readonly speaker: number;
  readonly seconds: number;
  sentences: Sentence[];
  /** A turn stuck on a phrase: never repeated at a seam. */
  readonly loop?: boolean;
  /** A turn of the repeat a chunk opens with. */
  readonly copy?: boolean;
}

const seamArbitrary = fc.record({
  kind: fc.constantFrom<SeamKind>('none', 'exact', 'exact', 'fuzzy', 'fuzzy', 'cut-off'),
  join: fc.constantFrom<JoinKind>('marker', 'bracketed-marker', 'format-change', 'no-marker'),
  /** Sentences repeated, from the end of the chunk before: across turns when it takes more than one. */
  sentences: fc.integer({ min: 1, max: 4 }),
  /** The repeated turns run together into one, losing the speaker changes. */
  merged: fc.boolean(),
  /** The last repeated turn goes on with new speech. */
  goesOn: fc.boolean(),
  /** The later chunk's clock against the earlier one's (a pipeline's chunk clocks drift). */
  drift: fc.integer({ min: -6, max: 30 }),
  /** A re-transcription's changes, placed along the repeat. */
  changes: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), how: fc.constantFrom('drop', 'misheard', 'form') }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  /** Where the earlier copy's last sentence is cut off, as a share of its words. */
  cutAt: fc.double({ min: 0.3, max: 0.8, noNaN: true }),
});

const chunkArbitrary = (families: readonly Family[]) =>
  fc.record({
    family: fc.constantFrom(...families),
    seedForm: fc.constantFrom<SeedForm>('stamp-label', 'label-stamp', 'indented', 'label', 'cast', 'announced'),
    quoted: fc.boolean(),
    /** A sentiment note after each turn of the seed's layout, in one of its forms: on a line of its own, or at the end of the turn's line. */
    note: fc.constantFrom(
      undefined,
      'Sentiment: Neutral',
      '(Sentiment: Positive)',
      '[Neutral sentiment]',
      'Sentiment: Frustrated turning into Hopeful',
      ' (Positive sentiment)',
      ' (Negative)',
    ),
    // Up to six turns: enough for a layout to outnumber another in its section five to one, where
    // the rarer one is read as text (layoutSniffing.ts), so that deleting a turn can tip the balance.
    turns: fc.array(
      fc.record({
        speaker: fc.integer({ min: 0, max: 2 }),
        sentences: fc.array(spokenSentence, { minLength: 1, maxLength: 2 }),
        gap: fc.integer({ min: 2, max: 20 }),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
    loop: fc.option(
      fc.record({
        phrase: fc.tuple(fc.constantFrom(...CONTENT_WORDS), fc.constantFrom(...CONTENT_WORDS)).filter(([a, b]) => a !== b),
        copies: fc.integer({ min: 4, max: 6 }),
      }),
      {
        nil: undefined,
      },
    ),
    seam: seamArbitrary,
  });

export interface SeamDocument {
  readonly text: string;
  /** Each chunk's family, and how each chunk after the first meets the one before. */
  readonly families: readonly Family[];
  readonly seams: ReadonlyArray<{ readonly kind: SeamKind; readonly join: JoinKind; readonly merged: boolean }>;
  /**
   * Per compared word form, how many of its occurrences Fix All may take away: the copies the
   * seams and loops added, and the words a re-transcription dropped or heard another way (either
   * reading may be the one kept).
   */
  readonly removable: ReadonlyMap<string, number>;
}

const ROLES = ['Researcher', 'Moderator', 'Technician'];

/** A document of two to four chunks with seams between them (see above). */
export const seamDocument = (families: readonly Family[] = FAMILIES): fc.Arbitrary<SeamDocument> =>
  fc
    .record({ chunks: fc.array(chunkArbitrary(families), { minLength: 2, maxLength: 4 }), lastMarker: fc.boolean() })
    .map(({ chunks, lastMarker }) => {
      const removable = new Map<string, number>();
      const mayGo = (word: string) => removable.set(wordForm(word), (removable.get(wordForm(word)) ?? 0) + 1);
      let clock = 0;
      const built: Array<{ family: Family; turns: SpokenTurn[]; chunk: (typeof chunks)[number] }> = [];
      const seams: Array<{ kind: SeamKind; join: JoinKind; merged: boolean }> = [];
      for (const [index, chunk] of chunks.entries()) {
        const previous = built[index - 1];
        let family = chunk.family;
        let { join } = chunk.seam;
        if (previous) {
          // A WebVTT block inside Markdown cannot go on without its fence: it meets the next at a marker.
          if (join === 'no-marker' && previous.family === 'markdown-vtt') join = 'marker';
          if (join === 'no-marker') family = previous.family;
          if (join === 'format-change' && family === previous.family) family = families[(families.indexOf(family) + 1) % families.length]!;
          seams.push({ kind: chunk.seam.kind, join, merged: chunk.seam.merged });
        }
        const turns: SpokenTurn[] = [];
        if (previous && chunk.seam.kind !== 'none') turns.push(...repeatOf(previous.turns, chunk.seam, mayGo));
        clock = Math.max(clock, ...turns.map((t) => t.seconds));
        if (chunk.loop) {
          const [first, second] = chunk.loop.phrase;
          const copy: Sentence = { words: [capitalised(first), second], end: '.' };
          for (let k = 1; k < chunk.loop.copies; k++) copy.words.forEach(mayGo);
          turns.push({ speaker: 0, seconds: (clock += 3), sentences: Array.from({ length: chunk.loop.copies }, () => copy), loop: true });
        }
        for (const turn of chunk.turns) turns.push({ speaker: turn.speaker, seconds: (clock += turn.gap), sentences: [...turn.sentences] });
        // The last repeated turn going on with new speech: the first new turn's sentences are its.
        const repeated = turns.findIndex((turn) => !turn.copy);
        if (chunk.seam.goesOn && repeated > 0 && !turns[repeated]!.loop) {
          turns[repeated - 1]!.sentences.push(...turns[repeated]!.sentences);
          turns.splice(repeated, 1);
        }
        built.push({ family, turns, chunk: { ...chunk, seam: { ...chunk.seam, join } } });
      }
      const lines: string[] = [];
      built.forEach(({ family, turns, chunk }, index) => {
        const join = index === 0 ? undefined : chunk.seam.join;
        if (join === 'marker') lines.push('', 'This chunk continues in the next part.', '');
        else if (join === 'bracketed-marker') lines.push('', '[This chunk continues in the next part.]', '');
        else if (join !== undefined) lines.push('');
        lines.push(...renderSection(family, turns, chunk, join === 'no-marker'));
      });
      if (lastMarker) lines.push('', 'This is the last chunk.');
      return { text: `${lines.join('\n')}\n`, families: built.map((b) => b.family), seams, removable };
    });

/**
 * The turns a chunk opens with when it repeats the end of the turns before: the last `sentences`
 * sentences (never a looped turn's), in their turns, changed as the seam says. Records in `mayGo`
 * every word Fix All may take away: the copy's, and the earlier words the copy changed or dropped.
 * Cuts the earlier copy's last sentence off for a `cut-off` seam.
 */
function repeatOf(
  before: SpokenTurn[],
  seam: { kind: SeamKind; sentences: number; merged: boolean; drift: number; changes: ReadonlyArray<{ at: number; how: string }>; cutAt: number },
  mayGo: (word: string) => void,
): SpokenTurn[] {
  // The sentences from the end, as (turn, sentence) places, stopping at a loop.
  const places: Array<{ turn: SpokenTurn; sentence: number }> = [];
  for (let t = before.length - 1; t >= 0 && places.length < seam.sentences; t--) {
    const turn = before[t]!;
    if (turn.loop) break;
    for (let s = turn.sentences.length - 1; s >= 0 && places.length < seam.sentences; s--) places.unshift({ turn, sentence: s });
  }
  if (places.length === 0) return [];
  const copies = places.map(({ turn, sentence }) => ({ turn, sentence: turn.sentences[sentence]! }));
  if (seam.kind === 'cut-off') {
    // The earlier copy stops mid-sentence; the later one has the sentence whole.
    const last = places[places.length - 1]!;
    const whole = last.turn.sentences[last.sentence]!;
    const kept = Math.max(2, Math.min(whole.words.length - 2, Math.round(whole.words.length * seam.cutAt)));
    last.turn.sentences[last.sentence] = { words: whole.words.slice(0, kept), end: '...' };
    copies.slice(0, -1).forEach(({ sentence }) => sentence.words.forEach(mayGo));
    whole.words.slice(0, kept).forEach(mayGo);
  } else if (seam.kind === 'fuzzy') {
    const words = copies.flatMap(({ sentence }, s) => sentence.words.map((word, w) => ({ s, w, word })));
    const changed = new Map<string, string | undefined>();
    for (const { at, how } of seam.changes) {
      const { s, w, word } = words[Math.floor(at * words.length)]!;
      if (changed.has(`${s}:${w}`)) continue;
      const form = HEARD_AS[wordForm(word)];
      changed.set(`${s}:${w}`, how === 'drop' ? undefined : how === 'form' && form ? form : MISHEARD[(s * 7 + w) % MISHEARD.length]!);
      mayGo(word);
    }
    copies.forEach((copy, s) => {
      const words = copy.sentence.words.flatMap((word, w) =>
        changed.has(`${s}:${w}`) ? (changed.get(`${s}:${w}`) === undefined ? [] : [changed.get(`${s}:${w}`)!]) : [word],
      );
      copy.sentence = { words, end: copy.sentence.end };
      words.forEach(mayGo);
    });
  } else {
    copies.forEach(({ sentence }) => sentence.words.forEach(mayGo));
  }
  // The copy's turns: one per earlier turn, or one for all when they run together.
  const turns: SpokenTurn[] = [];
  for (const { turn, sentence } of copies) {
    const last = turns[turns.length - 1];
    if (last && (seam.merged || last.speaker === turn.speaker)) last.sentences.push(sentence);
    else turns.push({ speaker: turn.speaker, seconds: Math.max(0, turn.seconds + seam.drift), sentences: [sentence], copy: true });
  }
  return turns;
}

/** A chunk's turns in its family's layout. `goesOn`: no header of its own, the section before was in the same layout. */
function renderSection(
  family: Family,
  turns: readonly SpokenTurn[],
  chunk: { seedForm: SeedForm; quoted: boolean; note: string | undefined },
  goesOn: boolean,
): string[] {
  const text = (turn: SpokenTurn) => turn.sentences.map(sentenceText).join(' ');
  const name = (turn: SpokenTurn) => NAMES[turn.speaker]!;
  const hms = (turn: SpokenTurn) => time(turn.seconds, 'hh:mm:ss');
  const cueMs = (turn: SpokenTurn) => ({
    start: turn.seconds * 1000,
    end: turn.seconds * 1000 + Math.max(1000, 300 * turn.sentences.reduce((n, s) => n + s.words.length, 0)),
  });
  switch (family) {
    case 'seed':
      return turns.flatMap((turn) => {
        const body = chunk.quoted ? `"${text(turn)}"` : text(turn);
        const label = `Speaker ${turn.speaker + 1}`;
        const header =
          chunk.seedForm === 'stamp-label'
            ? [`[${hms(turn)}] ${label}: ${body}`]
            : chunk.seedForm === 'label-stamp'
              ? [`${label}: [${hms(turn)}] ${body}`]
              : chunk.seedForm === 'indented'
                ? [`    Speaker: [${hms(turn)}] ${body}`]
                : chunk.seedForm === 'cast'
                  ? [`${label} (${name(turn)}): ${body}`]
                  : chunk.seedForm === 'announced'
                    ? [`[${hms(turn)}] Speaker: ${ROLES[turn.speaker]!}`, `${ROLES[turn.speaker]!}: ${body}`]
                    : [`${label}: ${body}`];
        if (chunk.note?.startsWith(' ')) return [...header.slice(0, -1), `${header[header.length - 1]!}${chunk.note}`, ''];
        return chunk.note ? [...header, chunk.note, ''] : [...header, ''];
      });
    case 'bold-label':
      return turns.flatMap((turn) => [`**${name(turn)}:** ${text(turn)}`, '']);
    case 'bold-label-stamp':
      return turns.flatMap((turn) => [`**${name(turn)}** [${time(turn.seconds, 'm:ss')}] ${text(turn)}`, '']);
    case 'asr-bold':
      return turns.flatMap((turn) => [`**[${time(turn.seconds, 'mm:ss')}] ${DIARIZER[turn.speaker % 2]!}:** ${text(turn)}`, '']);
    case 'otter-bold':
      return turns.flatMap((turn) => [`**${name(turn)}**  ${time(turn.seconds, 'm:ss')}`, text(turn), '']);
    case 'bold-stamp-first':
      return turns.flatMap((turn) => [`**${time(turn.seconds, 'h:mm:ss')}** · ${name(turn)}: ${text(turn)}`, '']);
    case 'bracketed':
      return turns.map((turn) => `[Speaker ${turn.speaker + 1}] [${time(turn.seconds, 'mm:ss')}] ${text(turn)}`);
    case 'rev':
      return turns.flatMap((turn) => [`${name(turn)} (${hms(turn)}):`, text(turn), '']);
    case 'otter':
      return turns.flatMap((turn) => [`${name(turn)}  ${time(turn.seconds, 'm:ss')}`, text(turn), '']);
    case 'label-stamp-line':
      return turns.flatMap((turn) => [`${INITIALS[turn.speaker]!}: ${hms(turn)}`, text(turn), '']);
    case 'stamp-first':
      return turns.map((turn) => `${hms(turn)} ${name(turn)}: ${text(turn)}`);
    case 'segments':
      return turns.map((turn) => `[${hms(turn)}] ${text(turn)}`);
    case 'segments-under-headings':
      return turns.flatMap((turn) => [`${DIARIZER[turn.speaker]!}:`, `[${hms(turn)}] ${text(turn)}`, '']);
    case 'diarizer':
      return turns.map((turn) => `${DIARIZER[turn.speaker]!}: ${text(turn)}`);
    case 'interview':
      return turns.map((turn) => `${turn.speaker % 2 === 0 ? 'Q' : 'A'}: ${text(turn)}`);
    case 'podcast-page':
      return turns.flatMap((turn) => [`${name(turn)} [(${hms(turn)})](https://video.example.org/watch?v=ep&t=${turn.seconds}) ${text(turn)}`, '']);
    case 'webvtt':
      return [
        ...(goesOn ? [] : ['WEBVTT', '']),
        ...turns.flatMap((turn) => {
          const { start, end } = cueMs(turn);
          return [`${cueTime(start, false)} --> ${cueTime(end, false)}`, `<v ${name(turn)}>${text(turn)}`, ''];
        }),
      ];
    case 'srt':
      return turns.flatMap((turn, i) => {
        const { start, end } = cueMs(turn);
        return [String(i + 1), `${cueTime(start, true)} --> ${cueTime(end, true)}`, `${name(turn)}: ${text(turn)}`, ''];
      });
    case 'srt-word-level': {
      let number = 0;
      return turns.flatMap((turn) => {
        let at = turn.seconds * 1000;
        return turn.sentences
          .flatMap((s) => sentenceText(s).split(' '))
          .flatMap((word) => {
            const start = at;
            at += 400;
            return [String(++number), `${cueTime(start, true)} --> ${cueTime(start + 300, true)}`, word, ''];
          });
      });
    }
    case 'markdown-vtt':
      return [
        '## Captions',
        '',
        '```vtt',
        'WEBVTT',
        '',
        ...turns.flatMap((turn) => {
          const { start, end } = cueMs(turn);
          return [`${cueTime(start, false)} --> ${cueTime(end, false)}`, `<v ${name(turn)}>${text(turn)}`, ''];
        }),
        '```',
      ];
  }
}

const SUBTITLE_WORDS = [
  'the',
  'water',
  'butts',
  'are',
  'full',
  'and',
  'we',
  'agreed',
  'thirty',
  'days',
  'café',
  'naïve',
  '😀',
  '王小明',
  '"so',
  'said."',
  '<i>now</i>',
  '{\\an8}yes',
];

/** A cue's lines of text: one or two, its voice written in one of the ways subtitle files write it, or not at all. */
const subtitleCueText = fc
  .record({
    voice: fc.constantFrom('tag', 'bracket', 'colon', 'none'),
    name: fc.constantFrom('Ana Lima', 'Ben Okafor', '王小明'),
    lines: fc.array(fc.array(fc.constantFrom(...SUBTITLE_WORDS), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 2 }),
  })
  .map(({ voice, name, lines: [first, ...rest] }) => {
    const said = first!.join(' ');
    const opening =
      voice === 'tag' ? `<v ${name}>${said}` : voice === 'bracket' ? `[${name}]: ${said}` : voice === 'colon' ? `${name}: ${said}` : said;
    return [opening, ...rest.map((words) => words.join(' '))];
  });

/** The families whose turns a speaker's header opens: none has cue timing lines. */
export const SPEAKER_FAMILIES = FAMILIES.filter((family) => !['webvtt', 'srt', 'srt-word-level', 'markdown-vtt'].includes(family));

/**
 * Transcripts of one layout with no chunk markers, as real ones are: two to eight runs of one
 * family's turns, one after another (so labels and stamps start over now and then, and sentences
 * come again, as they do at a join), CRLF line ends and a byte-order mark in some; in some, front
 * matter above, as podcast sites write it, closed or left open (then a fence typed below closes it).
 */
export const speakerFile = fc
  .constantFrom(...SPEAKER_FAMILIES)
  .chain((family) =>
    fc.record({
      frontMatter: fc.constantFrom('none', 'none', 'closed', 'open'),
      runs: fc.array(FAMILY_LINES[family], { minLength: 2, maxLength: 8 }),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
    }),
  )
  .map(({ frontMatter, runs, eol, bom }) => {
    const above = frontMatter === 'none' ? [] : ['---', 'title: Elm Street garden', ...(frontMatter === 'closed' ? ['---'] : []), ''];
    return (bom ? '\ufeff' : '') + [...above, ...runs.flat()].join(eol);
  });

function subtitleTime(ms: number, comma: boolean): string {
  const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');
  return `${pad(ms / 3_600_000)}:${pad((ms / 60_000) % 60)}:${pad((ms / 1000) % 60)}${comma ? ',' : '.'}${pad(ms % 1000, 3)}`;
}

/**
 * Subtitle files as speech-to-text writes them: WebVTT or SRT, cues in the order of their times,
 * no chunk markers; a NOTE block now and then, now and then (`timeGoesBack`) a cue whose time goes
 * back (as where a pipeline's chunks meet), CRLF line ends and a byte-order mark in some.
 */
function subtitlesWhere(timeGoesBack: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      srt: fc.boolean(),
      cues: fc.array(
        fc.record({
          gap: fc.nat({ max: 3000 }),
          back: timeGoesBack
            ? fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: 1000, max: 20_000 }), weight: 1 })
            : fc.constant(0),
          length: fc.integer({ min: 300, max: 6000 }),
          text: subtitleCueText,
          note: fc.boolean(),
        }),
        {
          minLength: 1,
          maxLength: 20,
        },
      ),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
    })
    .map(({ srt, cues, eol, bom }) => {
      const out: string[] = srt ? [] : ['WEBVTT', ''];
      let start = 0;
      cues.forEach((cue, k) => {
        start = Math.max(0, start + cue.gap - cue.back);
        if (cue.note && !srt) out.push('NOTE checked by hand', '');
        if (srt) out.push(String(k + 1));
        out.push(`${subtitleTime(start, srt)} --> ${subtitleTime(start + cue.length, srt)}`, ...cue.text, '');
        start += cue.length;
      });
      return (bom ? '\ufeff' : '') + out.join(eol);
    });
}

export const subtitleFile = subtitlesWhere(true);

/** Subtitles as `subtitleFile`, but no cue's time goes back (the parser then looks for no join in them). */
export const forwardSubtitleFile = subtitlesWhere(false);
