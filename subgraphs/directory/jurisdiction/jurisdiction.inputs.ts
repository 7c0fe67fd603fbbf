import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Addressee } from '../../../contracts/enums';

@InputType({ description: 'An official the complaint is about (seed: position, surname and name)' })
export class JurisdictionRespondentInput {
  @Field(() => String)
  position: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;
}

@ArgsType()
export class JurisdictionArgs {
  @Field(() => Addressee)
  addressee: Addressee;

  @Field(() => ID)
  serviceProviderId: string;

  @Field(() => String, { nullable: true })
  katoCode: string | null;

  @Field(() => String, { nullable: true })
  publicService: string | null;

  @Field(() => String, { nullable: true, description: 'What the complaint is about, matched against competences' })
  issueCategory: string | null;

  @Field(() => [JurisdictionRespondentInput], {
    nullable: true,
    description: 'Who the complaint is about: a complaint about the head or the akim addressed goes to the body above (APPC Art. 91)',
  })
  respondents: JurisdictionRespondentInput[] | null;
}
