/** The legal terms of a complaint (registration, forwarding, review, extension, appeal): pure rules on the calendar. */
export * as complaintTerms from './complaint-terms';
export { registrationMoment, registrationNumber } from './registration';
export { forwardDueOn, reviewDueOn, reviewTerms } from './review-terms';
export { NextStep, NextStepCode, OverdueReason } from './terms.type';
