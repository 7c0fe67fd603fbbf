import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A phone line of the contact centre' })
export class ContactLine {
  @Field(() => String)
  number: string;

  @Field(() => Boolean, { description: 'Calls are free of charge' })
  free: boolean;

  @Field(() => String)
  noteKk: string;

  @Field(() => String)
  noteRu: string;
}

@ObjectType({ description: 'The next step when the applicant disagrees with the decision on the complaint' })
export class CourtAppeal {
  @Field(() => String)
  noteKk: string;

  @Field(() => String)
  noteRu: string;

  @Field(() => Int, { description: 'Months to file the claim' })
  termMonths: number;

  @Field(() => String)
  termStartsKk: string;

  @Field(() => String)
  termStartsRu: string;

  @Field(() => String)
  legalBasis: string;
}

@ObjectType({ description: 'Where to ask about the complaint procedure, and where it goes next' })
export class ContactCenter {
  @Field(() => String)
  nameKk: string;

  @Field(() => String)
  nameRu: string;

  @Field(() => [String], { description: 'Phone numbers as dialled' })
  phones: string[];

  @Field(() => [ContactLine])
  lines: ContactLine[];

  @Field(() => String)
  website: string;

  @Field(() => CourtAppeal)
  courtAppeal: CourtAppeal;

  @Field(() => String, { description: 'Where this information comes from' })
  source: string;
}
