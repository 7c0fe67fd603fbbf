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
const VISIBLE = /^[^\p{White_Space}\p{M}\p{C}]$/u;
/**
 * Whether cleaning could change the (normalised) text beyond trimming: a control, format or unassigned character,
 * a blank letter, whitespace other than a single space (or, in multi-line text, a newline or tab). Most input has
 * none, and then one test replaces the five passes.
 */
const NEEDS_CLEANING_SINGLE_LINE = /[\p{C}\u115f\u1160\u3164\uffa0\u2800]|[^\S ]| {2}/u;
const NEEDS_CLEANING_MULTILINE = /[^\P{C}\n\t]|[\u115f\u1160\u3164\uffa0\u2800]|[^\S \n\t]/u;

export interface CleanTextOptions {
  /** Keeps newlines and tabs (reasons, demands, notes); otherwise the text is one line. */
  multiline?: boolean;
}

export function cleanText(raw: string | null | undefined, options: CleanTextOptions = {}): string {
  let text = (raw ?? '').normalize('NFC');
  if (!(options.multiline ? NEEDS_CLEANING_MULTILINE : NEEDS_CLEANING_SINGLE_LINE).test(text)) return text.trim();
  text = text.replace(ANSI_SEQUENCE, '').replace(INVISIBLE, '');
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

/** Whether each UTF-16 unit on its own is a visible character, built on first use (64 KiB). */
let visibleUnits: Uint8Array | undefined;

function visibleUnitTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) table[unit] = VISIBLE.test(String.fromCharCode(unit)) ? 1 : 0;
  return table;
}

/**
 * How many visible characters `text` has (code points; whitespace, marks and invisible characters not counted),
 * counting no further than `atMost` (a minimum-length check needs no more).
 */
export function visibleLength(text: string, atMost = Infinity): number {
  const table = (visibleUnits ??= visibleUnitTable());
  let count = 0;
  for (let i = 0; i < text.length && count < atMost; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a pair: one astral code point
        if (VISIBLE.test(text.slice(i - 1, i + 1))) count++;
        continue;
      }
    }
    count += table[unit]; // lone surrogates are 0 (category Cs)
  }
  return count;
}
