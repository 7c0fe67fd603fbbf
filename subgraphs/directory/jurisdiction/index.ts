/**
 * Who reviews a complaint: routing by addressee (jurisdiction.service.ts), competence match (competence-match.ts),
 * a complaint about the addressee themself (complaint-about-addressee.ts), and the kind of body (review-body.ts).
 */
export { JurisdictionResolver } from './jurisdiction.resolver';
export { JurisdictionService, type JurisdictionQuery } from './jurisdiction.service';
export { JurisdictionDecision } from './jurisdiction.type';
export { ReviewBody, reviewBodyOf, providerBodyKind } from './review-body';
export { pickCompetent, type ComplaintSubject } from './competence-match';
