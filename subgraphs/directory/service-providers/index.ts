/** Service providers, and the authorised body for public-service quality control (a provider of that kind). */
export { ServiceProviderRecord } from './service-provider.entity';
export { ServiceProvider } from './service-provider.type';
export { ServiceProviderKind } from './service-provider-kind';
export { ServiceProviderResolver } from './service-provider.resolver';
export { serviceProviderReference } from './service-provider.reference';
export { ServiceProviderService } from './service-provider.service';
export { ServiceProviderRepository } from './service-provider.repository';
