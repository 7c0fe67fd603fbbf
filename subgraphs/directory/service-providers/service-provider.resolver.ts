import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';
import type { ServiceProviderRecord } from './service-provider.entity';
import { CreateServiceProviderInput, UpdateServiceProviderInput } from './service-provider.inputs';
import { ServiceProvider } from './service-provider.type';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => [ServiceProvider], { description: 'Active service providers, optionally of one administrative unit' })
  serviceProviders(@Arg('katoCode', () => String, { nullable: true }) katoCode: string | null, @Ctx() ctx: DirectoryContext) {
    return ctx.serviceProviders.active(katoCode);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() provider: ServiceProviderRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.administrativeUnits.byKatoCode(provider.katoCode);
  }

  @FieldResolver(() => Official)
  head(@Root() provider: ServiceProviderRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.byId(provider.headOfficialId);
  }

  @FieldResolver(() => [Official], { description: 'Active officials of the provider' })
  officials(@Root() provider: ServiceProviderRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.activeOfProvider(provider.id);
  }

  @Mutation(() => ServiceProvider, { description: 'Adds a service provider with its head (admin)' })
  createServiceProvider(
    @Arg('input', () => CreateServiceProviderInput) input: CreateServiceProviderInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.serviceProviders.create(input);
  }

  @Mutation(() => ServiceProvider, { description: 'Changes a service provider (admin)' })
  updateServiceProvider(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceProviderInput) input: UpdateServiceProviderInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.serviceProviders.update(id, input);
  }

  @Mutation(() => ServiceProvider, { description: 'Deactivates a service provider (admin)' })
  deactivateServiceProvider(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.serviceProviders.deactivate(id);
  }
}
