import { classifyOutage } from './outage';

describe('classifyOutage', () => {
  it('tells a refused connection (nothing applied) from a lost one (outcome unknown), through wrappers', () => {
    const refused = { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', fatal: true };
    expect(classifyOutage(refused)).toEqual({ dependency: 'database', outcome: 'NOT_APPLIED' });
    // graphql-js wraps a non-Error throw; TypeORM keeps the driver's error in driverError
    expect(classifyOutage({ name: 'NonErrorThrown', thrownValue: refused })).toEqual({ dependency: 'database', outcome: 'NOT_APPLIED' });
    expect(classifyOutage({ name: 'QueryFailedError', message: 'x', driverError: { code: 'PROTOCOL_CONNECTION_LOST', fatal: true } })).toEqual({
      dependency: 'database',
      outcome: 'UNKNOWN',
    });
    expect(classifyOutage(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }))).toEqual({
      dependency: 'redis',
      outcome: 'UNKNOWN',
    });
    expect(classifyOutage(new Error('Connection is closed.'))).toEqual({ dependency: 'redis', outcome: 'NOT_APPLIED' });
  });

  it('leaves other errors alone', () => {
    expect(classifyOutage(new Error('boom'))).toBeNull();
    expect(classifyOutage({ code: 'ER_DUP_ENTRY', message: 'Duplicate entry' })).toBeNull();
    expect(classifyOutage(undefined)).toBeNull();
  });
});
