import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInput } from './errors';

/**
 * Kazakhstan has used a single time zone, UTC+5, since 1 March 2024 (Government decree No. 1046 of
 * 8 December 2023). Calendar dates of filing and registration are taken in this zone.
 */
export const KZ_UTC_OFFSET_MINUTES = 5 * 60;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}

/** The calendar date in Kazakhstan at instant `at`. */
export function kzDate(at: Date): string {
  return new Date(at.getTime() + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** ISO 8601 in Kazakhstan's offset, e.g. `2026-11-24T10:00:00.000+05:00`. */
export function formatKzDateTime(at: Date): string {
  const local = new Date(at.getTime() + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 23);
  return `${local}+05:00`;
}

const ISO_DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** What a refused input was, shortly: a string (cut at 40 characters) or its type; never the whole of it. */
function described(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw new TypeError(`Date must be a calendar date YYYY-MM-DD, got ${described(value)}`);
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATETIME_RE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(`DateTime must be ISO 8601 with an offset, got ${described(value)}`);
  }
  return new Date(value);
}

/**
 * A result the scalar cannot write (a date past year 9999 computed from the caller's input, an invalid Date): a
 * BAD_USER_INPUT naming the field (its path, see format-error.ts), never a raw TypeError/RangeError.
 */
function unrepresentable(type: string): BadUserInput {
  return new BadUserInput(`The result is outside the range a ${type} can represent (years 0001–9999)`);
}

function serializeDate(v: unknown): string {
  const text = v instanceof Date ? (Number.isNaN(v.getTime()) ? undefined : kzDate(v)) : v;
  if (typeof text !== 'string' || !isValidDate(text)) throw unrepresentable('Date');
  return text;
}

function serializeDateTime(v: unknown): string {
  let at: Date;
  try {
    at = v instanceof Date ? v : parseDateTime(v);
  } catch {
    throw unrepresentable('DateTime');
  }
  const year = Number.isNaN(at.getTime()) ? NaN : new Date(at.getTime() + KZ_UTC_OFFSET_MINUTES * 60_000).getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw unrepresentable('DateTime');
  return formatKzDateTime(at);
}

/** `Date`: a calendar date, carried in code as a `YYYY-MM-DD` string. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: serializeDate,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** `DateTime`: an instant, serialised in Kazakhstan's offset. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset (served in UTC+05:00)',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
