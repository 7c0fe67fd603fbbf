import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import { Competence } from '../competences/competence.type';
import type { DirectoryContext } from '../directory.context';
import { ReviewBody } from '../jurisdiction/review-body';
import { ServiceProvider } from '../service-providers/service-provider.type';
import type { OfficialRecord } from './official.entity';
import { CreateOfficialInput, UpdateOfficialInput } from './official.inputs';
import { Official } from './official.type';

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true })
  official(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.byId(id);
  }

  @FieldResolver(() => ServiceProvider, { nullable: true })
  serviceProvider(@Root() official: OfficialRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.serviceProviders.byId(official.serviceProviderId);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() official: OfficialRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.administrativeUnits.byKatoCode(official.katoCode);
  }

  @FieldResolver(() => ReviewBody, {
    nullable: true,
    description: 'The body the official acts for and its kind (decides the review term, Law "On Public Services" Art. 25)',
  })
  body(@Root() official: OfficialRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.jurisdiction.bodyOf(official);
  }

  @FieldResolver(() => [Competence], { description: 'What the official resolves (active and deactivated)' })
  competences(@Root() official: OfficialRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.competencesOf(official);
  }

  @Mutation(() => Official, { description: 'Adds an official to a service provider or an akimat (admin)' })
  createOfficial(@Arg('input', () => CreateOfficialInput) input: CreateOfficialInput, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.create(input);
  }

  @Mutation(() => Official, { description: "Changes an official's name, position or active flag (admin)" })
  updateOfficial(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOfficialInput) input: UpdateOfficialInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.officials.update(id, input);
  }

  @Mutation(() => Official, { description: 'Deactivates an official: kept for history, never chosen again (admin)' })
  deactivateOfficial(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.deactivate(id);
  }
}
