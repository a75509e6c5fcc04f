import {
  emptyCard,
  emptyPerson,
  type CardContent,
  type Person,
  type PersonRole,
  type Source,
} from '../../src-shared/cards/card';
import { creditCodeCheckChar } from '../../src-shared/cards/credit-code';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import { nameKey } from '../../src-shared/cards/normalize';
import { pinyinInitials } from '../cards/search-index';
import {
  DEMO_CITIES,
  DEMO_HOUSING_ESTATES,
  DEMO_MARKETS,
  DEMO_OFFICE_BUILDINGS,
  DEMO_REGION_TREE,
  DEMO_REGIONS,
  DEMO_ROADS,
  DEMO_ROUTES,
  regionCodeOf,
  routeFor,
  type DemoCity,
  type DemoDistrict,
} from './demo-places';
import {
  ABILITIES,
  CHARACTERS,
  COMMON_TRADE_NAMES,
  CREDIT_STATUS,
  EDUCATIONS,
  FAMILIES,
  GIVEN_NAMES,
  HOBBIES,
  INDUSTRY_WORDS,
  PHRASES,
  PUBLIC_TITLES,
  PUBLIC_UNITS,
  SHOP_FORMS,
  SHOP_WORDS,
  SURNAMES,
  TITLES,
  TRADE_NAME_CHARACTERS,
} from './demo-words';
import { SeededRandom, WeightedChoice, zipf } from './seeded-random';

/**
 * Demo customers for trying the application and for the benchmarks: a
 * realistic mix of companies, small shops, trading partners, special
 * companies, government units and private customers, spread over the
 * office's regions and routes. The same seed always gives the same cards.
 * Every card is valid under CardContentSchema; names are unique by the
 * duplicate-warning key (nameKey) and credit codes are unique and carry a
 * correct check character, so a demo archive raises no false duplicates.
 */
export interface DemoCardOptions {
  count: number;
  seed: string | number;
  /** User names of the reps the cards are assigned to, one per route in turn; empty leaves cards unassigned. */
  reps: readonly string[];
}

/**
 * The region and route dictionary entries the demo cards are filed under:
 * the region tree (sales areas, their cities, the cities' districts, each
 * naming its parent) and the routes, each under the city or district it
 * serves.
 */
export function demoRegionsAndRoutes(): DictionaryEntry[] {
  const order = new Map<string, number>();
  const nextOrder = (key: string) => {
    const n = (order.get(key) ?? 0) + 1;
    order.set(key, n);
    return n;
  };
  return [
    ...DEMO_REGION_TREE.map((r) => ({
      axis: 'region' as const,
      code: r.code,
      label: r.label,
      labelEn: r.labelEn,
      parentCode: r.parent,
      sortOrder: nextOrder(`region:${r.parent ?? ''}`),
      active: true,
    })),
    ...DEMO_ROUTES.map((r) => ({
      axis: 'route' as const,
      code: r.code,
      label: r.label,
      labelEn: r.labelEn,
      parentCode: r.parent,
      sortOrder: nextOrder(`route:${r.parent}`),
      active: true,
    })),
  ];
}

/** All the demo cards at once; see {@link demoCards} to stream them. */
export function generateDemoCards(options: DemoCardOptions): CardContent[] {
  return [...demoCards(options)];
}

/** The demo cards one by one, so that a large archive can be loaded without holding every card in memory. */
export function* demoCards(options: DemoCardOptions): Generator<CardContent> {
  if (!Number.isInteger(options.count) || options.count < 0) throw new Error('count must be a whole number');
  const maker = new DemoCardMaker(new SeededRandom(options.seed), options.reps);
  for (let i = 0; i < options.count; i++) yield maker.card();
}

type Nature = 'company' | 'partner' | 'special' | 'government' | 'individual';

/** What a name decided about the rest of the card. */
interface Identity {
  nature: Nature;
  name: string;
  shortName: string;
  creditPrefix: string | null;
  organizationForm: string;
  ownership: string;
  industry: string;
  businessType: string;
  locationType: string;
  shop: boolean;
  /** For e-mail addresses: the part of the name a company would use as its domain. */
  brand: string;
}

