import { callService } from '../../platform/service-client';

export interface DirectoryOfficial {
  id: string;
  active: boolean;
  serviceProvider: { id: string } | null;
  administrativeUnit: { katoCode: string } | null;
}

const OFFICIAL = /* GraphQL */ `
  query($id: ID!) { official(id: $id) { id active serviceProvider { id } administrativeUnit { katoCode } } }
`;

/** The body an official acts for, written the way intake writes `handlerBodyId`: provider id, else the unit's code. */
export function bodyOf(official: DirectoryOfficial): string | null {
  return official.serviceProvider?.id ?? official.administrativeUnit?.katoCode ?? null;
}

/** Asks the directory subgraph about officials, with status's own service token. */
export class StatusDirectoryClient {
  constructor(
    private readonly url: string,
    private readonly serviceToken: () => Promise<string>,
  ) {}

  async official(id: string): Promise<DirectoryOfficial | null> {
    const data = await callService<{ official: DirectoryOfficial | null }>(
      this.url,
      OFFICIAL,
      { id },
      `Bearer ${await this.serviceToken()}`,
    );
    return data.official;
  }
}
