import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';
import type { AdministrativeUnitRecord } from './administrative-unit.entity';
import { CreateAdministrativeUnitInput, UpdateAdministrativeUnitInput } from './administrative-unit.inputs';
import { AdministrativeUnit } from './administrative-unit.type';

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => [AdministrativeUnit], { description: 'Active units under a parent; the top level when no parent is given' })
  administrativeUnits(
    @Arg('parentKatoCode', () => String, { nullable: true }) parentKatoCode: string | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.administrativeUnits.activeChildren(parentKatoCode);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(@Root() unit: AdministrativeUnitRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.administrativeUnits.byKatoCode(unit.parentKatoCode);
  }

  @FieldResolver(() => Official, { nullable: true })
  akim(@Root() unit: AdministrativeUnitRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.byId(unit.akimOfficialId);
  }

  @Mutation(() => AdministrativeUnit, { description: 'Adds an administrative-territorial unit (admin)' })
  createAdministrativeUnit(
    @Arg('input', () => CreateAdministrativeUnitInput) input: CreateAdministrativeUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.administrativeUnits.create(input);
  }

  @Mutation(() => AdministrativeUnit, { description: 'Changes a unit: names, akim, active flag (admin)' })
  updateAdministrativeUnit(
    @Arg('katoCode', () => String) katoCode: string,
    @Arg('input', () => UpdateAdministrativeUnitInput) input: UpdateAdministrativeUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.administrativeUnits.update(katoCode, input);
  }

  @Mutation(() => AdministrativeUnit, { description: 'Deactivates a unit (admin)' })
  deactivateAdministrativeUnit(@Arg('katoCode', () => String) katoCode: string, @Ctx() ctx: DirectoryContext) {
    return ctx.administrativeUnits.deactivate(katoCode);
  }
}
