import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../../platform/scalars';

export enum CalendarEntryKind {
  HOLIDAY = 'HOLIDAY',
  TRANSFER = 'TRANSFER',
  COVERAGE = 'COVERAGE',
}
registerEnumType(CalendarEntryKind, { name: 'CalendarEntryKind', description: 'A dated fact of the working-day calendar' });

export enum CalendarHolidayKind {
  KURBAN_AIT = 'KURBAN_AIT',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(CalendarHolidayKind, {
  name: 'CalendarHolidayKind',
  description: 'KURBAN_AIT: the first day of Kurban Ait of a year (one a year); ONE_OFF: another day off that never moves',
});

export enum CalendarEntryOrigin {
  SEED = 'SEED',
  ADMIN = 'ADMIN',
}
registerEnumType(CalendarEntryOrigin, { name: 'CalendarEntryOrigin', description: 'The data file, or an administrator' });

@ObjectType({ description: 'What the working-day calendar covers: outside the covered years its answers are provisional' })
export class WorkingDayCalendar {
  @Field(() => Int, { nullable: true, description: 'The first covered year (its moveable holidays and transfer orders are entered)' })
  coveredFrom: number | null;

  @Field(() => Int, { nullable: true, description: 'The last covered year' })
  coveredTo: number | null;

  @Field(() => [Int])
  coveredYears: number[];

  @Field(() => Int, { description: 'Dates before this year are refused' })
  supportedFrom: number;

  @Field(() => Int, { description: 'Dates after this year are refused' })
  supportedTo: number;

  @Field(() => Int, { description: 'The largest |days| a computation accepts' })
  maxDays: number;
}

@ObjectType({ description: 'A computed date; provisional when it rests on a year the calendar does not cover' })
export class WorkingDaysResult {
  @Field(() => DateScalar)
  date: string;

  @Field()
  provisional: boolean;

  @Field(() => [Int], { description: 'The uncovered years the computation touched' })
  uncoveredYears: number[];
}

@ObjectType({ description: 'A holiday, transfer order or coverage of the calendar, with its source and audit trail' })
export class CalendarEntry {
  @Field(() => ID)
  id: string;

  @Field(() => CalendarEntryOrigin)
  origin: CalendarEntryOrigin;

  @Field(() => CalendarEntryKind)
  kind: CalendarEntryKind;

  @Field(() => Int)
  year: number;

  @Field(() => DateScalar, { nullable: true, description: 'The holiday, or the new day off of a transfer' })
  date: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The new working day of a transfer' })
  workingDay: string | null;

  @Field(() => CalendarHolidayKind, { nullable: true })
  holidayKind: CalendarHolidayKind | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field({ description: 'The legal act or publication the entry rests on' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Who recorded it (null for the data file)' })
  recordedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recordedAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawnBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawReason: string | null;
}

@InputType({ description: 'A day off that never moves: the first day of Kurban Ait of a year, or a one-off holiday' })
export class CalendarHolidayInput {
  @Field(() => DateScalar)
  date: string;

  @Field(() => CalendarHolidayKind)
  kind: CalendarHolidayKind;

  @Field()
  name: string;

  @Field({ description: 'The act that sets it (title, date, number)' })
  source: string;

  @Field({ nullable: true, description: "Declares the year complete: its moveable holidays and transfer orders are all entered" })
  coversYear?: boolean;
}

@InputType({ description: 'A transfer order (Labour Code Art. 85(3)): a weekday becomes a day off, a day off a working day' })
export class CalendarTransferInput {
  @Field(() => DateScalar)
  dayOff: string;

  @Field(() => DateScalar)
  workingDay: string;

  @Field({ description: 'The order (title, date, number)' })
  source: string;
}
