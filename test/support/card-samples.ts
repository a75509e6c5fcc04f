import { emptyCard, type CardContent } from '../../src-shared/cards/card';

/** A card with every field filled, Chinese text throughout, several people and mixed sources. */
export function fullCard(
  overrides: { name?: string; code?: string; creditCode?: string; phone?: string } = {},
): CardContent {
  const card = emptyCard();
  return {
    ...card,
    basic: {
      code: overrides.code ?? 'HX0001',
      name: overrides.name ?? '北京华信科技有限公司',
      shortName: '华信科技',
      creditCode: overrides.creditCode ?? '91350100M000100Y43',
      address: '北京市海淀区中关村大街 27 号 华信大厦 8 层',
      phone: overrides.phone ?? '010-8821 3456',
      fax: '010-88213457',
      email: 'office@huaxin.example.cn',
      founded: '1998-03-15',
      tradingSince: '2012-07-01',
      organizationForm: '有限责任公司',
      registeredCapital: 5000,
      employees: 320,
      annualSales: 18500.5,
    },
    people: [
      {
        role: 'owner',
        name: '王建国',
        title: '董事长',
        phone: '13901234567',
        character: '稳重，重信誉',
        hobbies: '书法、钓鱼',
        family: '已婚，一子在外地读书',
        education: '硕士',
        age: 56,
        abilities: '擅长政府关系和大客户谈判',
      },
      {
        role: 'legal_rep',
        name: '李秀英',
        title: '总经理',
        phone: '13801112222',
        character: '果断',
        hobbies: '羽毛球',
        family: '已婚',
        education: '本科',
        age: 48,
        abilities: '财务出身，重视回款',
      },
      {
        role: 'contact',
        name: '张伟',
        title: '采购主管',
        phone: '13700001111',
        character: '',
        hobbies: '',
        family: '',
        education: '',
        age: null,
        abilities: '',
      },
    ],
    characteristics: {
      serviceArea: '京津冀',
      salesCapacity: '年销售能力约两亿元',
      growthPotential: '较大，正在开拓华北市场',
      businessPhilosophy: '稳健经营',
      policies: '以直销为主，辅以代理',
      managementStyle: '家族式管理，决策集中',
    },
    business: {
      salesPerformance: '近三年销售额稳定增长',
      staffQuality: '业务人员素质较高',
      competitorRelations: '与远大公司有长期合作',
      cooperationAttitude: '积极，愿意试销新品',
    },
    trading: {
      salesActivity: '每月两次集中采购',
      problems: '旺季付款偶有延迟',
      strengths: '渠道覆盖广',
      futureMeasures: '提高信用额度，争取年度协议',
      reputation: '行业口碑良好',
      creditLimit: 500000,
      paymentTermsDays: 60,
      tradeTerms: '月结 60 天，银行承兑',
      creditStatus: '良好',
      pastCreditProblems: '2019 年一笔货款逾期 15 天',
    },
    classification: {
      nature: 'company',
      ownership: 'private',
      businessType: 'wholesale',
      locationType: 'commercial_centre',
      grade: 'A',
      creditGrade: 'AA',
      industry: 'it',
      region: '',
      route: '',
      routeOrder: 3,
      assignedRep: '',
    },
    sources: {
      basic: { source: 'rep_visit', verified: true, verifiedBy: null, verifiedAt: null },
      people: { source: 'rep_visit', verified: false, verifiedBy: null, verifiedAt: null },
      characteristics: { source: 'customer_form', verified: false, verifiedBy: null, verifiedAt: null },
      business: { source: 'agency', verified: true, verifiedBy: null, verifiedAt: null },
      trading: { source: 'other', verified: false, verifiedBy: null, verifiedAt: null },
    },
  };
}

/** A minimal card: a name and nothing else. */
export function namedCard(name: string, basic: Partial<CardContent['basic']> = {}): CardContent {
  const card = emptyCard();
  return { ...card, basic: { ...card.basic, name, ...basic } };
}

/** The content without the main process's verification stamps, for comparing what a user entered. */
export function withoutStamps(content: CardContent): CardContent {
  const sources = Object.fromEntries(
    Object.entries(content.sources).map(([k, s]) => [k, { ...s, verifiedBy: null, verifiedAt: null }]),
  ) as CardContent['sources'];
  return { ...content, sources };
}
