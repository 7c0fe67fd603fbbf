/**
 * Free text from callers, made safe to store and to count. Every subgraph's text validation goes through here
 * (intake's validation/text.rule.ts, directory.validation.ts, status-mark.service.ts).
 *
 * - NFC normalisation (the same word is stored the same way however it was typed);
 * - terminal escape sequences (ANSI CSI/OSC: colours, cursor moves, titles) removed as a whole;
 * - control characters (NUL, ESC, C1…), format characters that carry no text (zero-width space/joiners, BOM, soft
 *   hyphen, bidi marks, embeddings, overrides and isolates: Unicode category Cf), lone surrogates and letters that
 *   render as blanks (Hangul fillers, braille blank) removed;
 * - newlines and tabs kept where the text may span lines (`multiline`), otherwise every whitespace run becomes one
 *   space; CRLF and the Unicode line/paragraph separators become `\n`; trimmed.
 */
const ANSI_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
const INVISIBLE = /[\p{Cf}\p{Cs}\u115f\u1160\u3164\uffa0\u2800]/gu;
const CONTROLS_SINGLE_LINE = /\p{Cc}/gu;
const CONTROLS_MULTILINE = /[^\P{Cc}\n\t]/gu;
/** What counts towards a minimum length: not whitespace, not a combining mark, not a control or format character. */
const VISIBLE = /[^\p{White_Space}\p{M}\p{C}]/gu;

export interface CleanTextOptions {
  /** Keeps newlines and tabs (reasons, demands, notes); otherwise the text is one line. */
  multiline?: boolean;
}

export function cleanText(raw: string | null | undefined, options: CleanTextOptions = {}): string {
  let text = (raw ?? '').normalize('NFC').replace(ANSI_SEQUENCE, '').replace(INVISIBLE, '');
  if (options.multiline) {
    text = text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(CONTROLS_MULTILINE, '')
      .replace(/[^\S\n\t ]/g, ' ');
  } else {
    text = text.replace(/\s+/g, ' ').replace(CONTROLS_SINGLE_LINE, '');
  }
  return text.trim();
}

/** How many visible characters `text` has (code points; whitespace, marks and invisible characters not counted). */
export function visibleLength(text: string): number {
  return text.match(VISIBLE)?.length ?? 0;
}
