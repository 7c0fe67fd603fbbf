import { Args, ArgsType, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { Addressee } from '../../../contracts/enums';
import type { DirectoryContext } from '../directory.context';
import { JurisdictionDecision } from './jurisdiction.type';
import { Official } from '../officials/official.type';

@InputType({ description: 'An official the complaint is about (seed: position, surname and name)' })
class JurisdictionRespondentInput {
  @Field(() => String)
  position: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;
}

@ArgsType()
class JurisdictionArgs {
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

@Resolver()
export class JurisdictionResolver {
  @Query(() => Official, { description: 'The official a complaint with these parameters goes to' })
  async jurisdiction(@Args(() => JurisdictionArgs) args: JurisdictionArgs, @Ctx() ctx: DirectoryContext) {
    return (await ctx.jurisdiction.decide(args)).official;
  }

  @Query(() => JurisdictionDecision, { description: 'The official a complaint goes to, with the rule that chose them' })
  jurisdictionDecision(@Args(() => JurisdictionArgs) args: JurisdictionArgs, @Ctx() ctx: DirectoryContext) {
    return ctx.jurisdiction.decide(args);
  }
}
