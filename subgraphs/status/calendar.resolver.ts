import { Arg, Int, Query, Resolver } from 'type-graphql';
import { BadUserInput } from '../../platform/errors';
import { DateScalar } from '../../platform/scalars';
import { kzCalendar } from './working-calendar';

const MAX_DAYS = 3660;

@Resolver()
export class CalendarResolver {
  @Query(() => DateScalar, {
    description: 'The date `days` working days after `from` on the Kazakhstan calendar (negative counts back)',
  })
  addWorkingDays(@Arg('from', () => DateScalar) from: string, @Arg('days', () => Int) days: number): string {
    if (Math.abs(days) > MAX_DAYS) throw new BadUserInput(`days must be within ±${MAX_DAYS}`, 'days');
    return kzCalendar.addWorkingDays(from, days);
  }

  @Query(() => Boolean, { description: 'Whether `date` is a working day on the Kazakhstan calendar' })
  isWorkingDay(@Arg('date', () => DateScalar) date: string): boolean {
    return kzCalendar.isWorkingDay(date);
  }
}
