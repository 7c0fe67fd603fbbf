import { Addressee } from '../../platform/enums';

/** A complete, valid `FileComplaintInput` for a provider; override any part. */
export function complaintInput(serviceProviderId: string, over: Record<string, unknown> = {}) {
  return {
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    serviceProviderId,
    publicService: 'Адаптерлік мекенжай анықтамасы / Справка об адресной регистрации',
    applicant: {
      surname: 'Ахметова',
      name: 'Дина',
      patronymic: 'Маратқызы',
      postalAddress: 'Астана қ., Мәңгілік Ел д-лы, 8, 12 пәтер',
      phones: ['+77011234567'],
    },
    respondents: [{ position: 'ЦОН маманы / специалист ЦОН', surname: 'Серіков', name: 'Нұржан' }],
    reasons: 'Анықтама заңда белгіленген мерзімде берілмеді.',
    demands: 'Анықтаманы беруді және мерзімді бұзуды тексеруді талап етемін.',
    signature: 'ЭЦП: MIIB...test',
    ...over,
  };
}
