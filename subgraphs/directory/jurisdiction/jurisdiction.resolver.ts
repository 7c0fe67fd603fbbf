import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';
import { JurisdictionArgs } from './jurisdiction.inputs';
import { JurisdictionDecision } from './jurisdiction.type';

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
