import { describe, expect, it } from 'vitest';
import { CardContentSchema } from '../../src-shared/cards/card-schema';
import { isValidCreditCode } from '../../src-shared/cards/credit-code';
import { DEFAULT_DICTIONARIES } from '../../src-shared/cards/dictionaries';
import { foldText, nameKey } from '../../src-shared/cards/normalize';
import { CLASSIFICATION_AXES, SECTION_KEYS } from '../../src-shared/cards/card';
import { demoRegionsAndRoutes, generateDemoCards } from '../../src-main/demo/demo-cards';
import { DEMO_CITIES } from '../../src-main/demo/demo-places';
import { SeededRandom } from '../../src-main/demo/seeded-random';

const REPS = ['yewu1', 'yewu2', 'yewu3'];
const cards = generateDemoCards({ count: 3000, seed: 'test-seed', reps: REPS });

describe('demo card generator', () => {
  it('makes cards that the card schema accepts, unchanged', () => {
    for (const card of cards) {
      const parsed = CardContentSchema.safeParse(card);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Nothing the schema would trim or normalise: the card round-trips as generated.
      expect(parsed.data!.basic).toEqual(card.basic);
    }
  });

  it('gives the same cards for the same seed and other cards for another seed', () => {
    const again = generateDemoCards({ count: 3000, seed: 'test-seed', reps: REPS });
    expect(again).toEqual(cards);
    const other = generateDemoCards({ count: 50, seed: 'other-seed', reps: REPS });
    expect(other.map((c) => c.basic.name)).not.toEqual(cards.slice(0, 50).map((c) => c.basic.name));
  });

  it('gives unique names and unique, valid unified social credit codes', () => {
    expect(new Set(cards.map((c) => nameKey(c.basic.name))).size).toBe(cards.length);
    const codes = cards.map((c) => c.basic.creditCode).filter((c) => c !== '');
    expect(codes.length).toBeGreaterThan(cards.length * 0.7);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(isValidCreditCode(code), code).toBe(true);
    // The division code inside matches the district in the address.
    const withDivision = cards.filter((c) => c.basic.creditCode !== '');
    for (const card of withDivision.slice(0, 500)) {
      const division = card.basic.creditCode.slice(2, 8);
      const city = DEMO_CITIES.find((c) => c.districts.some((d) => d.division === division))!;
      expect(card.basic.address, card.basic.creditCode).toContain(city.name);
    }
  });

  it('has the name collisions a real register has: two-character fragments shared by many cards', () => {
    const containing = (fragment: string) => cards.filter((c) => c.basic.name.includes(fragment)).length;
    // About 5 % of a register called 华信-something makes 华信 a demanding search.
    expect(containing('华信')).toBeGreaterThan(cards.length * 0.02);
    for (const fragment of ['宏达', '恒通', '科技', '商贸', '有限公司', '北京', '上海']) {
      expect(containing(fragment), fragment).toBeGreaterThan(20);
    }
    // Same short name in several cities.
    const shortNames = new Map<string, number>();
    for (const c of cards) shortNames.set(c.basic.shortName, (shortNames.get(c.basic.shortName) ?? 0) + 1);
    expect(Math.max(...[...shortNames.entries()].filter(([n]) => n !== '').map(([, k]) => k))).toBeGreaterThan(5);
  });

  it('uses landline area codes of the city in the address, and real mobile prefixes', () => {
    let landlines = 0;
    for (const card of cards) {
      for (const phone of card.basic.phone.split('，')) {
        const landline = /^(0\d{2,3})-([2-8]\d{6,7})$/.exec(phone);
        if (landline) {
          landlines += 1;
          const city = DEMO_CITIES.find((c) => c.areaCode === landline[1])!;
          expect(card.basic.address).toContain(city.name);
          expect(landline[2]!.length).toBe(city.localDigits);
        } else {
          expect(phone).toMatch(/^1[3-9]\d{9}$/);
        }
      }
      for (const person of card.people) if (person.phone) expect(person.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(landlines).toBeGreaterThan(cards.length / 2);
  });

  it('files every card under codes the dictionaries know, on a route of its region, reps from the list', () => {
    const entries = demoRegionsAndRoutes();
    const known = new Map<string, Set<string>>();
    for (const axis of CLASSIFICATION_AXES) known.set(axis, new Set(DEFAULT_DICTIONARIES[axis].map(([code]) => code)));
    for (const e of entries) known.get(e.axis)!.add(e.code);
    const regionParent = new Map(entries.filter((e) => e.axis === 'region').map((e) => [e.code, e.parentCode]));
    /** The region and every region above it. */
    const pathOf = (code: string) => {
      const path: string[] = [];
      for (let at: string | null | undefined = code; at; at = regionParent.get(at)) path.push(at);
      return path;
    };
    const routeParent = new Map(entries.filter((e) => e.axis === 'route').map((e) => [e.code, e.parentCode!]));
    const ordersPerRoute = new Map<string, number[]>();
    let filedUnderCity = 0;
    for (const card of cards) {
      const c = card.classification;
      for (const axis of CLASSIFICATION_AXES) {
        if (c[axis] !== '') expect(known.get(axis)!.has(c[axis]), `${axis}=${c[axis]}`).toBe(true);
      }
      if (c.route !== '') {
        // A card is filed under a district (a city for 东莞), three levels down: area › city › district.
        const path = pathOf(c.region);
        expect(path.length === 3 || (path.length === 2 && card.basic.address.includes('东莞')), c.region).toBe(true);
        if (path.length === 2) filedUnderCity++;
        // Its route hangs under its district or its city.
        expect(path.slice(0, 2)).toContain(routeParent.get(c.route));
        ordersPerRoute.set(c.route, [...(ordersPerRoute.get(c.route) ?? []), c.routeOrder!]);
      } else {
        expect(c.region).toBe('');
        expect(c.routeOrder).toBeNull();
      }
      if (c.assignedRep !== '') expect(REPS).toContain(c.assignedRep);
    }
    expect(filedUnderCity).toBeGreaterThan(0);
    // Route order counts 1, 2, 3 … along each route.
    for (const orders of ordersPerRoute.values()) expect(orders).toEqual(orders.map((_, i) => i + 1));
    expect(new Set(cards.map((c) => c.classification.assignedRep))).toEqual(new Set([...REPS, '']));
  });

  it('mixes natures, sources and verification as an office would see them', () => {
    const natures = new Set(cards.map((c) => c.classification.nature));
    expect(natures).toEqual(new Set(['company', 'partner', 'special', 'government', 'individual']));
    const individuals = cards.filter((c) => c.classification.nature === 'individual');
    for (const c of individuals) {
      expect(c.basic.creditCode).toBe('');
      expect(c.people[0]!.name).toBe(c.basic.name);
    }
    const share = (source: string) => {
      const sections = cards.flatMap((c) => SECTION_KEYS.map((k) => c.sources[k])).filter((s) => s.source === source);
      return sections.filter((s) => s.verified).length / sections.length;
    };
    // Customer-filled forms wait for verification far more often than the reps' own notes.
    expect(share('customer_form')).toBeLessThan(0.4);
    expect(share('rep_visit')).toBeGreaterThan(0.6);
    const withNotes = cards.flatMap((c) => c.people).filter((p) => p.character && p.hobbies && p.age !== null);
    expect(withNotes.length).toBeGreaterThan(cards.length * 0.3);
    // Potential customers: not trading yet, no credit granted.
    const potential = cards.filter((c) => c.basic.tradingSince === '');
    expect(potential.length).toBeGreaterThan(cards.length * 0.05);
    for (const c of potential) expect(c.trading.creditLimit).toBeNull();
    for (const c of cards) {
      if (c.basic.founded && c.basic.tradingSince) expect(c.basic.tradingSince > c.basic.founded).toBe(true);
    }
  });

  it('makes a region tree: seven sales areas, their cities, the districts under the cities; routes under cities', () => {
    const entries = demoRegionsAndRoutes();
    const regions = entries.filter((e) => e.axis === 'region');
    const top = regions.filter((r) => r.parentCode === null);
    expect(top.map((r) => r.label)).toEqual(['华北区', '东北区', '华东区', '华中区', '华南区', '西南区', '西北区']);
    const children = (code: string) => regions.filter((r) => r.parentCode === code);
    const beijing = children('HB').find((r) => r.label === '北京市')!;
    expect(beijing).toMatchObject({ code: '110100', labelEn: 'Beijing' });
    expect(children('110100').map((r) => r.label)).toEqual([
      '东城区',
      '西城区',
      '朝阳区',
      '丰台区',
      '海淀区',
      '通州区',
    ]);
    expect(children('110100').find((r) => r.code === '110105')).toMatchObject({ labelEn: 'Chaoyang District' });
    expect(children('HN').map((r) => r.label)).toContain('东莞市');
    expect(children('441900')).toEqual([]);
    // Codes are unique; every parent exists; sort order counts within each parent.
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions) if (r.parentCode) expect(regions.some((p) => p.code === r.parentCode)).toBe(true);
    for (const parent of [null, 'HB', '110100']) {
      expect(regions.filter((r) => r.parentCode === parent).map((r) => r.sortOrder)).toEqual(
        regions.filter((r) => r.parentCode === parent).map((_, i) => i + 1),
      );
    }
    const routes = entries.filter((e) => e.axis === 'route');
    const cityOrDistrict = new Set(regions.filter((r) => r.parentCode !== null).map((r) => r.code));
    for (const route of routes) expect(cityOrDistrict.has(route.parentCode!), route.code).toBe(true);
    expect(routes.filter((r) => r.parentCode === '110100').map((r) => r.label)).toEqual(['京东线', '京西线']);
    expect(routes.find((r) => r.label === '浦东线')).toMatchObject({ parentCode: '310115' });
    expect(routes.find((r) => r.label === '杭州线')).toMatchObject({
      parentCode: '330100',
      code: expect.stringMatching(/^HD-\d\d$/),
    });
  });

  it('folds names to searchable text without losing the Chinese', () => {
    for (const card of cards.slice(0, 100)) expect(foldText(card.basic.name).length).toBeGreaterThan(1);
  });
});

describe('seeded random', () => {
  it('repeats for a seed and spreads evenly', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const values = Array.from({ length: 10_000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 10_000 }, () => b.next()));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const ints = new SeededRandom('x');
    const seen = new Set(Array.from({ length: 1000 }, () => ints.int(1, 6)));
    expect(seen).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});
