import { describe, expect, it } from 'vitest';
import { emptyCard } from '../../src-shared/cards/card';
import { diffCards } from '../../src-shared/cards/card-diff';
import { CardContentSchema } from '../../src-shared/cards/card-schema';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from '../../src-shared/cards/credit-code';
import { nameKey, phoneKey } from '../../src-shared/cards/normalize';
import { fieldTokens, indexDocument, matchExpression } from '../../src-shared/cards/search-terms';
import { mergeContents } from '../../src-shared/cards/card-merge';
import { fullCard, namedCard } from '../support/card-samples';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with a correct check character and refuses every single-character change of it', () => {
    for (const code of ['91350100M000100Y43', '911100001000080343', '91440300MA5DC9XM0A']) {
      expect(isValidCreditCode(code)).toBe(true);
      for (const wrong of '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((c) => c !== code[17])) {
        expect(isValidCreditCode(code.slice(0, 17) + wrong)).toBe(false);
      }
    }
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    // Letters outside the code's alphabet (I, O, S, V, Z) and wrong lengths are refused.
    expect(isValidCreditCode('91350100M000100YO3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });

  it('folds full-width characters, spaces and lower case before checking', () => {
    expect(normalizeCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    const parsed = CardContentSchema.parse({
      ...emptyCard(),
      basic: { ...emptyCard().basic, name: '测试', creditCode: '91350100m000100y43' },
    });
    expect(parsed.basic.creditCode).toBe('91350100M000100Y43');
  });
});

describe('duplicate keys', () => {
  it('names match after removing legal-form suffixes, brackets, spaces and full-width differences', () => {
    const key = nameKey('北京华信科技有限公司');
    expect(key).toBe('北京华信科技');
    for (const variant of [
      '北京华信科技股份有限公司',
      '北京 华信科技（集团）有限公司',
      '北京华信科技(集团)股份有限公司',
      '北京华信科技集团',
      '北京华信科技有限责任公司',
    ]) {
      expect(nameKey(variant), variant).toBe(key);
    }
    expect(nameKey('北京华信物流有限公司')).not.toBe(key);
    // A name that is only a suffix keeps it rather than becoming empty.
    expect(nameKey('公司')).toBe('公司');
  });

  it('phones compare by digits', () => {
    expect(phoneKey('（010）8821-3456')).toBe('01088213456');
    expect(phoneKey('０１０ ８８２１３４５６')).toBe('01088213456');
  });
});

describe('search terms (bigram index)', () => {
  it('indexes each field as overlapping pairs plus its last character', () => {
    expect(fieldTokens('华信科技')).toEqual(['华信', '信科', '科技', '技']);
    expect(fieldTokens('010-8821')).toEqual(['01', '10', '08', '88', '82', '21', '1']);
    expect(indexDocument(['华信', '', 'ＡＢ'])).toBe('华信 信 ab b');
  });

  it('turns queries into phrases of the same pairs; words must all match; one character is a prefix', () => {
    expect(matchExpression('华信')).toBe('"华信"');
    expect(matchExpression('北京华信')).toBe('"北京 京华 华信"');
    expect(matchExpression('华信 上海')).toBe('"华信" AND "上海"');
    expect(matchExpression('华')).toBe('"华"*');
    expect(matchExpression('ＢＪ-hx')).toBe('"bj jh hx"');
    // Quotes, operators and punctuation cannot reach the FTS5 query.
    expect(matchExpression('"华信" OR *')).toBe('"华信" AND "or"');
    expect(matchExpression('  ，；  ')).toBeNull();
  });
});

describe('card validation', () => {
  it('reports each problem with a stable code at its field path', () => {
    const card = fullCard();
    const bad = {
      ...card,
      basic: { ...card.basic, name: ' ', email: 'not-mail', founded: '2024-13-01', employees: 1.5 },
      trading: { ...card.trading, creditLimit: -1 },
    };
    const result = CardContentSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const problems = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(problems).toEqual({
      'basic.name': 'required',
      'basic.email': 'invalidEmail',
      'basic.founded': 'invalidDate',
      'basic.employees': 'notAWholeNumber',
      'trading.creditLimit': 'outOfRange',
    });
  });
});

describe('field-level diff and merge', () => {
  it('lists exactly the changed fields, people by position', () => {
    const before = fullCard();
    const after = structuredClone(before);
    after.basic.phone = '010-1';
    after.people[1]!.age = 49;
    after.people.push({ ...after.people[2]!, name: '新联系人' });
    after.sources.trading.verified = true;
    expect(diffCards(before, after)).toEqual([
      { path: 'basic.phone', from: '010-8821 3456', to: '010-1' },
      { path: 'sources.trading.verified', from: false, to: true },
      { path: 'people.1.age', from: 48, to: 49 },
      { path: 'people.3.role', from: null, to: 'contact' },
      { path: 'people.3.name', from: null, to: '新联系人' },
      { path: 'people.3.title', from: null, to: '采购主管' },
      { path: 'people.3.phone', from: null, to: '13700001111' },
    ]);
    expect(diffCards(before, structuredClone(before))).toEqual([]);
  });

  it('merging keeps the kept card’s values, fills its gaps, joins people, and unverifies filled sections', () => {
    const keep = namedCard('武汉长信商贸有限公司', { phone: '027-1' });
    keep.sources.basic = { source: 'rep_visit', verified: true, verifiedBy: '甲', verifiedAt: 'x' };
    const other = fullCard();
    other.sources.basic.verified = false;
    const merged = mergeContents(keep, other);
    expect(merged.basic).toMatchObject({ name: '武汉长信商贸有限公司', phone: '027-1', address: other.basic.address });
    expect(merged.basic.code).toBe('');
    expect(merged.people.map((p) => p.name)).toEqual(['王建国', '李秀英', '张伟']);
    expect(merged.sources.basic.verified).toBe(false);
    expect(merged.trading.creditLimit).toBe(500000);
    // Both verified: the filled section stays verified.
    other.sources.basic.verified = true;
    expect(mergeContents(keep, other).sources.basic.verified).toBe(true);
  });
});
