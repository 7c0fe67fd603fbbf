import { FieldResolver, Resolver, Root } from 'type-graphql';
import { ComplaintStatus } from './complaint-status.type';
import { StatusMark } from './status-mark.type';

@Resolver(() => StatusMark)
export class StatusMarkResolver {
  /** A reference: intake resolves the complaint's own fields, status its timeline. */
  @FieldResolver(() => ComplaintStatus)
  complaint(@Root() mark: StatusMark): ComplaintStatus {
    return { id: mark.complaintId };
  }
}
