import { Directive, Field, ObjectType } from 'type-graphql';
import labels from './enum-labels.json';

/** A value's words for people, in both languages citizens use (shared/domain.md, Languages). */
@Directive('@shareable')
@ObjectType({ description: 'Words for people: Kazakh and Russian' })
export class Label {
  @Field(() => String)
  kk: string;

  @Field(() => String)
  ru: string;
}

type EnumName = Exclude<keyof typeof labels, 'source'>;

/** The label of an enum value, from the data file; a value without one is a bug the labels spec catches. */
export function labelOf(enumName: EnumName, value: string): Label {
  const found = (labels[enumName] as Record<string, Label | undefined>)[value];
  if (!found) throw new Error(`No label for ${enumName}.${value}`);
  return found;
}

export const LABELS = labels;
