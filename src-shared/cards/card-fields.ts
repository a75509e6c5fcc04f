import {
  CLASSIFICATION_AXES,
  SECTION_KEYS,
  type CardContent,
  type ClassificationAxis,
  type Person,
  type SectionKey,
} from './card';

/** How a scalar field is entered, shown, exported and parsed on import. */
export type FieldKind =
  'text' | 'longText' | 'date' | 'amount' | 'whole' | 'dictionary' | 'source' | 'verified' | 'rep';

/** One scalar field of the card (people are listed separately: a card has any number of them). */
export interface CardField {
  /** Dotted path into CardContent, e.g. `basic.name`, `sources.basic.source`. */
  path: string;
  zh: string;
  en: string;
  kind: FieldKind;
  section: SectionKey | 'classification';
  /** Column names used by Chinese ERP and spreadsheet exports, recognised when an import is mapped. */
  synonyms: readonly string[];
  axis?: ClassificationAxis;
}

const f = (
  path: string,
  zh: string,
  en: string,
  kind: FieldKind,
  synonyms: readonly string[] = [],
  axis?: ClassificationAxis,
): CardField => ({
  path,
  zh,
  en,
  kind,
  section: path.startsWith('sources.')
    ? (path.split('.')[1] as SectionKey)
    : (path.split('.')[0] as SectionKey | 'classification'),
  synonyms,
  ...(axis ? { axis } : {}),
});

/** The five sections' names as the method document gives them. */
export const SECTION_LABELS_ZH: Record<SectionKey, string> = {
  basic: '基础资料',
  people: '人员',
  characteristics: '客户特征',
  business: '业务状况',
  trading: '交易与信用',
};
export const SECTION_LABELS_EN: Record<SectionKey, string> = {
  basic: 'Basic data',
  people: 'People',
  characteristics: 'Characteristics',
  business: 'Business status',
  trading: 'Trading and credit',
};

const AXIS_LABELS: Record<ClassificationAxis, readonly [string, string, readonly string[]]> = {
  nature: ['客户性质', 'Nature', ['性质', '客户类型', '客户类别']],
  ownership: ['所有制', 'Ownership', ['所有制形式', '经济类型', '企业性质']],
  businessType: ['业态', 'Business type', ['经营类型', '店铺类型', '渠道类型', '客户业态']],
  locationType: ['地段类型', 'Location type', ['地段', '店铺地段', '商圈类型']],
  grade: ['客户等级', 'Grade', ['等级', '客户级别', '级别']],
  creditGrade: ['信用等级', 'Credit grade', ['信用级别', '资信等级']],
  industry: ['行业', 'Industry', ['所属行业', '业种', '行业类别']],
  region: ['区域', 'Region', ['地区', '所属区域', '销售区域', '片区']],
  route: ['路线', 'Route', ['线路', '拜访路线', '送货路线', '路序分类']],
};

