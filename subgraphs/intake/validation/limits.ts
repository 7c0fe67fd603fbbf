import limits from '../data/complaint-limits.json';

/** Length and count limits for complaint input (data file, so they change without touching the rules). */
export const LIMITS = limits;
