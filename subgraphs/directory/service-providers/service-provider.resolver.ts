import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';
import { CreateServiceProviderInput, UpdateServiceProviderInput } from './service-provider.inputs';
import { ServiceProviderService } from './service-provider.service';
import { ServiceProvider } from './service-provider.type';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => [ServiceProvider], { description: 'Active service providers, optionally of one administrative unit' })
  serviceProviders(@Arg('katoCode', () => String, { nullable: true }) katoCode: string | null, @Ctx() ctx: DirectoryContext) {
    return ctx.db
      .getRepository(ServiceProvider)
      .find({ where: { active: true, ...(katoCode ? { katoCode } : {}) }, order: { nameRu: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() provider: ServiceProvider, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.administrativeUnit.load(provider.katoCode);
  }

  @FieldResolver(() => Official)
  async head(@Root() provider: ServiceProvider, @Ctx() ctx: DirectoryContext) {
    return provider.headOfficialId ? ctx.loaders.official.load(provider.headOfficialId) : null;
  }

  @FieldResolver(() => [Official], { description: 'Active officials of the provider' })
  officials(@Root() provider: ServiceProvider, @Ctx() ctx: DirectoryContext) {
    return ctx.db
      .getRepository(Official)
      .find({ where: { serviceProviderId: provider.id, active: true }, order: { surname: 'ASC', name: 'ASC' } });
  }

  @Authorized('admin')
  @Mutation(() => ServiceProvider, { description: 'Adds a service provider with its head (admin)' })
  createServiceProvider(
    @Arg('input', () => CreateServiceProviderInput) input: CreateServiceProviderInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new ServiceProviderService(ctx.db).create(input);
  }

  @Authorized('admin')
  @Mutation(() => ServiceProvider, { description: 'Changes a service provider (admin)' })
  updateServiceProvider(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceProviderInput) input: UpdateServiceProviderInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new ServiceProviderService(ctx.db).update(id, input);
  }

  @Authorized('admin')
  @Mutation(() => ServiceProvider, { description: 'Deactivates a service provider (admin)' })
  deactivateServiceProvider(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new ServiceProviderService(ctx.db).deactivate(id);
  }
}
