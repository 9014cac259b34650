// webvtt-parser ships no types; this is the part of its API the tests use.
declare module 'webvtt-parser' {
  export interface VttNode {
    readonly type: string;
    readonly name?: string;
    readonly value?: string;
    readonly children?: readonly VttNode[];
  }
  export interface VttCue {
    readonly startTime: number;
    readonly endTime: number;
    readonly tree: { readonly children: readonly VttNode[] };
  }
  export interface VttParseResult {
    readonly cues: VttCue[];
    readonly errors: Array<{ readonly message: string; readonly line: number }>;
  }
  export class WebVTTParser {
    /** `entities`: the named character references to decode, such as the package's html-entities.json; none without them. */
    constructor(entities?: Readonly<Record<string, string>>);
    parse(input: string, mode: 'metadata'): VttParseResult;
  }
}
