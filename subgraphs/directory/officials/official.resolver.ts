import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DirectoryContext } from '../directory.context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import { Competence } from '../competences/competence.type';
import { CreateOfficialInput, UpdateOfficialInput } from './official.inputs';
import { OfficialService } from './official.service';
import { Official } from './official.type';
import { ReviewBody, reviewBodyOf } from '../jurisdiction/review-body';
import { ServiceProvider } from '../service-providers/service-provider.type';

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true })
  official(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.official.load(id);
  }

  @FieldResolver(() => ServiceProvider, { nullable: true })
  serviceProvider(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    return official.serviceProviderId ? ctx.loaders.serviceProvider.load(official.serviceProviderId) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    return official.katoCode ? ctx.loaders.administrativeUnit.load(official.katoCode) : null;
  }

  @FieldResolver(() => ReviewBody, {
    nullable: true,
    description: 'The body the official acts for and its kind (decides the review term, Law "On Public Services" Art. 25)',
  })
  async body(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    const provider = official.serviceProviderId ? await ctx.loaders.serviceProvider.load(official.serviceProviderId) : null;
    return reviewBodyOf(official, provider);
  }

  @FieldResolver(() => [Competence], { description: 'What the official resolves (active and deactivated)' })
  competences(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.competencesOfOfficial.load(official.id);
  }

  @Authorized('admin')
  @Mutation(() => Official, { description: 'Adds an official to a service provider or an akimat (admin)' })
  createOfficial(@Arg('input', () => CreateOfficialInput) input: CreateOfficialInput, @Ctx() ctx: DirectoryContext) {
    return new OfficialService(ctx.db).create(input);
  }

  @Authorized('admin')
  @Mutation(() => Official, { description: "Changes an official's name, position or active flag (admin)" })
  updateOfficial(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOfficialInput) input: UpdateOfficialInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new OfficialService(ctx.db).update(id, input);
  }

  @Authorized('admin')
  @Mutation(() => Official, { description: 'Deactivates an official: kept for history, never chosen again (admin)' })
  deactivateOfficial(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new OfficialService(ctx.db).deactivate(id);
  }
}
