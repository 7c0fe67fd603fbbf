import type { ReviewBodyKind } from '../../../contracts/enums';
import type { ReadCache } from '../../../platform/read-cache';
import { callService } from '../../../platform/service-client';

export interface DirectoryOfficial {
  id: string;
  active: boolean;
  serviceProvider: { id: string } | null;
  administrativeUnit: { katoCode: string } | null;
  /** The body the official acts for and its kind: the directory is its one owner (directory/jurisdiction/review-body.ts). */
  body: { id: string; kind: ReviewBodyKind } | null;
}

const OFFICIAL = /* GraphQL */ `
  query($id: ID!) { official(id: $id) { id active serviceProvider { id } administrativeUnit { katoCode } body { id kind } } }
`;

/** The body an official acts for, as the directory says (intake writes `handlerBodyId` from the same answer). */
export function bodyOf(official: DirectoryOfficial): string | null {
  return official.body?.id ?? null;
}

/**
 * Asks the directory subgraph about officials, with status's own service token. Answers are kept in a read cache
 * that the directory's change feed empties on every committed directory write (as intake's), so writing a mark or
 * checking a reader's access usually costs no call to the directory.
 */
export class StatusDirectoryClient {
  constructor(
    private readonly url: string,
    private readonly serviceToken: () => Promise<string>,
    private readonly answers: ReadCache,
  ) {}

  official(id: string): Promise<DirectoryOfficial | null> {
    return this.answers.getOrRead(JSON.stringify(['official', id]), async () => {
      const data = await callService<{ official: DirectoryOfficial | null }>(
        this.url,
        OFFICIAL,
        { id },
        `Bearer ${await this.serviceToken()}`,
      );
      return data.official;
    });
  }
}
