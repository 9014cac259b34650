import type { Polarity, SentimentNormalization } from '../model';
import { Memo } from './sourceText';

/**
 * Words that carry a polarity in the sentiment labels pipelines write. The lists are short on
 * purpose: a label with none of these words is `other`, and the hover says so, rather than a guess.
 */
const POSITIVE = [
  'positive',
  'excited',
  'exciting',
  'hopeful',
  'happy',
  'joyful',
  'grateful',
  'thankful',
  'appreciative',
  'optimistic',
  'enthusiastic',
  'proud',
  'inspired',
  'inspiring',
  'confident',
  'determined',
  'amused',
  'pleased',
  'satisfied',
  'encouraging',
  'supportive',
  'warm',
  'friendly',
  'humble',
  'humbled',
  'admiring',
  'impressed',
  'delighted',
  'eager',
  'passionate',
  'relieved',
  'fascinated',
  'celebratory',
  'affectionate',
  'upbeat',
  'cheerful',
  'triumphant',
  'motivated',
  'welcoming',
];
const NEGATIVE = [
  'negative',
  'frustrated',
  'frustrating',
  'angry',
  'annoyed',
  'sad',
  'concerned',
  'worried',
  'anxious',
  'disappointed',
  'fearful',
  'afraid',
  'upset',
  'critical',
  'hostile',
  'defensive',
  'dismissive',
  'sarcastic',
  'bitter',
  'confused',
  'skeptical',
  'sceptical',
  'tense',
  'irritated',
  'pessimistic',
  'regretful',
  'nervous',
  'stressed',
  'exasperated',
  'dissatisfied',
  'combative',
  'accusatory',
  'alarmed',
];
const NEUTRAL = [
  'neutral',
  'informative',
  'educational',
  'factual',
  'calm',
  'matter-of-fact',
  'objective',
  'descriptive',
  'explanatory',
  'thoughtful',
  'reflective',
  'curious',
  'inquisitive',
  'analytical',
  'serious',
  'formal',
  'professional',
  'measured',
  'contemplative',
  'questioning',
  'procedural',
  'instructive',
];
const MIXED = ['mixed', 'ambivalent', 'bittersweet', 'conflicted'];

const POLARITY_OF_WORD = new Map<string, Exclude<Polarity, 'other'>>();
for (const [words, polarity] of [
  [POSITIVE, 'positive'],
  [NEGATIVE, 'negative'],
  [NEUTRAL, 'neutral'],
  [MIXED, 'mixed'],
] as const) {
  for (const word of words) POLARITY_OF_WORD.set(word, polarity);
}

/** Labels that name a polarity outright. */
const POLARITY_NAMES = new Set(['positive', 'negative', 'neutral', 'mixed']);

/** Every word the normaliser knows, for completion and the `(X)` form. */
export const KNOWN_SENTIMENT_WORDS: readonly string[] = [...POLARITY_OF_WORD.keys()];

export function polarityOfWord(word: string): Polarity | undefined {
  return POLARITY_OF_WORD.get(word.toLowerCase());
}

/** What a sentiment label means: shared by every note with the same label. */
export interface SentimentMeaning {
  /** The label as written, trimmed. */
  readonly label: string;
  readonly polarity: Polarity;
  readonly normalization: SentimentNormalization;
  readonly evidence: readonly string[];
}

interface Normalized {
  readonly polarity: Polarity;
  readonly normalization: SentimentNormalization;
  readonly evidence: readonly string[];
}

const WORD = /[\p{L}-]+/gu;

/**
 * What a free-form label means. Words of opposite polarity (`Frustrated turning into Hopeful`)
 * make `mixed`; neutral words give way to polar ones (`Reflective, Positive` is positive).
 * Transcripts repeat a few labels thousands of times (`Neutral`, `Positive`), so each label's
 * meaning is made once and shared by every note with that label; it is never changed.
 */
export function sentimentMeaning(label: string): SentimentMeaning {
  return meanings.get(label, (own) => ({ label: own, ...readSentiment(own) }));
}

const meanings = new Memo<SentimentMeaning>(10_000);

function readSentiment(label: string): Normalized {
  const trimmed = label.trim().toLowerCase();
  if (POLARITY_NAMES.has(trimmed)) {
    return { polarity: trimmed as Polarity, normalization: 'exact', evidence: [trimmed] };
  }
  const evidence: string[] = [];
  const seen = new Set<Polarity>();
  for (const match of trimmed.matchAll(WORD)) {
    const polarity = POLARITY_OF_WORD.get(match[0]);
    if (polarity) {
      evidence.push(match[0]);
      seen.add(polarity);
    }
  }
  if (seen.size === 0) return { polarity: 'other', normalization: 'unknown', evidence };
  const polar = seen.has('positive') && seen.has('negative');
  if (polar || seen.has('mixed')) {
    return { polarity: 'mixed', normalization: polar ? 'combined' : 'keyword', evidence };
  }
  if (seen.has('positive')) return { polarity: 'positive', normalization: 'keyword', evidence };
  if (seen.has('negative')) return { polarity: 'negative', normalization: 'keyword', evidence };
  return { polarity: 'neutral', normalization: 'keyword', evidence };
}

/** True when every word of `text` is a known sentiment word: `(Positive)` is a note, `(CROSSTALK)` is not. */
export function isBareSentiment(text: string): boolean {
  const words = text
    .trim()
    .split(/[\s,/]+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 3 && words.every((w) => POLARITY_OF_WORD.has(w.toLowerCase()));
}
