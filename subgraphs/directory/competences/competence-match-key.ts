/** Case, surrounding and repeated spaces do not matter when matching codes and names. */
export function normaliseMatchText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');
}

/** The key that makes a competence unique for one official: its code, or its name when it has none. */
export function competenceMatchKey(c: { code?: string | null; name: string }): string {
  return normaliseMatchText(c.code?.trim() ? c.code : c.name);
}
