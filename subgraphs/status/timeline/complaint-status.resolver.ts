import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReviewBodyKind, StatusMarkKind } from '../../../contracts/enums';
import { Label, labelOf } from '../../../contracts/labels';
import { DateScalar } from '../../../platform/scalars';
import { NextStep, OverdueReason } from '../terms';
import { ComplaintStatus } from './complaint-status.type';
import { StatusMark } from '../marks/status-mark.type';
import { OfficialRef } from '../clients/directory-references.type';
import type { StatusContext } from '../status.context';

@Resolver(() => ComplaintStatus)
export class ComplaintStatusResolver {
  /** Brought along by a mark whose reader knew it; otherwise (a reference) read with the timeline, access checked. */
  @FieldResolver(() => String)
  number(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext): string | Promise<string> {
    const number = complaint.number;
    if (typeof number === 'function') return number();
    return number ?? ctx.timeline.number(complaint.id);
  }

  @FieldResolver(() => StatusMarkKind, { description: 'The latest mark of the timeline' })
  status(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.status(complaint.id);
  }

  @FieldResolver(() => Label, { description: 'The status in words for people, Kazakh and Russian' })
  async statusLabel(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext): Promise<Label> {
    return labelOf('StatusMarkKind', await ctx.timeline.status(complaint.id));
  }

  @FieldResolver(() => [StatusMark], { description: 'Every mark, oldest first' })
  statusMarks(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.marks(complaint.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Given by the reviewing body at registration' })
  async registrationNumber(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return (await ctx.timeline.tracked(complaint.id))?.registrationNumber ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When registration counts: a non-working day moves it to the next working day (APPC Art. 63(2))',
  })
  async registeredAt(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return (await ctx.timeline.tracked(complaint.id))?.registeredAt ?? null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The working day the review term counts from' })
  async registeredOn(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return (await ctx.timeline.tracked(complaint.id))?.registeredOn ?? null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Last day of review: 5 or 15 working days (Law "On Public Services" Art. 25) from the day registration was due (APPC Art. 63(2)), plus extensions',
  })
  async reviewDueOn(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return (await ctx.timeline.tracked(complaint.id))?.reviewDueOn ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'A term was missed (see overdueReason): registration, forwarding, or review by the end of reviewDueOn, Kazakhstan time',
  })
  overdue(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.overdue(complaint.id);
  }

  @FieldResolver(() => OfficialRef, {
    description: 'Who has the complaint now: after a forward, the official it was forwarded to (`handler` stays the first)',
  })
  @Directive('@requires(fields: "handler { id }")')
  currentHandler(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.currentHandler(complaint.id, complaint.handler?.id ?? null);
  }

  @FieldResolver(() => OverdueReason, { nullable: true, description: 'Which term was missed; null when none' })
  overdueReason(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.overdueReason(complaint.id);
  }

  @FieldResolver(() => Label, { nullable: true, description: 'overdueReason in words for people, Kazakh and Russian' })
  async overdueReasonLabel(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext): Promise<Label | null> {
    const reason = await ctx.timeline.overdueReason(complaint.id);
    return reason ? labelOf('OverdueReason', reason) : null;
  }

  @Directive('@requires(fields: "submittedAt")')
  @FieldResolver(() => DateScalar, {
    description: 'Last day to register: the day of receipt when a working day, else the next working day (APPC Art. 63(2))',
  })
  registrationDueOn(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.registrationDueOn(complaint.id, complaint.submittedAt);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'While open: last day to forward it to the competent body, 3 working days from receipt (APPC Art. 65, 91(4))',
  })
  forwardDueOn(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.forwardDueOn(complaint.id);
  }

  @Directive('@requires(fields: "handler { id }")')
  @FieldResolver(() => ReviewBodyKind, {
    description: 'The kind of body that reviews it now, as the directory says (decides 5 or 15 working days)',
  })
  reviewBodyKind(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.reviewBodyKind(complaint.id, complaint.handler?.id);
  }

  @FieldResolver(() => NextStep, {
    nullable: true,
    description: 'After the decision, or once the review term passed with no decision: where the applicant may go, and by when',
  })
  nextStep(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.nextStep(complaint.id);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'After REVIEWED: last day to go to court, 1 month from the decision, moved off non-working days (APPC Art. 136)',
  })
  appealDeadline(@Root() complaint: ComplaintStatus, @Ctx() ctx: StatusContext) {
    return ctx.timeline.appealDeadline(complaint.id);
  }
}
