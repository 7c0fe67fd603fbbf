/** Intake's calls to other subgraphs: the directory (jurisdiction, an official's body) and status's calendar. */
export { DirectoryClient, type JurisdictionAnswer } from './directory.client';
export { StatusCalendarClient } from './status-calendar.client';
