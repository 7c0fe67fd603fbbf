import { labelOf } from '../../../contracts/labels';
import { OverdueReason } from './terms.type';

describe('overdueReasonLabel', () => {
  it.each(Object.values(OverdueReason))('%s has words in Kazakh and Russian', (reason) => {
    const label = labelOf('OverdueReason', reason);
    expect(label.kk.trim()).not.toBe('');
    expect(label.ru.trim()).not.toBe('');
    expect(label.kk).not.toBe(label.ru);
  });
});