const NATURES = new WeightedChoice<Nature>([
  ['company', 68],
  ['partner', 14],
  ['special', 4],
  ['government', 5],
  ['individual', 9],
]);
const INDUSTRIES = new WeightedChoice<string>([
  ['wholesale_retail', 30],
  ['manufacturing', 20],
  ['food', 14],
  ['it', 10],
  ['construction', 8],
  ['logistics', 8],
  ['other', 10],
]);
const COMMON_NAMES = new WeightedChoice<string>(zipf(COMMON_TRADE_NAMES, 0.9));
const CITIES = new WeightedChoice<DemoCity>(DEMO_CITIES.map((c) => [c, c.weight]));
const SHOP_FORM_CHOICE = new WeightedChoice(SHOP_FORMS.map(([form, type, w]) => [{ form, type }, w] as const));
const FIRM_FORMS = new WeightedChoice<string>([
  ['有限公司', 70],
  ['有限责任公司', 10],
  ['股份有限公司', 12],
]);
const FIRM_TYPES = new WeightedChoice<string>([
  ['wholesale', 40],
  ['agent', 25],
  ['franchised', 10],
  ['chain', 10],
  ['specialty', 10],
  ['retail', 5],
]);
const FIRM_OWNERSHIP = new WeightedChoice<string>([
  ['private', 85],
  ['collective', 5],
  ['joint_venture', 5],
  ['state', 5],
]);
const LOCATIONS = new WeightedChoice<string>([
  ['commercial_centre', 30],
  ['transport_hub', 10],
  ['residential', 25],
  ['other', 35],
]);
const CREDIT_GRADES = new WeightedChoice<string>([
  ['AAA', 8],
  ['AA', 22],
  ['A', 38],
  ['B', 22],
  ['C', 10],
]);
const SOURCES_CHOICE = new WeightedChoice<Source>([
  ['rep_visit', 55],
  ['customer_form', 25],
  ['agency', 7],
  ['other', 13],
]);
/** Credit data is where an investigation agency is worth its fee (method 三.1 ③). */
const TRADING_SOURCES = new WeightedChoice<Source>([
  ['rep_visit', 45],
  ['customer_form', 25],
  ['agency', 20],
  ['other', 10],
]);
/** Customer-filled forms are often unverified (method 三.1 ②: customers withhold or inflate). */
const VERIFIED_SHARE: Record<Source, number> = { rep_visit: 0.8, customer_form: 0.3, agency: 0.9, other: 0.6 };

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '176', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199',
]; // prettier-ignore
/** Characters allowed in the body of a unified social credit code (no I, O, S, V, Z). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GIVEN_CHARACTERS = [
  ...'伟芳敏静丽强磊军洋勇艳杰娟涛明超霞平刚华国志海燕红梅晓东文斌宇浩鹏婷雪晨欣荣建新春玉兰佳俊嘉',
];
const DATE_END_YEAR = 2026;
const SINGLE_SURNAMES = SURNAMES.filter((s) => s.length === 1);
/** 欧阳, 司马, 上官: rare, but a register has some. */
const COMPOUND_SURNAMES = SURNAMES.filter((s) => s.length > 1);

class DemoCardMaker {
  private readonly names = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly routeOrder = new Map<string, number>();
  private readonly initials = new Map<string, string>();

  constructor(
    private readonly random: SeededRandom,
    private readonly reps: readonly string[],
  ) {}

