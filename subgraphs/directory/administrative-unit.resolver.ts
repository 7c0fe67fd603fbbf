import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { AdministrativeUnit } from './administrative-unit.type';
import type { DirectoryContext } from './directory.context';
import { Official } from './official.type';

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => [AdministrativeUnit], { description: 'Units under a parent; the top level when no parent is given' })
  administrativeUnits(
    @Arg('parentKatoCode', () => String, { nullable: true }) parentKatoCode: string | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.db
      .getRepository(AdministrativeUnit)
      .find({ where: { parentKatoCode: parentKatoCode ?? IsNull() }, order: { katoCode: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unit.parentKatoCode ? ctx.loaders.administrativeUnit.load(unit.parentKatoCode) : null;
  }

  @FieldResolver(() => Official, { nullable: true })
  akim(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unit.akimOfficialId ? ctx.loaders.official.load(unit.akimOfficialId) : null;
  }
}
