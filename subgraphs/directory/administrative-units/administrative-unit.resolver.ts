import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { CreateAdministrativeUnitInput, UpdateAdministrativeUnitInput } from './administrative-unit.inputs';
import { AdministrativeUnitService } from './administrative-unit.service';
import { AdministrativeUnit } from './administrative-unit.type';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => [AdministrativeUnit], { description: 'Active units under a parent; the top level when no parent is given' })
  administrativeUnits(
    @Arg('parentKatoCode', () => String, { nullable: true }) parentKatoCode: string | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.db
      .getRepository(AdministrativeUnit)
      .find({ where: { parentKatoCode: parentKatoCode ?? IsNull(), active: true }, order: { katoCode: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unit.parentKatoCode ? ctx.loaders.administrativeUnit.load(unit.parentKatoCode) : null;
  }

  @FieldResolver(() => Official, { nullable: true })
  akim(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unit.akimOfficialId ? ctx.loaders.official.load(unit.akimOfficialId) : null;
  }

  @Authorized('admin')
  @Mutation(() => AdministrativeUnit, { description: 'Adds an administrative-territorial unit (admin)' })
  createAdministrativeUnit(
    @Arg('input', () => CreateAdministrativeUnitInput) input: CreateAdministrativeUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new AdministrativeUnitService(ctx.db).create(input);
  }

  @Authorized('admin')
  @Mutation(() => AdministrativeUnit, { description: 'Changes a unit: names, akim, active flag (admin)' })
  updateAdministrativeUnit(
    @Arg('katoCode', () => String) katoCode: string,
    @Arg('input', () => UpdateAdministrativeUnitInput) input: UpdateAdministrativeUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new AdministrativeUnitService(ctx.db).update(katoCode, input);
  }

  @Authorized('admin')
  @Mutation(() => AdministrativeUnit, { description: 'Deactivates a unit (admin)' })
  deactivateAdministrativeUnit(@Arg('katoCode', () => String) katoCode: string, @Ctx() ctx: DirectoryContext) {
    return new AdministrativeUnitService(ctx.db).deactivate(katoCode);
  }
}