/** Every scalar field, in the order of the card form and of the export columns. */
export const CARD_FIELDS: readonly CardField[] = [
  f('basic.code', '客户编码', 'Customer code', 'text', [
    '客户编号',
    '客户代码',
    '编码',
    '编号',
    '客户ID',
    '往来单位编码',
    '单位编码',
  ]),
  f('basic.name', '客户名称', 'Name', 'text', [
    '客户全称',
    '单位名称',
    '公司名称',
    '企业名称',
    '名称',
    '往来单位名称',
    '客户',
  ]),
  f('basic.shortName', '简称', 'Short name', 'text', ['客户简称', '单位简称', '助记名']),
  f('basic.creditCode', '统一社会信用代码', 'Unified social credit code', 'text', [
    '信用代码',
    '社会信用代码',
    '统一信用代码',
    '纳税人识别号',
    '税号',
    '税务登记号',
  ]),
  f('basic.address', '地址', 'Address', 'text', [
    '详细地址',
    '公司地址',
    '联系地址',
    '通讯地址',
    '注册地址',
    '经营地址',
  ]),
  f('basic.phone', '联系电话', 'Phone', 'text', ['电话', '固定电话', '办公电话', '公司电话', '电话号码']),
  f('basic.fax', '传真', 'Fax', 'text', ['传真号码', '传真号']),
  f('basic.email', '电子邮箱', 'E-mail', 'text', ['邮箱', 'email', 'e-mail', '电子邮件']),
  f('basic.founded', '创业时间', 'Founded', 'date', ['成立日期', '成立时间', '创立时间', '注册日期']),
  f('basic.tradingSince', '开始交易时间', 'Trading since', 'date', [
    '与本公司交易时间',
    '首次交易日期',
    '建档日期',
    '合作开始时间',
  ]),
  f('basic.organizationForm', '企业组织形式', 'Organization form', 'text', ['组织形式', '企业类型', '公司类型']),
  f('basic.registeredCapital', '注册资本（万元）', 'Registered capital (10k CNY)', 'amount', [
    '注册资本',
    '注册资金',
    '资产',
    '资产总额',
  ]),
  f('basic.employees', '职工人数', 'Employees', 'whole', ['员工人数', '人数', '从业人数']),
  f('basic.annualSales', '年销售额（万元）', 'Annual sales (10k CNY)', 'amount', [
    '年销售额',
    '销售额',
    '年营业额',
    '营业额',
  ]),
  f('characteristics.serviceArea', '服务区域', 'Service area', 'longText', ['经营区域']),
  f('characteristics.salesCapacity', '销售能力', 'Sales capacity', 'longText'),
  f('characteristics.growthPotential', '发展潜力', 'Growth potential', 'longText'),
  f('characteristics.businessPhilosophy', '经营观念', 'Business philosophy', 'longText', ['经营理念']),
  f('characteristics.policies', '经营方针与政策', 'Policies', 'longText', ['经营方针', '经营政策']),
  f('characteristics.managementStyle', '经营管理特点', 'Management style', 'longText', ['管理特点']),
  f('business.salesPerformance', '销售实绩', 'Sales performance', 'longText', ['目前及以往的销售实绩']),
  f('business.staffQuality', '经营管理者和业务人员素质', 'Staff quality', 'longText', ['人员素质']),
  f('business.competitorRelations', '与竞争公司的关系', 'Relations with competitors', 'longText', ['竞争关系']),
  f('business.cooperationAttitude', '与本公司的业务联系及合作态度', 'Cooperation attitude', 'longText', ['合作态度']),
  f('trading.salesActivity', '销售活动状况', 'Sales activity', 'longText'),
  f('trading.problems', '存在的问题', 'Problems', 'longText'),
  f('trading.strengths', '保持的优势', 'Strengths', 'longText'),
  f('trading.futureMeasures', '未来的对策', 'Future measures', 'longText'),
  f('trading.reputation', '企业信誉与形象', 'Reputation and image', 'longText', ['信誉', '企业信誉']),
  f('trading.creditLimit', '信用额度（元）', 'Credit limit (CNY)', 'amount', [
    '信用额度',
    '授信额度',
    '信用限额',
    '赊销额度',
  ]),
  f('trading.paymentTermsDays', '账期（天）', 'Payment terms (days)', 'whole', [
    '账期',
    '信用期',
    '付款期限',
    '收款期限',
    '信用天数',
  ]),
  f('trading.tradeTerms', '交易条件', 'Trade terms', 'text', ['结算方式', '付款方式', '交易方式']),
  f('trading.creditStatus', '信用状况', 'Credit status', 'text', ['资信状况']),
  f('trading.pastCreditProblems', '以往信用问题', 'Past credit problems', 'longText', ['信用问题', '不良记录']),
  ...CLASSIFICATION_AXES.map((axis) =>
    f(`classification.${axis}`, AXIS_LABELS[axis][0], AXIS_LABELS[axis][1], 'dictionary', AXIS_LABELS[axis][2], axis),
  ),
  f('classification.routeOrder', '路序', 'Route order', 'whole', ['路线顺序', '拜访顺序']),
  f('classification.assignedRep', '负责业务员', 'Assigned rep', 'rep', [
    '业务员',
    '负责人员',
    '销售员',
    '客户经理',
    '业务员账号',
  ]),
  ...SECTION_KEYS.flatMap((k) => [
    f(`sources.${k}.source`, `${SECTION_LABELS_ZH[k]}·来源`, `${SECTION_LABELS_EN[k]} · source`, 'source'),
    f(`sources.${k}.verified`, `${SECTION_LABELS_ZH[k]}·已核实`, `${SECTION_LABELS_EN[k]} · verified`, 'verified'),
  ]),
];

/** Person fields in form and export order; the personal notes are the masked ones. */
export const PERSON_FIELDS: readonly { key: keyof Person; zh: string; en: string; personal: boolean }[] = [
  { key: 'role', zh: '身份', en: 'Role', personal: false },
  { key: 'name', zh: '姓名', en: 'Name', personal: false },
  { key: 'title', zh: '职务', en: 'Title', personal: false },
  { key: 'phone', zh: '电话', en: 'Phone', personal: false },
  { key: 'character', zh: '性格', en: 'Character', personal: true },
  { key: 'hobbies', zh: '嗜好', en: 'Hobbies', personal: true },
  { key: 'family', zh: '家庭', en: 'Family', personal: true },
  { key: 'education', zh: '学历', en: 'Education', personal: true },
  { key: 'age', zh: '年龄', en: 'Age', personal: true },
  { key: 'abilities', zh: '能力', en: 'Abilities', personal: true },
];

export const PERSON_ROLE_LABELS: Record<Person['role'], { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'Owner' },
  manager: { zh: '经营管理者', en: 'Manager' },
  legal_rep: { zh: '法人代表', en: 'Legal representative' },
  contact: { zh: '联系人', en: 'Contact' },
};

export const SOURCE_LABELS: Record<CardContent['sources'][SectionKey]['source'], { zh: string; en: string }> = {
  rep_visit: { zh: '业务员访问', en: 'Rep visit' },
  customer_form: { zh: '客户填写', en: 'Customer-filled form' },
  agency: { zh: '调查机构', en: 'Investigation agency' },
  other: { zh: '其他', en: 'Other' },
};

/** Reads a field by its dotted path. */
export function fieldValue(content: CardContent, path: string): string | number | boolean | null {
  let node: unknown = content;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return node as string | number | boolean | null;
}

/** Writes a field by its dotted path (the card is changed in place). */
export function setFieldValue(content: CardContent, path: string, value: string | number | boolean | null): void {
  const parts = path.split('.');
  let node = content as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}
