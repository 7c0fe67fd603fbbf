import { Query, Resolver } from 'type-graphql';
import data from '../data/contact-center.json';
import { ContactCenter } from './contact-center.type';

const CONTACT_CENTER: ContactCenter = {
  nameKk: data.nameKk,
  nameRu: data.nameRu,
  phones: data.phones.map((p) => p.number),
  lines: data.phones,
  website: data.website,
  courtAppeal: data.court,
  source: data.source,
};

@Resolver()
export class ContactCenterResolver {
  @Query(() => ContactCenter, { description: 'The e-government contact centre (public, no token needed)' })
  contactCenter(): ContactCenter {
    return CONTACT_CENTER;
  }
}
