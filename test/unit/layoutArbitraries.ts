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
