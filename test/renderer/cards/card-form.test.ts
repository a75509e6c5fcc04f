import { describe, expect, it } from 'vitest';
import { emptyCard, emptyPerson } from '../../../src-shared/cards/card';
import {
  isDirty,
  parseNumberText,
  problemsPerTab,
  serverProblems,
  tabOfPath,
  validateCard,
  withField,
  withPeople,
} from '../../../src-renderer/cards/card-form';
import { reapply } from '../../../src-renderer/cards/ConflictPanel';
import { previewMerge } from '../../../src-renderer/cards/merge-preview';

describe('card form rules', () => {
  it('takes the verified mark off a customer-filled section when one of its fields changes', () => {
    let card = emptyCard();
    card.sources.basic = {
      source: 'customer_form',
      verified: true,
      verifiedBy: '李华',
      verifiedAt: '2024-05-01T02:00:00Z',
    };
    card.sources.trading = {
      source: 'rep_visit',
      verified: true,
      verifiedBy: '李华',
      verifiedAt: '2024-05-01T02:00:00Z',
    };
    card.sources.people = { source: 'customer_form', verified: true, verifiedBy: null, verifiedAt: null };
    card = withField(card, 'trading.creditStatus', '良好');
    expect(card.sources.trading.verified).toBe(true);
    card = withField(card, 'basic.phone', '010-1');
    expect(card.sources.basic.verified).toBe(false);
    card = withPeople(card, [emptyPerson('owner')]);
    expect(card.sources.people.verified).toBe(false);
    // Switching a section's source to 客户填写 starts it unverified; classification has no mark.
    card.sources.business.verified = true;
    card = withField(card, 'sources.business.source', 'customer_form');
    expect(card.sources.business.verified).toBe(false);
    expect(withField(card, 'classification.grade', 'A').sources.basic.verified).toBe(false);
  });

  it('keeps what was typed in a number field as a problem, never silently empty', () => {
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('１，２００')).toBe(1200);
    expect(parseNumberText('5000.5')).toBe(5000.5);
    expect(parseNumberText('5千')).toBeNaN();
    const card = withField(emptyCard(), 'basic.employees', parseNumberText('三百'));
    expect(isDirty(emptyCard(), card)).toBe(true);
    expect(validateCard({ ...card, basic: { ...card.basic, name: '华信' } })).toEqual({
      'basic.employees': 'notANumber',
    });
  });

  it('places problems on their tabs, from the client schema and from main', () => {
    const card = emptyCard();
    card.basic.founded = '1998-13-01';
    card.people = [emptyPerson()];
    card.trading.paymentTermsDays = 1.5;
    const problems = validateCard(card);
    expect(problems).toMatchObject({
      'basic.name': 'required',
      'basic.founded': 'invalidDate',
      'people.0.name': 'required',
      'trading.paymentTermsDays': 'notAWholeNumber',
    });
    expect(problemsPerTab(problems)).toEqual({ basic: 2, people: 1, trading: 1 });
    expect(serverProblems({ 'content.basic.name': 'required', 'classification.region': 'unknownValue' })).toEqual({
      'basic.name': 'required',
      'classification.region': 'unknownValue',
    });
    expect(tabOfPath('sources.trading.verified')).toBe('trading');
    expect(tabOfPath('classification.route')).toBe('classification');
  });

  it('lays the user’s changes over a newer version, leaving the other person’s changes', () => {
    const base = emptyCard();
    base.basic.name = '华信';
    base.basic.phone = '010-1';
    const draft = withField(base, 'basic.phone', '010-2');
    const latest = withField(base, 'basic.address', '北京市海淀区');
    const next = reapply(base, draft, latest);
    expect(next.basic.phone).toBe('010-2');
    expect(next.basic.address).toBe('北京市海淀区');
  });

  it('previews a merge as main will do it: kept values win, gaps filled, people joined', () => {
    const keep = emptyCard();
    keep.basic = { ...keep.basic, code: 'KH1', name: '北京华信科技有限公司', phone: '010-1' };
    keep.people = [{ ...emptyPerson('owner'), name: '王建国' }];
    keep.sources.basic.verified = true;
    const other = emptyCard();
    other.basic = { ...other.basic, code: 'KH2', name: '北京华信科技', phone: '010-2', fax: '010-3' };
    other.people = [
      { ...emptyPerson('owner'), name: '王建国 ' },
      { ...emptyPerson('contact'), name: '李明' },
    ];
    const preview = previewMerge(keep, other);
    expect(preview.content.basic).toMatchObject({
      code: 'KH1',
      name: '北京华信科技有限公司',
      phone: '010-1',
      fax: '010-3',
    });
    expect(preview.content.people.map((p) => p.name)).toEqual(['王建国', '李明']);
    expect(preview.rows.find((r) => r.path === 'basic.phone')).toMatchObject({ dropped: true, fromOther: false });
    expect(preview.rows.find((r) => r.path === 'basic.fax')).toMatchObject({ fromOther: true });
    expect(preview.unverified).toEqual(['basic']);
    expect(preview.content.sources.basic.verified).toBe(false);
  });
});
