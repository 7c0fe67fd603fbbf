import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../platform/auth';
import { Conflict, NotFound } from '../../../platform/errors';
import { required } from '../../../platform/validation';
import { unitOnRecord } from '../administrative-units/administrative-unit.validation';
import type { DirectoryRequest } from '../directory.request';
import { conflictOnDuplicate } from '../validation/conflict-on-duplicate';
import type { ServiceProviderRecord } from './service-provider.entity';
import type { CreateServiceProviderInput, UpdateServiceProviderInput } from './service-provider.inputs';
import { headOfProvider, validateNewProvider, validateProviderChanges } from './service-provider.validation';

/** Service providers: public reads; administration for the admin role only. */
export class ServiceProviderService {
  constructor(private readonly request: DirectoryRequest) {}

  byId(id: string | null | undefined): Promise<ServiceProviderRecord | null> {
    return id ? this.request.loaders.serviceProvider.load(id) : Promise.resolve(null);
  }

  /** Active providers, of one unit when `katoCode` is given. */
  active(katoCode: string | null): Promise<ServiceProviderRecord[]> {
    return this.request.store.read.serviceProviders.active(katoCode);
  }

  /** A provider always has a head: it is created with them, as its first official. */
  async create(input: CreateServiceProviderInput): Promise<ServiceProviderRecord> {
    requireRole(this.request.auth, 'admin');
    const { head, ...provider } = validateNewProvider(input);
    const { id, bin, katoCode } = provider;
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          if (await tx.serviceProviders.binTaken(bin)) {
            throw new Conflict(`A service provider with BIN ${bin} already exists`, { field: 'input.bin' });
          }
          if (await tx.serviceProviders.exists(id)) {
            throw new Conflict(`A service provider with id ${id} already exists`, { field: 'input.id' });
          }
          required('input.katoCode', unitOnRecord(await tx.administrativeUnits.byKatoCode(katoCode), katoCode));
          const headOfficial = await tx.officials.add({ id: randomUUID(), ...head, serviceProviderId: id, katoCode, active: true });
          return tx.serviceProviders.add({ ...provider, headOfficialId: headOfficial.id, active: true });
        }),
      `A service provider with BIN ${bin} or id ${id} already exists`,
      { field: 'input.bin' },
    );
  }

  async update(id: string, input: UpdateServiceProviderInput): Promise<ServiceProviderRecord> {
    requireRole(this.request.auth, 'admin');
    const changes = validateProviderChanges(input);
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          const provider = await tx.serviceProviders.byId(id);
          if (!provider) throw new NotFound('Service provider', id);
          if (changes.bin && (await tx.serviceProviders.binTaken(changes.bin, id))) {
            throw new Conflict(`A service provider with BIN ${changes.bin} already exists`, { field: 'input.bin' });
          }
          if (changes.katoCode) {
            required('input.katoCode', unitOnRecord(await tx.administrativeUnits.byKatoCode(changes.katoCode), changes.katoCode));
          }
          if (input.headOfficialId != null) {
            const head = required('input.headOfficialId', headOfProvider(await tx.officials.byId(input.headOfficialId), id));
            changes.headOfficialId = head.id;
          }
          return tx.serviceProviders.save(Object.assign(provider, changes));
        }),
      `A service provider with BIN ${changes.bin} already exists`,
      { field: 'input.bin' },
    );
  }

  /** No longer listed or chosen; complaints already filed keep pointing at it. */
  deactivate(id: string): Promise<ServiceProviderRecord> {
    return this.update(id, { active: false });
  }
}