  card(): CardContent {
    const r = this.random;
    const city = CITIES.pick(r);
    const district = r.pick(city.districts);
    const identity = this.identity(city, district);
    const potential = identity.nature !== 'government' && r.chance(0.1);
    // How much of the card has been filled in so far: potential customers have thin cards.
    const fill = potential ? 0.1 + r.next() * 0.3 : 0.35 + r.next() * 0.65;
    const card = emptyCard();
    const b = card.basic;
    b.name = identity.name;
    b.shortName = identity.shortName;
    b.creditCode = identity.creditPrefix && r.chance(0.92) ? this.creditCode(identity.creditPrefix, district) : '';
    b.address = this.address(city, district, identity);
    b.phone = this.phone(city, identity);
    if (identity.nature !== 'individual' && !identity.shop && r.chance(0.25)) b.fax = this.landline(city);
    if (identity.nature !== 'individual' && identity.nature !== 'government' && r.chance(0.45)) {
      b.email = this.email(identity.brand);
    }
    b.organizationForm = identity.organizationForm;
    const figures = this.figures(identity);
    b.registeredCapital = figures.capital;
    b.employees = figures.employees;
    b.annualSales = potential && r.chance(0.6) ? null : figures.sales;
    const foundedYear = this.foundedYear(identity);
    b.founded = foundedYear && r.chance(0.85) ? this.date(foundedYear, foundedYear) : '';
    // Trading starts after the customer was founded, and the office's records go back to 2003.
    b.tradingSince = potential ? '' : this.date(Math.max((foundedYear ?? 2002) + 1, 2003), DATE_END_YEAR);

    card.people = this.people(identity, fill);
    this.characteristics(card, city, district, identity, figures, fill);
    const creditGrade = CREDIT_GRADES.pick(r);
    this.trading(card, identity, creditGrade, figures.sales, potential, fill);

    const c = card.classification;
    c.nature = identity.nature;
    c.ownership = identity.ownership;
    c.businessType = identity.businessType;
    c.locationType = identity.locationType;
    c.industry = identity.industry;
    c.grade = this.grade(figures.sales);
    c.creditGrade = identity.nature === 'government' ? (r.chance(0.6) ? 'AAA' : 'AA') : creditGrade;
    // A few cards are not yet filed under a region: the custodian's work list.
    if (r.chance(0.97)) {
      const route = routeFor(city, district);
      const order = (this.routeOrder.get(route.code) ?? 0) + 1;
      this.routeOrder.set(route.code, order);
      // Filed under the district (the city where the district has no code of its own), on the route serving it.
      c.region = regionCodeOf(city, district);
      c.route = route.code;
      c.routeOrder = order;
      if (this.reps.length > 0 && r.chance(0.96))
        c.assignedRep = this.reps[DEMO_ROUTES.indexOf(route) % this.reps.length]!;
    }

    for (const key of ['basic', 'people', 'characteristics', 'business', 'trading'] as const) {
      const source = key === 'trading' ? TRADING_SOURCES.pick(r) : SOURCES_CHOICE.pick(r);
      const verified = r.chance(VERIFIED_SHARE[source] * (potential ? 0.5 : 1));
      card.sources[key] = { source, verified, verifiedBy: null, verifiedAt: null };
    }
    return card;
  }

  /** A name not yet used (by the duplicate-warning key), with what it implies. */
  private identity(city: DemoCity, district: DemoDistrict): Identity {
    for (let attempt = 0; attempt < 40; attempt++) {
      const nature = attempt < 20 ? NATURES.pick(this.random) : 'company';
      const identity = this.nameFor(nature, city, district);
      const key = nameKey(identity.name);
      if (!this.names.has(key)) {
        this.names.add(key);
        return identity;
      }
    }
    // Every common combination in this city is taken: a numbered branch keeps the name unique.
    const identity = this.nameFor('company', city, district);
    for (let n = 2; ; n++) {
      const name = `${identity.name}${district.name.replace(/[区镇]$|街道$/, '')}第${n}分店`;
      if (!this.names.has(nameKey(name))) {
        this.names.add(nameKey(name));
        return { ...identity, name };
      }
    }
  }

  private tradeName(): string {
    const r = this.random;
    if (r.chance(0.6)) return COMMON_NAMES.pick(r);
    const [first, second] = r.sample(TRADE_NAME_CHARACTERS, 2);
    return first! + second!;
  }

