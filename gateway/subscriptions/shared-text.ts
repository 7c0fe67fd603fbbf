import { LRUCache } from 'lru-cache';

const texts = new LRUCache<string, string>({ max: 1000 });

/**
 * One copy of a text many clients send (the cabinet's subscription document): graphql-ws keeps each subscribe
 * message for the life of its subscription, so 10,000 cabinets would otherwise hold 10,000 equal strings.
 */
export function sharedText(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  texts.set(text, text);
  return text;
}
