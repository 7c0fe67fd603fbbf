import { BadUserInput } from '../../../platform/errors';

/** A position in the (submittedAt desc, id desc) order: opaque to clients, stable under new filings. */
export interface ComplaintCursor {
  submittedAt: Date;
  id: string;
}

const SHAPE = /^c1:(\d{1,15}):([0-9A-Za-z-]{1,36})$/;

export function encodeCursor(c: ComplaintCursor): string {
  return Buffer.from(`c1:${c.submittedAt.getTime()}:${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): ComplaintCursor {
  const m = SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadUserInput('The cursor is not one this API issued', field);
  return { submittedAt: new Date(Number(m[1])), id: m[2] };
}
