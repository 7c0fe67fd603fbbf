import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { StatusMarkKind } from '../../platform/enums';
import { ComplaintStatus } from './complaint-status.type';
import { StatusMark } from './status-mark.type';
import type { StatusContext } from './status.context';

@Resolver(() => ComplaintStatus)
export class ComplaintStatusResolver {
  @FieldResolver(() => StatusMarkKind, { description: 'The latest mark of the timeline' })
  status(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.status.status(complaint.id);
  }

  @FieldResolver(() => [StatusMark], { description: 'Every mark, oldest first' })
  statusMarks(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.status.marks(complaint.id);
  }
}