  private nameFor(nature: Nature, city: DemoCity, district: DemoDistrict): Identity {
    const r = this.random;
    const cityName = city.name === '东莞' || r.chance(0.85) ? city.name : `${city.name}市`;
    const location = LOCATIONS.pick(r);
    switch (nature) {
      case 'government': {
        const [unit, kind] = r.pick(PUBLIC_UNITS);
        const cityLevel = r.chance(0.25) || city.name === '东莞';
        const name = cityLevel ? `${city.name}市${unit}` : `${city.name}市${district.name}${unit}`;
        return {
          nature,
          name,
          shortName: cityLevel ? `${city.name}${unit}` : `${district.name}${unit}`,
          creditPrefix: kind === 'organ' ? '11' : '12',
          organizationForm: kind === 'organ' ? '机关法人' : '事业单位法人',
          ownership: 'state',
          industry: 'public',
          businessType: '',
          locationType: '',
          shop: false,
          brand: '',
        };
      }
      case 'individual': {
        const name = this.personName();
        return {
          nature,
          name,
          shortName: '',
          creditPrefix: null,
          organizationForm: '',
          ownership: '',
          industry: '',
          businessType: '',
          locationType: '',
          shop: false,
          brand: '',
        };
      }
      case 'special': {
        const trade = this.tradeName();
        const form = r.pick(['集团有限公司', '控股集团股份有限公司', '实业总公司', '投资集团有限公司']);
        return {
          nature,
          name: `${cityName}${trade}${form}`,
          shortName: `${trade}集团`,
          creditPrefix: '91',
          organizationForm: form.includes('股份')
            ? '股份有限公司'
            : form.endsWith('总公司')
              ? '全民所有制企业'
              : '有限责任公司',
          ownership: form.endsWith('总公司') ? 'state' : r.pick(['state', 'joint_stock', 'joint_venture']),
          industry: INDUSTRIES.pick(r),
          businessType: r.pick(['wholesale', 'agent', 'chain']),
          locationType: location,
          shop: false,
          brand: trade,
        };
      }
      case 'partner': {
        const trade = this.tradeName();
        const industry = r.pick(['wholesale_retail', 'logistics', 'manufacturing', 'food']);
        const word = r.pick(INDUSTRY_WORDS[industry]!);
        const form = r.pick(['有限公司', '贸易有限公司', '供应链管理有限公司']);
        const tail = form === '有限公司' ? `${word}有限公司` : form;
        return {
          nature,
          name: `${cityName}${trade}${tail}`,
          shortName: `${trade}${form === '有限公司' ? word : form.replace('有限公司', '')}`,
          creditPrefix: '91',
          organizationForm: '有限责任公司',
          ownership: r.chance(0.75) ? 'private' : 'joint_stock',
          industry,
          businessType: r.chance(0.6) ? 'wholesale' : 'agent',
          locationType: location,
          shop: false,
          brand: trade + word,
        };
      }
      case 'company': {
        const trade = this.tradeName();
        if (r.chance(0.4)) {
          // A small shop registered as 个体工商户: its name starts with the city and district.
          const { form, type } = SHOP_FORM_CHOICE.pick(r);
          const word = form === '超市' || form === '便利店' ? '' : r.pick(SHOP_WORDS);
          const food = ['副食', '粮油', '水果', '茶叶', '烟酒', '调味品'].includes(word);
          return {
            nature,
            name: `${city.name}市${district.name}${trade}${word}${form}`,
            shortName: `${trade}${word || form}`,
            creditPrefix: '92',
            organizationForm: '个体工商户',
            ownership: 'private',
            industry: food ? 'food' : 'wholesale_retail',
            businessType: type,
            locationType: location,
            shop: true,
            brand: trade + word,
          };
        }
        const industry = INDUSTRIES.pick(r);
        const word = r.pick(INDUSTRY_WORDS[industry]!);
        const form = FIRM_FORMS.pick(r);
        const ownership = form === '股份有限公司' ? 'joint_stock' : FIRM_OWNERSHIP.pick(r);
        return {
          nature,
          name: `${cityName}${trade}${word}${form}`,
          shortName: `${trade}${word}`,
          creditPrefix: '91',
          organizationForm: form === '股份有限公司' ? '股份有限公司' : '有限责任公司',
          ownership,
          industry,
          businessType: FIRM_TYPES.pick(r),
          locationType: location,
          shop: false,
          brand: trade + word,
        };
      }
    }
  }

  private personName(): string {
    const r = this.random;
    const surname = r.chance(0.97) ? r.pick(SINGLE_SURNAMES) : r.pick(COMPOUND_SURNAMES);
    if (r.chance(0.5)) return surname + r.pick(GIVEN_NAMES);
    return surname + r.pick(GIVEN_CHARACTERS) + (r.chance(0.8) ? r.pick(GIVEN_CHARACTERS) : '');
  }

