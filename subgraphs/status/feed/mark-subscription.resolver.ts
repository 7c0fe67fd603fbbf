import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { StatusMark } from '../marks/status-mark.type';
import type { StatusContext } from '../status.context';

@Resolver()
export class MarkSubscriptionResolver {
  @Subscription(() => StatusMark, {
    description:
      "New marks of one complaint, or of all the citizen's complaints when complaintId is omitted. `after` (a mark's " +
      'cursor) first replays every later mark in order, then continues live, with no gap and no duplicate.',
    subscribe: ({ args, context }) =>
      (context as StatusContext).markStreaming.statusMarkAdded(args.complaintId as string | null, args.after as string | null),
  })
  statusMarkAdded(
    @Root() mark: StatusMark,
    @Ctx() ctx: StatusContext,
    @Arg('complaintId', () => ID, { nullable: true }) _complaintId: string | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): StatusMark {
    ctx.timeline.forgetReads(); // one context serves every event of the subscription
    return mark;
  }
}
