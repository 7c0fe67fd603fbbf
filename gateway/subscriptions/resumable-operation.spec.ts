import { buildSchema } from 'graphql';
import { RESUME_VARIABLE, upstreamOperation } from './resumable-operation';

const schema = buildSchema(`
  type Query { x: Int }
  type Mark { id: ID! cursor: String! }
  type Ping { n: Int }
  type Subscription { marks(after: String, id: ID): Mark! pings: Ping! }
`);

describe('upstreamOperation', () => {
  it('reuses the client variable for after and selects the cursor under an alias', () => {
    const op = upstreamOperation('subscription S($id: ID, $after: String) { marks(id: $id, after: $after) { id } }', 'S', { id: '1', after: 'c5' }, schema);
    expect(op.resumable).toBe(true);
    expect(op.initialAfter).toBe('c5');
    expect(op.query).toContain('marks(id: $id, after: $after)');
    expect(op.query).toContain('__resumeCursor: cursor');
    expect(op.variables('c9')).toEqual({ id: '1', after: 'c9' });
    expect(op.cursorOf({ marks: { id: 'm', __resumeCursor: 'c9' } })).toBe('c9');
  });

  it('adds its own variable when after is a literal or absent', () => {
    const literal = upstreamOperation('subscription { marks(after: "c2") { id } }', undefined, {}, schema);
    expect(literal.initialAfter).toBe('c2');
    expect(literal.query).toContain(`$${RESUME_VARIABLE}: String`);
    expect(literal.variables('c3')).toEqual({ [RESUME_VARIABLE]: 'c3' });
    const absent = upstreamOperation('subscription { marks { id } }', undefined, {}, schema);
    expect(absent.initialAfter).toBeNull();
    expect(absent.variables(null)).toEqual({ [RESUME_VARIABLE]: null });
  });

  it('leaves streams without after/cursor as they are', () => {
    const op = upstreamOperation('subscription { pings { n } }', undefined, { a: 1 }, schema);
    expect(op.resumable).toBe(false);
    expect(op.query).toBe('subscription { pings { n } }');
    expect(op.cursorOf({ pings: { n: 1 } })).toBeNull();
  });
});
