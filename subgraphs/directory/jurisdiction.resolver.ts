import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Addressee } from '../../platform/enums';
import type { DirectoryContext } from './directory.context';
import { JurisdictionDecision } from './jurisdiction.type';
import { Official } from './official.type';

@Resolver()
export class JurisdictionResolver {
  @Query(() => Official, { description: 'The official a complaint with these parameters goes to' })
  async jurisdiction(
    @Arg('addressee', () => Addressee) addressee: Addressee,
    @Arg('serviceProviderId', () => ID) serviceProviderId: string,
    @Arg('katoCode', () => String, { nullable: true }) katoCode: string | null,
    @Arg('publicService', () => String, { nullable: true }) publicService: string | null,
    @Arg('issueCategory', () => String, { nullable: true, description: 'What the complaint is about, matched against competences' })
    issueCategory: string | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return (await ctx.jurisdiction.decide({ addressee, serviceProviderId, katoCode, publicService, issueCategory })).official;
  }

  @Query(() => JurisdictionDecision, { description: 'The official a complaint goes to, with the rule that chose them' })
  jurisdictionDecision(
    @Arg('addressee', () => Addressee) addressee: Addressee,
    @Arg('serviceProviderId', () => ID) serviceProviderId: string,
    @Arg('katoCode', () => String, { nullable: true }) katoCode: string | null,
    @Arg('publicService', () => String, { nullable: true }) publicService: string | null,
    @Arg('issueCategory', () => String, { nullable: true, description: 'What the complaint is about, matched against competences' })
    issueCategory: string | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.jurisdiction.decide({ addressee, serviceProviderId, katoCode, publicService, issueCategory });
  }
}