  /** 18 characters: registration authority and kind, division code, organisation code with its GB 11714 check, check character. */
  private creditCode(prefix: string, district: DemoDistrict): string {
    const r = this.random;
    for (;;) {
      let body = '';
      if (prefix !== '11' && prefix !== '12' && r.chance(0.6)) {
        // Codes issued since 2015 start with MA.
        body = 'MA';
        for (let i = 0; i < 6; i++) body += CREDIT_CHARS[r.int(0, CREDIT_CHARS.length - 1)];
      } else {
        body = r.digits(8);
      }
      const first17 = prefix + district.division + body + organisationCheck(body);
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }

  private landline(city: DemoCity): string {
    const r = this.random;
    return `${city.areaCode}-${r.int(2, 8)}${r.digits(city.localDigits - 1)}`;
  }

  private mobile(): string {
    return this.random.pick(MOBILE_PREFIXES) + this.random.digits(8);
  }

  private phone(city: DemoCity, identity: Identity): string {
    const r = this.random;
    if (identity.nature === 'individual') return this.mobile();
    if (identity.shop && r.chance(0.3)) return this.mobile();
    if (!identity.shop && identity.nature !== 'government' && r.chance(0.1)) {
      return `${this.landline(city)}，${this.mobile()}`;
    }
    return this.landline(city);
  }

  private email(brand: string): string {
    const r = this.random;
    let initials = this.initials.get(brand);
    if (initials === undefined) {
      initials = pinyinInitials(brand);
      this.initials.set(brand, initials);
    }
    const local = initials || 'info';
    switch (r.int(0, 5)) {
      case 0:
        return `${local}@163.com`;
      case 1:
        return `${local}${r.int(1, 999)}@126.com`;
      case 2:
        return `${r.int(1, 9)}${r.digits(r.int(6, 9))}@qq.com`;
      case 3:
        return `sales@${local}.com.cn`;
      case 4:
        return `${local}${r.int(1, 99)}@sina.com`;
      default:
        return `service@${local}.com`;
    }
  }

  private address(city: DemoCity, district: DemoDistrict, identity: Identity): string {
    const r = this.random;
    const head = `${city.province}${city.name}市${district.name}`;
    if (identity.nature === 'individual') {
      return `${head}${r.pick(DEMO_HOUSING_ESTATES)}${r.int(1, 30)}栋${r.int(1, 6)}单元${r.int(1, 32)}0${r.int(1, 4)}室`;
    }
    const street = `${head}${r.pick(DEMO_ROADS)}${r.int(1, 999)}号`;
    if (identity.shop && r.chance(0.35)) {
      return `${street}${r.pick(DEMO_MARKETS)}${r.pick(['A', 'B', 'C', 'D'])}区${r.int(1, 300)}号铺位`;
    }
    if (!identity.shop && r.chance(0.4)) {
      return `${street}${r.pick(DEMO_OFFICE_BUILDINGS)}${r.int(2, 32)}层${r.int(1, 20)}${r.digits(1)}室`;
    }
    return street;
  }

  private figures(identity: Identity): { capital: number | null; employees: number | null; sales: number | null } {
    const r = this.random;
    switch (identity.nature) {
      case 'individual':
        return { capital: null, employees: null, sales: null };
      case 'government':
        return { capital: null, employees: Math.round(r.logUniform(30, 800)), sales: null };
      case 'special': {
        const employees = Math.round(r.logUniform(500, 20000));
        return {
          capital: roundTo(r.logUniform(5000, 200000), 100),
          employees,
          sales: roundTo(employees * r.logUniform(20, 120), 10),
        };
      }
      default: {
        const employees = Math.round(identity.shop ? r.logUniform(1, 15) : r.logUniform(5, 2000));
        return {
          capital: identity.shop
            ? Math.round(r.logUniform(1, 50))
            : identity.organizationForm === '股份有限公司'
              ? roundTo(r.logUniform(500, 50000), 100)
              : roundTo(r.logUniform(10, 20000), 10),
          employees,
          sales: Math.round(employees * r.logUniform(8, 80)),
        };
      }
    }
  }

  private foundedYear(identity: Identity): number | null {
    const r = this.random;
    if (identity.nature === 'individual') return null;
    if (identity.nature === 'government') return r.int(1950, 1995);
    return r.int(1988, 2024);
  }

  /** A valid YYYY-MM-DD between the years given (never past October of the last year). */
  private date(fromYear: number, toYear: number): string {
    const r = this.random;
    const year = r.int(fromYear, toYear);
    const month = r.int(1, year === DATE_END_YEAR ? 10 : 12);
    const day = r.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** 客户等级 mostly follows sales, as the office grades for goods, sales and collection. */
  private grade(sales: number | null): string {
    const r = this.random;
    if (sales === null || r.chance(0.2)) return r.pick(['A', 'B', 'C', 'C', 'D', 'D']);
    if (sales >= 5000) return 'A';
    if (sales >= 1000) return 'B';
    if (sales >= 100) return 'C';
    return 'D';
  }

  private people(identity: Identity, fill: number): Person[] {
    const r = this.random;
    const roles: PersonRole[] = [];
    if (identity.nature === 'individual') roles.push('contact');
    else if (identity.nature === 'government') {
      if (r.chance(0.6)) roles.push('legal_rep');
      roles.push('contact');
      if (r.chance(0.4)) roles.push('contact');
    } else if (identity.shop) {
      roles.push('owner');
      if (r.chance(0.5)) roles.push('contact');
    } else {
      if (r.chance(0.9)) roles.push('legal_rep');
      if (identity.ownership === 'private' && r.chance(0.4)) roles.push('owner');
      if (r.chance(0.6)) roles.push('manager');
      roles.push('contact');
      if (r.chance(0.4)) roles.push('contact');
      if (identity.nature === 'special' && r.chance(0.5)) roles.push('contact');
    }
    return roles.map((role, i) => {
      const person = emptyPerson(role);
      // A private customer is the card's own person.
      person.name = identity.nature === 'individual' && i === 0 ? identity.name : this.personName();
      const titles =
        identity.nature === 'government' && (role === 'legal_rep' || role === 'contact')
          ? PUBLIC_TITLES[role]
          : identity.shop && role === 'owner'
            ? ['店主', '老板']
            : TITLES[role];
      person.title = identity.nature === 'individual' ? '' : r.pick(titles);
      person.phone = r.chance(0.85) ? this.mobile() : '';
      const notes = fill * (role === 'contact' ? 0.7 : 0.9);
      if (r.chance(notes)) person.character = r.pick(CHARACTERS);
      if (r.chance(notes)) person.hobbies = r.sample(HOBBIES, r.int(1, 2)).join('、');
      if (r.chance(notes * 0.8)) person.family = r.pick(FAMILIES);
      if (r.chance(notes)) person.education = r.pick(EDUCATIONS);
      if (r.chance(notes)) person.age = r.int(role === 'contact' ? 23 : 30, role === 'contact' ? 60 : 70);
      if (r.chance(notes * 0.8)) person.abilities = r.pick(ABILITIES);
      return person;
    });
  }

  private characteristics(
    card: CardContent,
    city: DemoCity,
    district: DemoDistrict,
    identity: Identity,
    figures: { employees: number | null; sales: number | null },
    fill: number,
  ): void {
    const r = this.random;
    const { sales } = figures;
    const staff = figures.employees ?? 1;
    const maybe = (text: () => string): string => (r.chance(fill) ? text() : '');
    const ch = card.characteristics;
    const region = DEMO_REGIONS.find((g) => g.code === city.region)!.label.replace('区', '地区');
    ch.serviceArea = maybe(() =>
      r.pick([
        `${city.name}市区`,
        `${city.name}及周边县市`,
        `${city.province || city.name + '市'}全境`,
        `${district.name}及相邻街道`,
        region,
        '全国（含线上渠道）',
      ]),
    );
    ch.salesCapacity = maybe(() =>
      r.pick([
        sales !== null ? `年销售额约${sales}万元` : '年销售额不详',
        `下游客户约${r.int(5, 30) * Math.ceil(Math.sqrt(staff))}家`,
        identity.shop
          ? `门店1家，营业面积约${r.int(2, 30) * 10}平方米`
          : `门店${Math.max(1, Math.round(staff / r.int(15, 60)))}家`,
        `销售人员${Math.max(1, Math.round(staff * 0.3))}人，自有配送车辆${Math.max(1, Math.round(staff / 25))}台`,
      ]),
    );
    ch.growthPotential = maybe(() => r.pick(PHRASES.growthPotential));
    ch.businessPhilosophy = maybe(() => r.pick(PHRASES.businessPhilosophy));
    ch.policies = maybe(() => r.pick(PHRASES.policies));
    ch.managementStyle = identity.nature === 'individual' ? '' : maybe(() => r.pick(PHRASES.managementStyle));

    const bs = card.business;
    bs.salesPerformance = maybe(() => {
      if (sales === null) return '销售平稳，旺季在春节前';
      const years = [0.8, 0.9, 1].map((f) => Math.max(1, Math.round(sales * f * (0.9 + r.next() * 0.2))));
      return r.chance(0.5) ? `近三年年销售额约${years.join('、')}万元` : growthText(r.int(-15, 35));
    });
    bs.staffQuality = identity.nature === 'individual' ? '' : maybe(() => r.pick(PHRASES.staffQuality));
    bs.competitorRelations = maybe(() => r.pick(PHRASES.competitorRelations));
    bs.cooperationAttitude = maybe(() => r.pick(PHRASES.cooperationAttitude));
  }

  private trading(
    card: CardContent,
    identity: Identity,
    creditGrade: string,
    sales: number | null,
    potential: boolean,
    fill: number,
  ): void {
    const r = this.random;
    const maybe = (text: () => string): string => (r.chance(fill) ? text() : '');
    const t = card.trading;
    t.salesActivity = maybe(() => r.pick(PHRASES.salesActivity));
    t.problems = maybe(() => r.pick(PHRASES.problems));
    t.strengths = maybe(() => r.pick(PHRASES.strengths));
    t.futureMeasures = maybe(() => r.pick(PHRASES.futureMeasures));
    t.reputation = maybe(() => r.pick(PHRASES.reputation));
    if (potential) return;
    if (identity.nature === 'government') {
      t.creditLimit = roundTo(r.logUniform(50_000, 2_000_000), 10_000);
      t.paymentTermsDays = r.pick([60, 90]);
      t.tradeTerms = '按财政支付流程，验收合格后付款';
      t.creditStatus = r.pick(CREDIT_STATUS.AAA!);
      return;
    }
    const [low, high, terms] = CREDIT_TERMS[creditGrade]!;
    // No more credit than about two months of the customer's own sales (万元 → 元).
    const ceiling = sales === null ? high : Math.max(1000, sales * 10_000 * 0.15);
    const limit = Math.min(r.logUniform(Math.max(low, 1000), high), ceiling);
    t.creditLimit = low === 0 && r.chance(0.5) ? 0 : roundTo(limit, 1000);
    t.paymentTermsDays = r.pick(terms);
    t.tradeTerms =
      t.paymentTermsDays === 0
        ? r.pick(['现款现货', '款到发货', '货到付款'])
        : r.pick([`月结${t.paymentTermsDays}天`, `${t.paymentTermsDays}天账期，月底对账`, '银行承兑汇票（六个月）']);
    t.creditStatus = r.pick(CREDIT_STATUS[creditGrade]!);
    if ((creditGrade === 'B' || creditGrade === 'C') && r.chance(0.6)) {
      t.pastCreditProblems = r.pick(PHRASES.pastCreditProblems);
    }
  }
}

/** Credit limit range (元) and payment terms (days) by credit grade (method 四.4: credit grade → trade terms). */
const CREDIT_TERMS: Record<string, readonly [number, number, readonly number[]]> = {
  AAA: [500_000, 3_000_000, [30, 45, 60, 90]],
  AA: [200_000, 1_000_000, [30, 45, 60]],
  A: [50_000, 300_000, [15, 30, 45]],
  B: [10_000, 80_000, [0, 7, 15]],
  C: [0, 10_000, [0]],
};

function growthText(percent: number): string {
  if (percent === 0) return '去年销售额与前年持平';
  return percent > 0 ? `去年销售额同比增长约${percent}%` : `去年销售额同比下降约${-percent}%`;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** The check character of a GB 11714 organisation code over its eight-character body. */
function organisationCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i]!;
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
