/** The e-government contact centre (seed item 9), from data/contact-center.json. */
export { ContactCenterResolver } from './contact-center.resolver';
