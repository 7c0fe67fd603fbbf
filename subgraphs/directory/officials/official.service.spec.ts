import type { AuthState } from '../../../platform/auth';
import type { DirectoryRequest } from '../directory.request';
import { OfficialService } from './official.service';

/** A request whose store fails the test if touched: access is checked before any input or data. */
function requestOf(auth: AuthState): DirectoryRequest {
  const untouchable = new Proxy({}, { get: () => { throw new Error('the store was used'); } });
  return { auth, store: untouchable, loaders: untouchable } as unknown as DirectoryRequest;
}

describe('OfficialService administration', () => {
  const badInput = { surname: '', name: '', position: '' };

  it('refuses an anonymous caller and a citizen before looking at the input or the database', async () => {
    const anonymous = new OfficialService(requestOf({ principal: null }));
    await expect(anonymous.create(badInput)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const citizen = new OfficialService(requestOf({ principal: { sub: 'c', role: 'citizen', authorization: '' } }));
    await expect(citizen.update('x', { surname: '' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(citizen.deactivate('x')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('checks an admin’s input before opening a transaction', async () => {
    const admin = new OfficialService(requestOf({ principal: { sub: 'a', role: 'admin', authorization: '' } }));
    await expect(admin.create(badInput)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.surname' } });
  });
});
