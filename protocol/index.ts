/*
 * The one module the extension and the language server both compile: the custom messages and
 * their payloads, the speakers answer's wire form, the command ids, and the few display helpers
 * the extension needs to show what the server sends. It imports nothing from either side (see
 * `messages.ts`).
 */
export * from './messages';
export * from './speakersWire';
export * from './commands';
export * from './display';
