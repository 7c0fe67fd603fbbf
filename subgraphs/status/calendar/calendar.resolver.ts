import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../../platform/scalars';
import type { CalendarEntry as Entry } from './calendar-data';
import {
  CalendarEntry,
  CalendarHolidayInput,
  CalendarTransferInput,
  WorkingDayCalendar,
  WorkingDaysResult,
} from './calendar.types';
import type { StatusContext } from '../status.context';

const asType = (e: Entry) => e as unknown as CalendarEntry;

@Resolver()
export class CalendarResolver {
  @Query(() => DateScalar, {
    description: 'The date `days` working days after `from` on the Kazakhstan calendar (negative counts back)',
  })
  addWorkingDays(
    @Arg('from', () => DateScalar) from: string,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: StatusContext,
  ): string {
    return ctx.workingDays.addWorkingDays(from, days);
  }

  @Query(() => WorkingDaysResult, {
    description: 'As addWorkingDays, saying whether the answer rests on a year the calendar does not cover',
  })
  workingDaysResult(
    @Arg('from', () => DateScalar) from: string,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: StatusContext,
  ): WorkingDaysResult {
    return ctx.workingDays.addWorkingDaysChecked(from, days);
  }

  @Query(() => Boolean, { description: 'Whether `date` is a working day on the Kazakhstan calendar' })
  isWorkingDay(@Arg('date', () => DateScalar) date: string, @Ctx() ctx: StatusContext): boolean {
    return ctx.workingDays.isWorkingDay(date);
  }

  @Query(() => WorkingDayCalendar, { description: 'The years the working-day calendar covers and the limits of its input' })
  workingDayCalendar(@Ctx() ctx: StatusContext): WorkingDayCalendar {
    return ctx.workingDays.coverage();
  }

  @Query(() => [CalendarEntry], { description: 'The calendar entries with their sources and audit trail (administrators)' })
  calendarEntries(
    @Arg('includeWithdrawn', () => Boolean, { defaultValue: false }) includeWithdrawn: boolean,
    @Ctx() ctx: StatusContext,
  ): CalendarEntry[] {
    return ctx.calendarAdmin.entries(includeWithdrawn).map(asType);
  }

  @Mutation(() => CalendarEntry, { description: 'Records a day off that never moves (e.g. Kurban Ait of a year)' })
  async recordCalendarHoliday(@Arg('input', () => CalendarHolidayInput) input: CalendarHolidayInput, @Ctx() ctx: StatusContext) {
    return asType(await ctx.calendarAdmin.recordHoliday(input));
  }

  @Mutation(() => CalendarEntry, { description: 'Records a transfer order of a day off (Labour Code Art. 85(3))' })
  async recordCalendarTransfer(@Arg('input', () => CalendarTransferInput) input: CalendarTransferInput, @Ctx() ctx: StatusContext) {
    return asType(await ctx.calendarAdmin.recordTransfer(input));
  }

  @Mutation(() => CalendarEntry, { description: 'Withdraws a calendar entry (of the data file or recorded); a correction is a withdrawal and a new entry' })
  async withdrawCalendarEntry(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: StatusContext,
  ) {
    return asType(await ctx.calendarAdmin.withdraw(id, reason));
  }
}
